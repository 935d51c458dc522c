package org.jvirtualenv.seed;

import java.util.List;

/**
 * What seeding installed and what it had to leave out, with the reason.
 *
 * @param via how files reached the environment: "hardlink", "copy", "symlink" or "pip"
 * @param warnings wheels that could not be used (each names the file and why)
 */
public record SeedResult(List<InstalledDistribution> installed, List<String> skipped, String via,
                         List<String> warnings) {
    public SeedResult {
        installed = List.copyOf(installed);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    public SeedResult(List<InstalledDistribution> installed, List<String> skipped) {
        this(installed, skipped, "copy", List.of());
    }

    public static SeedResult nothing() {
        return new SeedResult(List.of(), List.of());
    }
}
