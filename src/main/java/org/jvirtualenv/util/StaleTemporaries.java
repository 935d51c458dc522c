package org.jvirtualenv.util;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what killed runs left in a cache directory: temporary files and directories (named so
 * that {@code isTemporary} knows them) that nobody has written for an hour. A younger one may
 * belong to a run still working (a build takes seconds, compiling at most minutes), so it stays.
 * Best effort: what cannot be removed now is left for the next time.
 */
public final class StaleTemporaries {
    /** How long a temporary file must have been left alone to count as left behind. */
    public static final Duration MAX_AGE = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(StaleTemporaries.class);

    private StaleTemporaries() {
    }

    /** Removes the temporaries directly in {@code dir} last modified more than {@link #MAX_AGE} ago. */
    public static void remove(Path dir, Predicate<String> isTemporary) {
        Instant cutoff = Instant.now().minus(MAX_AGE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> isTemporary.test(p.getFileName().toString()))) {
            for (Path entry : entries) {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
                        FileTrees.delete(entry);
                        LOG.debug("removed {}, left by a run that did not finish ({} old)", entry,
                                Duration.between(attributes.lastModifiedTime().toInstant(), Instant.now()).toMinutes() + " min");
                    }
                } catch (IOException e) {
                    LOG.debug("could not remove {} ({}): left for next time", entry, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.debug("could not look for stale temporary files in {}: {}", dir, e.toString());
        }
    }
}
