package org.jvirtualenv.util;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The one file this JVM was started from: its class path when that is a single entry, as with
 * {@code java -jar FILE}, which is how the launcher's stub starts it (on its own file). A library
 * inside a build tool or a test has several entries, or none, and no such file.
 */
public final class StartedJar {
    private StartedJar() {
    }

    /** That file as an absolute path (not normalized), or null when there is none. */
    public static Path path() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator)) {
            return null;
        }
        try {
            return Path.of(classPath).toAbsolutePath();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
