package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.appdata.CacheAccess;
import org.jvirtualenv.util.FileTrees;

/**
 * Where one seeding may read and write, as the run's {@link CacheAccess} decided: the app-data
 * cache; or, when this run may not write it ({@code --read-only-app-data}, its permissions, or a
 * cache root shares read-only), a scratch directory for what is built, made on first use and
 * removed when the seeding ends; or, for a cache others could have changed, the scratch directory
 * alone: nothing is read from that cache or written to it.
 */
final class SeedWorkspace implements AutoCloseable {
    private final CacheAccess access;
    private AppData scratch;

    private SeedWorkspace(CacheAccess access) {
        this.access = access;
    }

    static SeedWorkspace open(SeedOptions options) {
        return new SeedWorkspace(options.decidedCacheAccess());
    }

    /** Where images and wheels are looked for: the cache, or (when it is not trusted) the empty scratch. */
    AppData cache() {
        return access.reads() ? access.cache() : scratch();
    }

    /** Whether what is built here stays in the cache for later creations (links to it stay valid). */
    boolean keeps() {
        return access.writes();
    }

    /** Where wheels are copied and images built: the cache, or the scratch directory. */
    AppData store() {
        return keeps() ? access.cache() : scratch();
    }

    /** Where wheels fetched with pip go: the cache's wheels (for later exact requests), or scratch. */
    Path downloads() {
        return keeps() ? access.cache().wheels() : scratch().root().resolve("downloads");
    }

    private synchronized AppData scratch() {
        if (scratch == null) {
            try {
                scratch = new AppData(Files.createTempDirectory("jvirtualenv-"));
            } catch (IOException e) {
                throw new VirtualenvException("cannot create a temporary directory: " + e.getMessage()
                        + " (check TMPDIR)", e);
            }
        }
        return scratch;
    }

    @Override
    public synchronized void close() throws IOException {
        if (scratch != null && Files.exists(scratch.root(), LinkOption.NOFOLLOW_LINKS)) {
            FileTrees.delete(scratch.root());
        }
    }
}
