package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.util.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one seeding may write: the app-data cache, or, when that is read-only (by
 * {@code --read-only-app-data} or by its permissions), a scratch directory made on first use and
 * removed when the seeding ends. Wheels are read from the cache either way.
 */
final class SeedWorkspace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SeedWorkspace.class);

    private final AppData cache;
    private final boolean readOnly;
    private AppData scratch;

    private SeedWorkspace(AppData cache, boolean readOnly) {
        this.cache = cache;
        this.readOnly = readOnly;
    }

    static SeedWorkspace open(SeedOptions options) {
        AppData cache = new AppData(options.appData());
        boolean readOnly = options.readOnlyAppData();
        if (!readOnly && !cache.writable()) {
            LOG.warn("app-data cache {} is not writable: using a temporary one (choose another with --app-data)",
                    cache.root());
            readOnly = true;
        }
        return new SeedWorkspace(cache, readOnly);
    }

    /** The app-data cache, where images and wheels are looked for. */
    AppData cache() {
        return cache;
    }

    /** Whether what is built here stays in the cache for later creations (links to it stay valid). */
    boolean keeps() {
        return !readOnly;
    }

    /** Where wheels are copied and images built: the cache, or the scratch directory. */
    AppData store() {
        return readOnly ? scratch() : cache;
    }

    /** Where wheels fetched with pip go: the cache's wheels (for later exact requests), or scratch. */
    Path downloads() {
        return readOnly ? scratch().root().resolve("downloads") : cache.wheels();
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
