package org.jvirtualenv.create;

/**
 * One filesystem action of an environment's creation. Plans are computed first and applied
 * after, so what a creator would do can be inspected (and tested) without doing it.
 * Every {@code path} is relative to the environment root, '/'-separated.
 */
public sealed interface PlanStep {
    String path();

    record MakeDir(String path) implements PlanStep {
    }

    /** A symlink at path pointing to target (absolute, or relative to the link's directory). */
    record Symlink(String path, String target) implements PlanStep {
    }

    /** A copy of a file outside the environment; executable bits are preserved. */
    record CopyFile(String path, String source) implements PlanStep {
    }

    /** A file with this text; with {@code keepExisting}, a file already there is left as it is. */
    record WriteText(String path, String content, boolean keepExisting) implements PlanStep {
        public WriteText(String path, String content) {
            this(path, content, false);
        }
    }
}
