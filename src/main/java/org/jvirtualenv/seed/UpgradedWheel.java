package org.jvirtualenv.seed;

import java.nio.file.Path;
import java.util.List;
import org.jvirtualenv.discovery.VersionSpecifier;

/**
 * A wheel fetched by {@code --upgrade-embed-wheels}, as its upgrade recorded it after checking it:
 * the SHA-256 its bytes must still have when used, and its Requires-Python.
 *
 * @param targets the target versions ("3.11") it was fetched for
 */
public record UpgradedWheel(Path file, Wheel wheel, String sha256, VersionSpecifier requiresPython,
                            List<String> targets) {
    public UpgradedWheel {
        targets = List.copyOf(targets);
    }
}
