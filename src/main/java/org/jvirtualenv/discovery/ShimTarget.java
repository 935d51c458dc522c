package org.jvirtualenv.discovery;

import java.nio.file.Path;

/**
 * What a version manager's shim would run here, as far as the manager's own rules decide it
 * without running the manager: an executable, nothing at all, or "cannot tell" (the caller then
 * asks the manager, or runs the shim).
 *
 * @param executable the file the shim would run (only for {@link Kind#RUNS})
 * @param reason     how it was decided, or why it could not be: for the debug log
 */
record ShimTarget(Kind kind, Path executable, String reason) {
    enum Kind { RUNS, RUNS_NOTHING, UNDECIDED }

    static ShimTarget runs(Path executable, String reason) {
        return new ShimTarget(Kind.RUNS, executable, reason);
    }

    static ShimTarget runsNothing(String reason) {
        return new ShimTarget(Kind.RUNS_NOTHING, null, reason);
    }

    static ShimTarget undecided(String reason) {
        return new ShimTarget(Kind.UNDECIDED, null, reason);
    }
}
