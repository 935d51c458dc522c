package org.jvirtualenv.appdata;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache-wide lock, {@code locks/cache.lock}: held shared by every creation for as long as it
 * reads, links and builds from the cache, and exclusively by {@code --reset-app-data} while it
 * empties the cache, so a reset waits for the creations under way and the creations after it wait
 * for the reset; none of them fails.
 *
 * <p>Lock order, for a whole process (file locks are the process's, and the kernel's deadlock check
 * sees processes, not threads): the environment lock, then this one, then one image or upgrade
 * lock ({@link AppData#lock}). A reset takes this one holding no other. Within one JVM a file lock
 * cannot be taken twice: the threads of one process share one shared file lock (the first takes
 * it, the last lets it go), and take turns with a reset on a read-write lock of their own first.
 */
final class CacheLock {
    private static final Logger LOG = LoggerFactory.getLogger(CacheLock.class);
    private static final ConcurrentHashMap<Path, CacheLock> BY_FILE = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantReadWriteLock turns = new ReentrantReadWriteLock();
    /** Guards the shared file lock and the count of this JVM's threads relying on it. */
    private final Object guard = new Object();
    private int sharers;
    private FileLock sharedLock;

    private CacheLock(Path file) {
        this.file = file;
    }

    static CacheLock of(AppData cache) {
        Path file = cache.locks().resolve("cache.lock").toAbsolutePath().normalize();
        return BY_FILE.computeIfAbsent(file, CacheLock::new);
    }

    /**
     * Holds the lock shared until closed; close it on the thread that took it.
     *
     * @param mayWrite false for a cache this run may only read: the lock file is used when it is
     *                 there, and none is created (the run then goes on without the file lock)
     */
    AppData.Hold shared(boolean mayWrite) throws IOException {
        ReentrantReadWriteLock.ReadLock turn = turns.readLock();
        turn.lock();
        try {
            synchronized (guard) {
                if (sharers == 0) {
                    FileChannel channel = open(mayWrite);
                    sharedLock = channel == null ? null : AppData.lockFile(channel, true);
                }
                sharers++;
            }
        } catch (IOException | RuntimeException e) {
            turn.unlock();
            throw e;
        }
        return () -> {
            try {
                synchronized (guard) {
                    if (--sharers == 0 && sharedLock != null) {
                        release(sharedLock);
                        sharedLock = null;
                    }
                }
            } finally {
                turn.unlock();
            }
        };
    }

    /** Holds the lock exclusively until closed (no other lock may be held while waiting for it). */
    AppData.Hold exclusive() throws IOException {
        ReentrantReadWriteLock.WriteLock turn = turns.writeLock();
        turn.lock();
        FileLock lock;
        try {
            lock = AppData.lockFile(open(true), false);
        } catch (IOException | RuntimeException e) {
            turn.unlock();
            throw e;
        }
        return () -> {
            try {
                release(lock);
            } finally {
                turn.unlock();
            }
        };
    }

    /** The lock file, never through a link; null when it is missing and may not be created. */
    private FileChannel open(boolean mayWrite) throws IOException {
        if (mayWrite) {
            AppData.ensureDirectory(file.getParent());
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        }
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    ? FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS) : null;
        } catch (NoSuchFileException | java.nio.file.AccessDeniedException e) {
            return null;
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            // Closing the channel drops the lock whatever happens; nothing is left to do.
            LOG.debug("releasing {}: {}", lock, e.getMessage());
        }
    }
}
