package org.jvirtualenv.appdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one decision a run makes about its cache ({@link CacheAccess}), and the reset under the cache lock. */
class CacheAccessTest {
    @TempDir
    Path tmp;

    private Path cache(String mode) throws IOException {
        Path root = Files.createDirectory(tmp.resolve("cache"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString(mode));
        return root;
    }

    @Test
    void aPrivateCacheOfOursIsWritten() throws IOException {
        CacheAccess access = CacheAccess.decide(cache("rwx------"), false);
        assertEquals(CacheAccess.Mode.WRITE, access.mode());
        assertNull(access.warning());
    }

    @Test
    void aMissingCacheIsJudgedWithoutMakingItAndMadePrivateByTheFirstWrite() throws IOException {
        Path root = tmp.resolve("a/b/cache");
        assertEquals(CacheAccess.Mode.READ, CacheAccess.decide(root, true).mode());
        CacheAccess access = CacheAccess.decide(root, false);
        assertEquals(CacheAccess.Mode.WRITE, access.mode());
        assertFalse(Files.exists(tmp.resolve("a")), "deciding creates nothing");
        AppData.ensureDirectory(access.cache().pyInfo());
        for (Path made : new Path[] {tmp.resolve("a/b"), root, root.resolve("py-info")}) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)), made.toString());
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThrows(org.jvirtualenv.util.VirtualenvException.class, () -> AppData.ensureDirectory(root),
                "a cache someone else opened up meanwhile is refused at the first write");
    }

    @Test
    void aRunThatCreatesMakesAMissingRootFirstAndJudgesIt() throws IOException {
        Path root = tmp.resolve("x/cache");
        assertEquals(CacheAccess.Mode.READ, CacheAccess.openForCreation(root, true).mode());
        assertFalse(Files.exists(root), "not with --read-only-app-data");
        assertEquals(CacheAccess.Mode.WRITE, CacheAccess.openForCreation(root, false).mode());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
    }

    @Test
    void aCacheOthersOrItsGroupCanWriteIsNotUsed() throws IOException {
        Path root = cache("rwxrwxrwx");
        CacheAccess access = CacheAccess.decide(root, false);
        assertEquals(CacheAccess.Mode.NONE, access.mode());
        assertEquals("app-data cache " + root + " is writable by others: not using it (fix its owner/permissions or "
                + "choose another with --app-data); using a temporary cache for this run", access.warning());
        assertEquals(CacheAccess.Mode.NONE, CacheAccess.decide(root, true).mode(), "not read either");

        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwx---"));
        assertTrue(CacheAccess.decide(root, false).warning().contains(" is writable by its group: not using it"));
    }

    @Test
    void aCacheOfAnotherUserIsNotUsed() throws IOException {
        assumeTrue(Ownership.currentUid() == 0, "only root can give a directory to another user");
        Path root = cache("rwx------");
        Files.setAttribute(root, "unix:uid", 65534);
        CacheAccess access = CacheAccess.decide(root, false);
        assertEquals(CacheAccess.Mode.NONE, access.mode());
        assertTrue(access.warning().contains(" belongs to another user"), access.warning());
    }

    @Test
    void aLinkOrAForeignDirectoryAmongItsPartsMakesTheWholeCacheUntrusted() throws IOException {
        for (String part : new String[] {"wheels", "py-info", "images", "locks", "wheels/embed-upgrade",
                "images/cpython3.11"}) {
            Path root = tmp.resolve(part.replace('/', '_'));
            Files.createDirectories(root.resolve(part).getParent());
            Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere-" + part.replace('/', '_')));
            Files.createSymbolicLink(root.resolve(part), elsewhere);
            CacheAccess access = CacheAccess.decide(root, false);
            assertEquals(CacheAccess.Mode.NONE, access.mode(), part);
            assertEquals("app-data cache " + root + ": " + root.resolve(part) + " is a symbolic link: not using it "
                    + "(fix its owner/permissions or choose another with --app-data); using a temporary cache for this run",
                    access.warning());
        }
        Path root = tmp.resolve("open-images");
        Files.createDirectories(root.resolve("images"));
        Files.setPosixFilePermissions(root.resolve("images"), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(CacheAccess.decide(root, false).warning().contains(root.resolve("images") + " is writable by others"));
    }

    @Test
    void aRootLinkTheUserMadeIsResolvedOnceAndItsTargetJudged() throws IOException {
        Path real = cache("rwx------");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        CacheAccess access = CacheAccess.decide(link, false);
        assertEquals(CacheAccess.Mode.WRITE, access.mode());
        assertEquals(real.toRealPath(), access.cache().root(), "used through its real path");

        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxrwxrwx"));
        CacheAccess open = CacheAccess.decide(link, false);
        assertEquals(CacheAccess.Mode.NONE, open.mode());
        assertTrue(open.warning().startsWith("app-data cache " + link + " (a link to " + real.toRealPath()
                + ") is writable by others"), open.warning());

        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nothing"));
        assertEquals(CacheAccess.Mode.NONE, CacheAccess.decide(dangling, false).mode());
        assertFalse(Files.exists(tmp.resolve("nothing")), "nothing made through a link");
    }

    @Test
    void resetEmptiesAllButLocksAndTheClassDataArchive() throws IOException {
        AppData cache = new AppData(cache("rwx------"));
        for (String dir : new String[] {"wheels", "images/cpython3.11/x", "py-info", "locks", "cds", ".reset-old/y"}) {
            Files.createDirectories(cache.root().resolve(dir));
        }
        Files.writeString(cache.root().resolve("cds/jvirtualenv-1-2-3.jsa"), "archive");
        Files.writeString(cache.root().resolve("images/cpython3.11/x/f.py"), "");
        cache.reset();
        try (Stream<Path> left = Files.list(cache.root())) {
            assertEquals(Set.of("locks", "cds"), left.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        assertTrue(Files.exists(cache.root().resolve("cds/jvirtualenv-1-2-3.jsa")));
    }

    @Test
    void resetWaitsForTheCreationsUsingTheCache() throws Exception {
        AppData cache = new AppData(cache("rwx------"));
        Path image = Files.createDirectories(cache.images("cpython3.11"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try {
            Future<?> user = pool.submit(() -> {
                try (AppData.Hold hold = cache.lockShared(true); AppData.Hold again = cache.lockShared(true)) {
                    held.countDown();
                    done.await();
                }
                return null;
            });
            held.await();
            Future<?> reset = pool.submit(cache::reset);
            try {
                reset.get(300, TimeUnit.MILLISECONDS);
                throw new AssertionError("the reset did not wait for the shared lock");
            } catch (TimeoutException expected) {
                assertTrue(Files.isDirectory(image), "nothing removed while the cache is in use");
            }
            done.countDown();
            user.get(5, TimeUnit.SECONDS);
            reset.get(5, TimeUnit.SECONDS);
            assertFalse(Files.exists(image));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void environmentLocksLeaveABoundedSetOfFilesAndOneDestinationAlwaysTakesTurns() throws Exception {
        AppData cache = new AppData(cache("rwx------"));
        // As a CI job makes them: each environment in a new temporary folder.
        for (int i = 0; i < 3 * AppData.ENVIRONMENT_LOCKS; i++) {
            cache.lockEnvironment(tmp.resolve("job-" + i).resolve("venv")).close();
        }
        try (Stream<Path> files = Files.list(cache.locks())) {
            long count = files.filter(f -> f.getFileName().toString().startsWith("env-")).count();
            assertTrue(count <= AppData.ENVIRONMENT_LOCKS, count + " environment lock files");
        }

        Path dest = tmp.resolve("project/.venv");
        ExecutorService pool = Executors.newFixedThreadPool(1);
        AppData.Lock held = cache.lockEnvironment(dest);
        try {
            // The same place, spelled another way, waits for the holder.
            Future<?> second = pool.submit(() -> {
                cache.lockEnvironment(tmp.resolve("project/./x/../.venv")).close();
                return null;
            });
            try {
                second.get(300, TimeUnit.MILLISECONDS);
                throw new AssertionError("a second creation of the same environment did not wait");
            } catch (TimeoutException expected) {
                // still waiting, as it should
            }
            held.close();
            second.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
