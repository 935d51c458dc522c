package org.jvirtualenv.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The JDKs installed beside the one running the tests, found at run time (Debian's /usr/lib/jvm). */
final class Jdks {
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private Jdks() {
    }

    /** The newest JDK whose feature release is at least {@code feature}, or empty. */
    static Optional<Path> atLeast(int feature) {
        if (!Files.isDirectory(JVM_DIR)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JVM_DIR)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && !Files.isSymbolicLink(home))
                    .filter(home -> featureOf(home) >= feature)
                    .max(Comparator.comparingInt(Jdks::featureOf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JAVA_VERSION="25.0.3" (or "1.8.0_...") of the home's release file; 0 when there is none. */
    static int featureOf(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    if (version.startsWith("1.")) {
                        version = version.substring(2);
                    }
                    int end = 0;
                    while (end < version.length() && Character.isDigit(version.charAt(end))) {
                        end++;
                    }
                    return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
                }
            }
        } catch (IOException e) {
            // no release file: not a JDK this looks at
        }
        return 0;
    }
}
