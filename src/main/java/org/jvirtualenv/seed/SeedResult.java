package org.jvirtualenv.seed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What seeding installed and what it had to leave out, with the reason.
 *
 * @param via how files reached the environment: a {@link LinkMode#label()} or "pip"
 * @param warnings wheels that could not be used (each names the file and why)
 * @param choices each distribution's choice as decided ({@code bundle}, {@code none}, a version...):
 *                the caller's where given, else the default for this target and the setuptools
 *                chosen (see {@link SeedDefaults}); in {@link SeedDefaults#DISTRIBUTIONS} order
 */
public record SeedResult(List<InstalledDistribution> installed, List<String> skipped, String via,
                         List<String> warnings, Map<String, String> choices) {
    public SeedResult {
        installed = List.copyOf(installed);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices));
    }

    /** Nothing seeded ({@code --no-seed}). */
    public static SeedResult nothing() {
        return new SeedResult(List.of(), List.of(), LinkMode.COPY.label(), List.of(), Map.of());
    }
}
