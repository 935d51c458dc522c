package org.jvirtualenv.seed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to seed. For each distribution the choice is {@code bundle} (newest bundled wheel that
 * runs on the target), {@code none}, an exact version, or absent (virtualenv's default for the
 * target: pip, setuptools and wheel up to 3.11, pip alone from 3.12).
 */
public record SeedOptions(boolean enabled, Map<String, String> choices, Path appData) {
    public static final String BUNDLE = "bundle";
    public static final String NONE = "none";

    public SeedOptions {
        choices = Map.copyOf(choices);
    }

    public static SeedOptions defaults(Path appData) {
        return new SeedOptions(true, Map.of(), appData);
    }

    public SeedOptions with(String distribution, String choice) {
        Map<String, String> copy = new LinkedHashMap<>(choices);
        copy.put(distribution, choice);
        return new SeedOptions(enabled, copy, appData);
    }
}
