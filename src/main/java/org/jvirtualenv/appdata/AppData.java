package org.jvirtualenv.appdata;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.util.FileTrees;

/**
 * The tool's cache directory. Its default place follows the XDG base-directory rules
 * ({@code $XDG_CACHE_HOME}, else {@code ~/.cache}). Layout:
 * <ul>
 * <li>{@code wheels/} verified copies of bundled (and downloaded) wheels, named as they were;</li>
 * <li>{@code wheels/embed-upgrade/} the wheels the last {@code --upgrade-embed-wheels} fetched, with
 *     their index {@code wheels.tsv} (see {@code seed.UpgradedWheels});</li>
 * <li>{@code images/<impl><X.Y>/<wheel-stem>-<sha>/} one wheel unpacked for one target version,
 *     with byte code compiled, ready to be linked into environments;</li>
 * <li>{@code py-info/} interpreter facts (see {@code discovery.PyInfoCache});</li>
 * <li>{@code locks/} lock files: the environments', the images' and the cache's own ({@link CacheLock});</li>
 * <li>{@code cds/} the launcher's class-data archive (see {@code launcher.ClassDataArchive}).</li>
 * </ul>
 * Whether a run may read or write it at all is decided once, by {@link CacheAccess}.
 */
public record AppData(Path root) {
    public static final String DIR_NAME = "jvirtualenv";
    /*
     * One named lock (an image's, the upgrade's) per process at a time. File locks are POSIX
     * record locks, owned by the process, and the kernel's deadlock check works on processes: two
     * threads of one process holding different locks while one of them waits for another process
     * would be refused as a deadlock (EDEADLK), though none exists. Holding at most one removes
     * the cycle; it also keeps a JVM from taking one file lock twice. The order across all locks:
     * environment lock, then the cache lock shared ({@link CacheLock}), then one named lock; a
     * reset takes the cache lock exclusively holding none.
     */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();
    private static final java.nio.file.attribute.FileAttribute<?> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    /** What {@link #reset} leaves in place. */
    private static final Set<String> KEPT_BY_RESET = Set.of("locks", "cds");
    /**
     * How many environment lock files there may be: enough that two creations at once rarely
     * share one (1 in 1,024 for two paths), few enough that locks/ stays small.
     */
    static final int ENVIRONMENT_LOCKS = 1024;
    /** Per environment lock file: the turn of this JVM's callers (see {@link #lockEnvironment}). */
    private static final ConcurrentHashMap<Path, ReentrantLock> ENVIRONMENTS = new ConcurrentHashMap<>();

