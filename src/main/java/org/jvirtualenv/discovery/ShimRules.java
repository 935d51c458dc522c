package org.jvirtualenv.discovery;

import java.nio.file.Path;

/**
 * A version manager's rules for which interpreter one of its shims runs, applied without running
 * the manager. Where the rules cannot decide, the answer says why, and the caller runs the shim's
 * own tool instead.
 */
abstract class ShimRules {
    /** Why the rules cannot decide; thrown anywhere below {@link #decide} and turned into an undecided answer. */
    static final class Undecided extends Exception {
        Undecided(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The interpreter {@code shim} (whose text is {@code content}) runs, or why that is not known. */
    final ShimTarget resolve(Path shim, String content) {
        try {
            return decide(shim, content);
        } catch (Undecided e) {
            return ShimTarget.undecided(e.getMessage());
        }
    }

    abstract ShimTarget decide(Path shim, String content) throws Undecided;
}
