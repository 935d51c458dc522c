package org.jvirtualenv.seed;

import org.jvirtualenv.util.Processes;

/** Reading what a pip run said, for the one line a failure prints. */
final class Pip {
    private Pip() {
    }

    /** pip's most telling line: its last ERROR line, else its first line of output. */
    static String error(Processes.Result r) {
        String found = null;
        for (String line : (r.stderr() + "\n" + r.stdout()).split("\n")) {
            if (line.startsWith("ERROR")) {
                found = line.strip();
            }
        }
        return found != null ? found : r.firstErrorLine();
    }
}
