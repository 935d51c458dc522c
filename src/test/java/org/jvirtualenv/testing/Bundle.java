package org.jvirtualenv.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jvirtualenv.Virtualenv;

/**
 * The release bundle the package phase built: for integration tests (failsafe runs them after
 * package), which test what a user downloads.
 */
public final class Bundle {
    private Bundle() {
    }

    /** target/jvirtualenv-VERSION.tar.gz */
    public static Path tarball() {
        return built(target().resolve(name() + ".tar.gz"));
    }

    /** target/jvirtualenv-VERSION/, the tarball's contents as the build staged them. */
    public static Path staged() {
        return built(target().resolve(name()));
    }

    /** The directory the tarball holds everything in. */
    public static String name() {
        return "jvirtualenv-" + Virtualenv.version();
    }

    private static Path target() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
    }

    private static Path built(Path path) {
        assertTrue(Files.exists(path), path + " is missing: build it with mvn package (integration tests run after it in mvn verify)");
        return path;
    }
}
