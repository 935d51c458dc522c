package org.jvirtualenv.testing;

/** Exit code and output of a finished child process. */
public record RunResult(int exitCode, String stdout, String stderr) {
    public String describe() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
