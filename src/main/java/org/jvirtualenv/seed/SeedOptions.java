package org.jvirtualenv.seed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to seed and how. For each distribution the choice is {@code bundle} (newest wheel that runs
 * on the target among the bundled ones and the extra search dirs), {@code embed} (only the
 * bundled ones), {@code none}, an exact version, or absent (virtualenv 21's default for the target:
 * pip and setuptools up to 3.11, pip alone from 3.12; wheel only beside a setuptools older than
 * 70.1, which cannot build wheels by itself. See {@link Seeder#defaultChoice}).
 *
 * @param extraSearchDirs  more folders holding wheels (missing folders are ignored)
 * @param seeder           link an unpacked cache image, or run pip
 * @param download         allow fetching versions that are not available locally with pip
 * @param resetAppData     empty the app-data cache first
 * @param readOnlyAppData  never write to the app-data cache
 * @param symlinkAppData   symlink the cache image's files instead of hardlinking/copying them
 */
public record SeedOptions(boolean enabled, Map<String, String> choices, Path appData,
                          List<Path> extraSearchDirs, SeederKind seeder, boolean download,
                          boolean resetAppData, boolean readOnlyAppData, boolean symlinkAppData) {
    public static final String BUNDLE = "bundle";
    public static final String EMBED = "embed";
    public static final String NONE = "none";

    public SeedOptions {
        choices = Map.copyOf(choices);
        extraSearchDirs = List.copyOf(extraSearchDirs);
    }

    public SeedOptions(boolean enabled, Map<String, String> choices, Path appData) {
        this(enabled, choices, appData, List.of(), SeederKind.APP_DATA, false, false, false, false);
    }

    public static SeedOptions defaults(Path appData) {
        return new SeedOptions(true, Map.of(), appData);
    }

    public SeedOptions with(String distribution, String choice) {
        Map<String, String> copy = new LinkedHashMap<>(choices);
        copy.put(distribution, choice);
        return new SeedOptions(enabled, copy, appData, extraSearchDirs, seeder, download, resetAppData,
                readOnlyAppData, symlinkAppData);
    }
}
