package org.jvirtualenv.seed;

import java.util.Map;
import org.jvirtualenv.discovery.PythonInfo;

/** The seeder for a creation's options: none, app-data or pip. */
public final class Seeders {
    private Seeders() {
    }

    /**
     * @param options     when their cache access is not decided yet, it is decided here, once for
     *                    every use of the seeder (see {@link org.jvirtualenv.appdata.CacheAccess})
     * @param environment the environment pip runs in (PIP_INDEX_URL, pip.conf via HOME, ...)
     */
    public static Seeder forOptions(SeedOptions options, Map<String, String> environment) {
        if (!options.enabled()) {
            return NoSeeder.INSTANCE;
        }
        options = options.withCacheAccess(options.decidedCacheAccess());
        return switch (options.seeder()) {
            case APP_DATA -> new AppDataSeeder(options, BundledWheels.load(), environment);
            case PIP -> new PipSeeder(options, BundledWheels.load(), environment);
        };
    }

    /** {@code --no-seed}. */
    private enum NoSeeder implements Seeder {
        INSTANCE;

        @Override
        public SeedResult seed(SeedTarget target) {
            return SeedResult.nothing();
        }

        @Override
        public String describe(PythonInfo python) {
            return "none";
        }
    }
}
