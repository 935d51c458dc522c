package org.jvirtualenv.seed;

import java.util.List;

/** What seeding installed and what it had to leave out, with the reason. */
public record SeedResult(List<InstalledDistribution> installed, List<String> skipped) {
    public SeedResult {
        installed = List.copyOf(installed);
        skipped = List.copyOf(skipped);
    }

    public static SeedResult nothing() {
        return new SeedResult(List.of(), List.of());
    }
}
