package org.jvirtualenv.testing;

import java.util.List;

/** What a finished child process left behind. Output is decoded as UTF-8. */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {
    /** A one-glance summary for assertion messages. */
    public String describe() {
        return "command " + command + " exited " + exitCode
                + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
