package org.jvirtualenv.util;

import java.nio.file.Path;

/** Resolving relative '/'-separated paths inside a root without ever leaving it. */
public final class SafePaths {
    private SafePaths() {
    }

    public static Path inside(Path root, String relative) {
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root.normalize())) {
            throw new IllegalArgumentException(relative + " would leave " + root);
        }
        return resolved;
    }
}
