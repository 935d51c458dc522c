package org.jvirtualenv.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jvirtualenv.util.FileTrees;

/** File-tree helpers for tests: the tool's own deletion, unchecked for use in lambdas and finally blocks. */
public final class Trees {
    private Trees() {
    }

    /** Deletes a tree without following symlinks out of it. */
    public static void deleteRecursively(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
