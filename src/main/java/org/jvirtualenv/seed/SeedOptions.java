package org.jvirtualenv.seed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jvirtualenv.appdata.CacheAccess;

/**
 * What to seed and how. For each distribution the choice is a {@link SeedChoice} in its text form:
 * {@code bundle} (newest wheel that runs on the target among the bundled ones and the extra search
 * dirs), {@code embed} (only the bundled ones), {@code none}, an exact version, or absent
 * (virtualenv 21's default for the target: see {@link SeedDefaults}).
 *
 * @param choices          by distribution ("pip"), {@link SeedChoice#text()}; checked on construction
 * @param extraSearchDirs  more folders holding wheels (missing folders are ignored)
 * @param seeder           link an unpacked cache image, or run pip
 * @param download         allow fetching versions that are not available locally with pip
 * @param resetAppData     empty the app-data cache first
 * @param readOnlyAppData  never write to the app-data cache
 * @param linkMode         how the app-data seeder puts the cache image's files into the environment
 * @param cacheAccess      how this run may use the cache at {@code appData}, as decided when it
 *                         started; null until decided ({@link Seeders#forOptions} decides then)
 */
public record SeedOptions(boolean enabled, Map<String, String> choices, Path appData,
                          List<Path> extraSearchDirs, SeederKind seeder, boolean download,
                          boolean resetAppData, boolean readOnlyAppData, LinkMode linkMode, CacheAccess cacheAccess) {
    /** Options whose cache access is still to be decided. */
    public SeedOptions(boolean enabled, Map<String, String> choices, Path appData, List<Path> extraSearchDirs,
                       SeederKind seeder, boolean download, boolean resetAppData, boolean readOnlyAppData,
                       LinkMode linkMode) {
        this(enabled, choices, appData, extraSearchDirs, seeder, download, resetAppData, readOnlyAppData, linkMode, null);
    }

    public SeedOptions {
        choices = Map.copyOf(choices);
        extraSearchDirs = List.copyOf(extraSearchDirs);
        Objects.requireNonNull(linkMode, "linkMode");
        for (String choice : choices.values()) {
            SeedChoice.parse(choice);
        }
    }

    /** These options with the run's decision about the cache. */
    public SeedOptions withCacheAccess(CacheAccess access) {
        return new SeedOptions(enabled, choices, appData, extraSearchDirs, seeder, download, resetAppData,
                readOnlyAppData, linkMode, access);
    }

    /** The run's decision about the cache, made now (and its warning logged) when not made yet. */
    CacheAccess decidedCacheAccess() {
        return cacheAccess != null ? cacheAccess : CacheAccess.open(appData, readOnlyAppData);
    }

    /** The caller's choice for a distribution, or null for the default. */
    public SeedChoice choice(String distribution) {
        String text = choices.get(distribution);
        return text == null ? null : SeedChoice.parse(text);
    }
}