    /**
     * {@code $VIRTUALENV_OVERRIDE_APP_DATA} (virtualenv's way to move its default cache), else the
     * XDG cache directory.
     */
    public static AppData defaultFor(Map<String, String> environment) {
        String override = environment.get("VIRTUALENV_OVERRIDE_APP_DATA");
        if (override != null && !override.isEmpty() && Path.of(override).isAbsolute()) {
            return new AppData(Path.of(override));
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return new AppData(Path.of(xdg, DIR_NAME));
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        return new AppData(Path.of(home, ".cache", DIR_NAME));
    }

    /** Verified copies of wheels, named as they were. */
    public Path wheels() {
        return root.resolve("wheels");
    }

    /** The wheels fetched by the last {@code --upgrade-embed-wheels}, next to the bundled ones. */
    public Path upgradedWheels() {
        return wheels().resolve("embed-upgrade");
    }

    /** Cached introspection results, one JSON file per interpreter binary. */
    public Path pyInfo() {
        return root.resolve("py-info");
    }

    /** Unpacked, compiled wheels per target ("cpython3.11"). */
    public Path images(String targetKey) {
        return images().resolve(targetKey);
    }

    /** The directory of the images of every target. */
    public Path images() {
        return root.resolve("images");
    }

    public Path locks() {
        return root.resolve("locks");
    }

    /**
     * Empties the cache (--reset-app-data) under the cache lock held exclusively: it waits for the
     * creations using the cache, and those starting meanwhile wait for it. Each entry is first
     * renamed into a fresh directory, then that directory is deleted, so a writer that does not
     * take the lock (interpreter facts are written while planning) never makes the deletion fail.
     * {@code locks/} stays (other runs hold files there), and so does {@code cds/}: the launcher's
     * JVM may be mapping or recording an archive there, which the launcher checks and replaces
     * by itself.
     */
    public void reset() {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Hold hold = CacheLock.of(this).exclusive()) {
            Path trash = Files.createTempDirectory(root, ".reset-");
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (!KEPT_BY_RESET.contains(name) && !entry.equals(trash)) {
                        Files.move(entry, trash.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
            deleteTrash(trash);
        } catch (IOException e) {
            throw new VirtualenvException("cannot reset the app-data cache " + root + ": " + e.getMessage()
                    + " (remove it yourself or choose another place with --app-data)", e);
        }
    }

    /**
     * A writer that takes no lock (interpreter facts) may have looked its directory up just before
     * that moved into the trash: its one system call in flight then lands there, and the deletion
     * meets a file that came or went. Going over the trash again finishes it.
     */
    private static void deleteTrash(Path trash) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                FileTrees.delete(trash);
                return;
            } catch (java.nio.file.NoSuchFileException | java.nio.file.DirectoryNotEmptyException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    /**
     * Holds the cache lock shared until closed, on the thread that took it: a reset waits until
     * then. Taken after the environment lock and before any image lock.
     *
     * @param mayWrite false when this run may not write the cache: an existing lock file is used, none is made
     */
    public Hold lockShared(boolean mayWrite) throws IOException {
        return CacheLock.of(this).shared(mayWrite);
    }

    /**
     * Creates a directory of the cache (private to the user when new) and refuses a symlink in its
     * place: someone else's link must not redirect what we write or lock.
     */
    public static void ensureDirectory(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new VirtualenvException("app-data directory " + dir + " is a symbolic link: refusing to use it "
                    + "(remove the link or choose another place with --app-data)");
        }
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Ownership.Verdict verdict = Ownership.of(dir);
            if (verdict.kind() == Ownership.Kind.FOREIGN) {
                throw new VirtualenvException("app-data directory " + dir + " " + verdict.problem()
                        + ": refusing to use it (fix its owner/permissions or choose another place with --app-data)");
            }
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent, PRIVATE);
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(parent);
            }
        }
        try {
            Files.createDirectory(dir, PRIVATE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new VirtualenvException("app-data path " + dir + " exists and is not a directory "
                        + "(remove it or choose another place with --app-data)");
            }
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /**
     * Holds an exclusive lock named {@code name} until closed: a file lock against other processes
     * and the process-wide lock against other threads of this one. Callers must not nest them (the
     * cache lock, held shared around it, is no named lock).
     */
    public Lock lock(String name) throws IOException {
        ensureDirectory(root);
        ensureDirectory(locks());
        return acquire(locks().resolve(name + ".lock"), IN_PROCESS);
    }

    /**
     * Holds an exclusive lock on one environment directory until closed, so that two runs creating
     * or clearing the same DEST take turns instead of interleaving. Taken before any cache lock and
     * outside the process-wide one (seeding threads take image locks while it is held); the kernel
     * sees no cycle, since a process waiting for it holds no other lock yet. Two callers in one JVM
     * take turns on a lock of their own first: a JVM cannot hold one file lock twice.
     */
    public Lock lockEnvironment(Path dest) throws IOException {
        ensureDirectory(root);
        ensureDirectory(locks());
        String key = dest.toAbsolutePath().normalize().toString();
        // One of a fixed set of files, chosen by the path: a file per path would be left behind
        // for every environment ever made (a CI job making each in a new temporary folder adds
        // thousands). Two paths sharing a file only take turns, which is harmless.
        Path file = locks().resolve("env-" + Integer.toHexString(Math.floorMod(key.hashCode(), ENVIRONMENT_LOCKS)) + ".lock");
        return acquire(file, ENVIRONMENTS.computeIfAbsent(file, f -> new ReentrantLock()));
    }

    /** Takes {@code inProcess}, then the file lock on {@code file} (never through a link); both or neither. */
    private static Lock acquire(Path file, ReentrantLock inProcess) throws IOException {
        inProcess.lock();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            return new Lock(channel, lockFile(channel, false), inProcess);
        } catch (IOException | RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
    }

    /**
     * Locks the whole file, closing the channel when that fails. The kernel may refuse to wait
     * with EDEADLK when two processes each wait for a lock the other holds; the lock order rules
     * out a real cycle, but the check counts a lock held by any thread of a process (a library
     * user creating on several threads), so the refusal is a false alarm: wait a moment and ask again.
     */
    static FileLock lockFile(FileChannel channel, boolean shared) throws IOException {
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return channel.lock(0, Long.MAX_VALUE, shared);
                } catch (IOException e) {
                    if (attempt >= 1200 || e.getMessage() == null || !e.getMessage().contains("deadlock")) {
                        throw e;
                    }
                    Thread.sleep(Math.min(5L * attempt, 100));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new java.io.InterruptedIOException("interrupted while waiting for " + channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A lock held until closed. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    /** An exclusive lock on a part of the cache. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock fileLock;
        private final ReentrantLock inProcess;

        private Lock(FileChannel channel, FileLock fileLock, ReentrantLock inProcess) {
            this.channel = channel;
            this.fileLock = fileLock;
            this.inProcess = inProcess;
        }

        @Override
        public void close() throws IOException {
            try {
                fileLock.release();
                channel.close();
            } finally {
                inProcess.unlock();
            }
        }
    }
}
