package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.util.FileTrees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache others could change is neither read nor written (one warning, a temporary cache, the
 * environment made all the same); root's read-only cache is read by other users and never
 * written; links below the cache root are never followed, a root link the user made is; and
 * --reset-app-data beside creations on one cache fails none of them.
 */
class CacheTrustTest {
    @TempDir
    Path tmp;

    private Map<String, String> env;
    private String python;

    @BeforeEach
    void setUp() {
        env = Run.cleanEnvironment(tmp.resolve("home"));
        python = Interpreters.any3().executable().toString();
    }

    private ProcessResult create(Path cache, String dest, String... more) {
        List<String> args = new ArrayList<>(List.of("-p", python, "--app-data", cache.toString()));
        args.addAll(List.of(more));
        args.add(dest);
        return Cli.run(env, tmp, args.toArray(String[]::new));
    }

    private void assertWorks(Path dest) {
        ProcessResult pip = Run.command(env, tmp, dest.resolve("bin/python").toString(), "-m", "pip", "--version");
        assertEquals(0, pip.exitCode(), dest + " works: " + pip.describe());
    }

    /** The lines of stderr that say the cache is not used. */
    private static List<String> refusals(ProcessResult r) {
        return r.stderr().lines().filter(l -> l.contains("app-data cache")).toList();
    }

    /** Every path under dir with its type, size and modification time: any write shows. */
    private static List<String> snapshot(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                entries.add(dir.relativize(p) + " " + (a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : "f")
                        + " " + a.size() + " " + a.lastModifiedTime().toMillis());
            }
        }
        return entries;
    }

    @Test
    void aWorldWritableCacheIsNeitherReadNorWritten() throws IOException {
        Path cache = Files.createDirectory(tmp.resolve("open-cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> before = snapshot(cache);

        ProcessResult r = create(cache, "e");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(List.of("app-data cache " + cache + " is writable by others: not using it (fix its "
                + "owner/permissions or choose another with --app-data); using a temporary cache for this run"),
                refusals(r).stream().map(l -> l.substring(l.indexOf("app-data cache"))).toList(), r.describe());
        assertEquals(before, snapshot(cache), "nothing written into the cache");
        assertWorks(tmp.resolve("e"));
    }

    @Test
    void resetWithReadOnlyIsAUsageError() throws IOException {
        Path cache = Files.createDirectory(tmp.resolve("cache"));
        Files.writeString(cache.resolve("kept"), "x");
        ProcessResult r = create(cache, "e", "--reset-app-data", "--read-only-app-data");
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals(1, r.stderr().strip().lines().count(), r.describe());
        assertTrue(r.stderr().contains("--read-only-app-data forbids"), r.describe());
        assertTrue(Files.exists(cache.resolve("kept")), "the cache is left alone");
        assertFalse(Files.exists(tmp.resolve("e")));
    }

    @Test
    void aCacheOfAnotherUserIsNeitherReadNorWritten() throws IOException {
        assumeTrue(isRoot(), "only root can give a directory to another user");
        Path cache = Files.createDirectory(tmp.resolve("nobodys"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(cache, "unix:uid", 65534);
        List<String> before = snapshot(cache);

        ProcessResult r = create(cache, "e");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(1, refusals(r).size(), r.describe());
        assertTrue(refusals(r).get(0).contains(cache + " belongs to another user"), r.describe());
        assertEquals(before, snapshot(cache), "nothing written into the cache");
        assertWorks(tmp.resolve("e"));
    }

    @Test
    void linksBelowTheRootAreNeverWrittenThrough() throws IOException {
        for (String part : List.of("wheels", "py-info")) {
            Path cache = Files.createDirectory(tmp.resolve("cache-" + part));
            Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere-" + part));
            Files.createSymbolicLink(cache.resolve(part), elsewhere);

            ProcessResult r = create(cache, "e-" + part);
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals(1, refusals(r).size(), r.describe());
            assertTrue(refusals(r).get(0).contains(cache + ": " + cache.resolve(part) + " is a symbolic link: not using it"),
                    r.describe());
            assertEquals(List.of(""), snapshot(elsewhere).stream().map(s -> s.substring(0, s.indexOf(' '))).toList(),
                    "nothing written through the link " + part);
            try (Stream<Path> entries = Files.list(cache)) {
                assertEquals(List.of(cache.resolve(part)), entries.toList(), "nothing written beside it either");
            }
            assertWorks(tmp.resolve("e-" + part));
        }
    }

    @Test
    void aRootLinkTheUserMadeIsFollowedOnceForImagesAndInterpreterFactsAlike() throws IOException {
        Path real = Files.createDirectory(tmp.resolve("data-cache"));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(tmp.resolve("cache-link"), real);

        ProcessResult r = create(link, "e");
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(List.of(), refusals(r), "a link the user made to a private directory is the cache");
        assertTrue(Files.isDirectory(real.resolve("images")), "images kept in the linked directory: " + snapshot(real));
        try (Stream<Path> facts = Files.list(real.resolve("py-info"))) {
            assertEquals(1, facts.count(), "interpreter facts kept there too");
        }
        assertWorks(tmp.resolve("e"));

        // The same directory, made writable by others: refused for both, through the link or not.
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxrwxrwx"));
        FileTrees.delete(real.resolve("py-info"));
        List<String> before = snapshot(real);
        ProcessResult open = create(link, "e2");
        assertEquals(0, open.exitCode(), open.describe());
        assertEquals(1, refusals(open).size(), open.describe());
        assertTrue(refusals(open).get(0).contains(link + " (a link to " + real + ") is writable by others"), open.describe());
        assertEquals(before, snapshot(real), "no interpreter facts written where images are refused");
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void eightResetsBesideEightCreationsAllSucceed() throws Exception {
        Path cache = tmp.resolve("cache");
        assertEquals(0, create(cache, "warm", "-q").exitCode(), "a warm cache, so that the resets have work to do");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<ProcessResult>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String n = "n" + i;
                String r = "r" + i;
                runs.add(pool.submit(() -> create(cache, r, "-q", "--reset-app-data")));
                runs.add(pool.submit(() -> create(cache, n, "-q")));
            }
            for (Future<ProcessResult> run : runs) {
                ProcessResult r = run.get(230, TimeUnit.SECONDS);
                assertEquals(0, r.exitCode(), r.describe());
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 8; i++) {
            for (String dest : List.of("n" + i, "r" + i)) {
                ProcessResult r = Run.command(env, tmp, tmp.resolve(dest + "/bin/python").toString(), "-c",
                        "import setuptools, pip");
                assertEquals(0, r.exitCode(), dest + ": " + r.describe());
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void resetsBesideCreationsOnThreadsOfOneProcessAllSucceed() throws Exception {
        Path cache = tmp.resolve("cache");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Path n = tmp.resolve("tn" + i);
                Path r = tmp.resolve("tr" + i);
                runs.add(pool.submit(() -> Virtualenv.create(request(cache, r).resetAppData(true).build())));
                runs.add(pool.submit(() -> Virtualenv.create(request(cache, n).build())));
            }
            for (Future<?> run : runs) {
                run.get(110, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 4; i++) {
            assertWorks(tmp.resolve("tn" + i));
            assertWorks(tmp.resolve("tr" + i));
        }
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private CreateRequest.Builder request(Path cache, Path dest) {
        return CreateRequest.builder(dest).python(python).environment(env).workDir(tmp).appData(cache)
                .activators(List.of());
    }

    /**
     * Root's cache, read-only to others (as a CI image ships it), used by another user: read
     * (its interpreter facts are taken from it), never written, no warning, and a working
     * environment. The tool runs as nobody from a copy of its class path nobody can read.
     */
    @Test
    void anotherUserReadsRootsSharedCacheAndWritesNothingThere() throws Exception {
        assumeTrue(isRoot(), "needs root to run the tool as another user");
        Path setpriv = Path.of("/usr/bin/setpriv");
        Path debian = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(setpriv), "no setpriv to run the tool as nobody");
        assumeTrue(Files.isExecutable(debian), "no /usr/bin/python3 that nobody can run");
        Path shared = Files.createTempDirectory(Path.of("/tmp"), "jvirtualenv-shared-");
        try {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path cache = shared.resolve("cache");
            ProcessResult warm = Cli.run(env, tmp, "-q", "-p", debian.toString(), "--app-data", cache.toString(),
                    tmp.resolve("warm").toString());
            assertEquals(0, warm.exitCode(), warm.describe());
            readableByAll(cache);
            String classPath = copyClassPath(shared.resolve("lib"));
            Path home = Files.createDirectory(shared.resolve("home"));
            Path work = Files.createDirectory(shared.resolve("work"));
            Files.setAttribute(home, "unix:uid", 65534);
            Files.setAttribute(work, "unix:uid", 65534);
            Map<String, String> nobody = Run.cleanEnvironment(home);
            List<String> before = snapshot(cache);

            ProcessResult r = Run.command(nobody, work, List.of(setpriv.toString(), "--reuid=65534", "--regid=65534",
                    "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                    "org.jvirtualenv.cli.Main", "-v", "-p", debian.toString(), "--app-data", cache.toString(), "e"));
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals(List.of(), r.stderr().lines().filter(l -> l.contains("WARN")).toList(), "no warning: " + r.describe());
            assertTrue(r.stderr().contains(" from " + cache.resolve("py-info")), "interpreter facts read from root's cache: "
                    + r.describe());
            assertEquals(before, snapshot(cache), "nothing written into root's cache");
            ProcessResult pip = Run.command(nobody, work, List.of(setpriv.toString(), "--reuid=65534", "--regid=65534",
                    "--clear-groups", work.resolve("e/bin/python").toString(), "-m", "pip", "--version"));
            assertEquals(0, pip.exitCode(), pip.describe());
        } finally {
            FileTrees.delete(shared);
        }
    }

    /** As an administrator ships a shared cache: everyone may read, only root may write. */
    private static void readableByAll(Path cache) throws IOException {
        try (Stream<Path> walk = Files.walk(cache)) {
            for (Path p : walk.toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxr-xr-x" : Files.isExecutable(p) ? "r-xr-xr-x" : "r--r--r--"));
                }
            }
        }
    }

    /** The tool's class path (not the tests'), copied where nobody can read it; the copy's class path. */
    private static String copyClassPath(Path lib) throws Exception {
        Files.createDirectories(lib);
        List<String> copied = new ArrayList<>();
        int n = 0;
        for (Path entry : classPath()) {
            String name = entry.toString();
            if (name.contains("test-classes") || name.contains("junit") || name.contains("opentest4j")
                    || name.contains("apiguardian")) {
                continue;
            }
            Path target = lib.resolve((n++) + "-" + entry.getFileName());
            if (Files.isDirectory(entry)) {
                try (Stream<Path> walk = Files.walk(entry)) {
                    for (Path p : walk.toList()) {
                        Path to = target.resolve(entry.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } else {
                Files.copy(entry, target);
            }
            copied.add(target.toString());
        }
        try (Stream<Path> walk = Files.walk(lib)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(":", copied);
    }

    /** The entries of this JVM's class path, through surefire's manifest-only jar when it uses one. */
    private static List<Path> classPath() throws Exception {
        List<Path> entries = new ArrayList<>();
        for (String part : System.getProperty("java.class.path").split(":")) {
            Path p = Path.of(part);
            if (part.endsWith(".jar") && p.getFileName().toString().startsWith("surefirebooter")) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    Manifest manifest = jar.getManifest();
                    for (String url : manifest.getMainAttributes().getValue("Class-Path").split(" ")) {
                        if (!url.isBlank()) {
                            entries.add(Path.of(new URI(url)));
                        }
                    }
                }
            } else if (!part.isEmpty()) {
                entries.add(p);
            }
        }
        assertFalse(entries.isEmpty());
        return entries;
    }
}
