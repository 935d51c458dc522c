package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.seed.RecordFile;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.TestWheels;
import org.jvirtualenv.seed.SeedChoice;
import org.jvirtualenv.seed.SeederKind;
import org.jvirtualenv.util.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app-data seeder's promises: options pick the right wheels, the cache is built once and
 * reused (and never written through), parallel creations share it safely, hostile or damaged
 * wheels never produce a half-seeded environment, and console scripts run from any env path.
 */
class SeedCacheAndSafetyTest {
    @TempDir
    Path tmp;

    private Map<String, String> env;
    private Interpreters.Found python;
    private Path appData;

    @BeforeEach
    void setUp() {
        env = Run.cleanEnvironment(tmp.resolve("home"));
        // 3.10/3.11 get pip and setuptools by default and more than one bundled pip runs on them.
        python = Interpreters.cpython3(10).stream().filter(f -> f.minor() <= 11).reduce((a, b) -> b)
                .orElse(Interpreters.any3());
        appData = tmp.resolve("app-data");
    }

    private CreateRequest.Builder request(Path dest) {
        return CreateRequest.builder(dest).python(python.executable().toString()).environment(env).workDir(tmp)
                .appData(appData).activators(List.of());
    }

    private static Map<String, String> seeded(CreateResult r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.seed().installed().forEach(d -> m.put(d.name(), d.version()));
        return m;
    }

    private ProcessResult run(Path exe, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        return Run.command(env, tmp, cmd);
    }

    private Path site(Path dest) {
        return dest.resolve("lib/python" + python.major() + "." + python.minor() + "/site-packages");
    }

    @Test
    void extraSearchDirNewerWheelWinsAndExactVersionsArePinned() throws IOException {
        Path extra = tmp.resolve("extra");
        TestWheels.demo(extra, "wheel", "0.99.0", "wheel");
        TestWheels.demo(extra, "wheel", "0.30.0", "wheel");
        CreateResult r = Virtualenv.create(request(tmp.resolve("a")).extraSearchDir(Path.of("extra"))
                .seedChoice("wheel", SeedChoice.parse("bundle")).build());
        assertEquals("0.99.0", seeded(r).get("wheel"));
        assertEquals("wheel 0.99.0 ran", run(tmp.resolve("a/bin/wheel")).stdout().strip());

        r = Virtualenv.create(request(tmp.resolve("b")).extraSearchDir(extra).seedChoice("wheel", SeedChoice.parse("0.30.0"))
                .seedChoice("pip", SeedChoice.parse("24.2")).build());
        assertEquals("0.30.0", seeded(r).get("wheel"));
        assertEquals("24.2", seeded(r).get("pip"));
        ProcessResult pip = run(tmp.resolve("b/bin/pip"), "--version");
        assertTrue(pip.stdout().startsWith("pip 24.2 "), pip.describe());

        r = Virtualenv.create(request(tmp.resolve("c")).extraSearchDir(extra).seedChoice("wheel", SeedChoice.parse("embed")).build());
        assertEquals("0.38.4", seeded(r).get("wheel"), "embed uses only the bundled wheels");

        ProcessResult missing = Cli.run(env, tmp, "-p", python.executable().toString(), "--app-data", appData.toString(),
                "--pip", "1.2.3", "d");
        assertEquals(1, missing.exitCode(), missing.describe());
        assertTrue(missing.stderr().strip().lines().count() == 1 && missing.stderr().contains("pip==1.2.3"),
                missing.describe());
        assertFalse(Files.exists(tmp.resolve("d")), "nothing half-made");
    }

    @Test
    void cacheIsBuiltOnceReusedByHardlinkAndNeverWrittenThrough() throws IOException {
        CreateResult first = Virtualenv.create(request(tmp.resolve("one")).build());
        assertEquals("hardlink", first.seed().via());
        Path images = appData.resolve("images/cpython" + python.major() + "." + python.minor());
        Map<Path, Object> built = new HashMap<>();
        try (Stream<Path> dirs = Files.list(images)) {
            for (Path d : dirs.toList()) {
                assertFalse(d.getFileName().toString().startsWith(".tmp"), "no temporary image left: " + d);
                built.put(d, Files.readAttributes(d.resolve("manifest.csv"),
                        java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            }
        }
        assertEquals(2, built.size(), "pip and setuptools: " + built);

        // --pip 24.2 adds one image; the two others are reused as they are (same manifest inode).
        Virtualenv.create(request(tmp.resolve("two")).seedChoice("pip", SeedChoice.parse("24.2")).build());
        Path pip24 = null;
        try (Stream<Path> dirs = Files.list(images)) {
            for (Path d : dirs.toList()) {
                if (built.containsKey(d)) {
                    assertEquals(built.get(d), Files.readAttributes(d.resolve("manifest.csv"),
                            java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "image rebuilt: " + d);
                } else {
                    pip24 = d;
                }
            }
        }
        assertTrue(pip24 != null && pip24.getFileName().toString().startsWith("pip-24.2-"), String.valueOf(pip24));
        Path setuptoolsInit = site(tmp.resolve("two")).resolve("setuptools/__init__.py");
        assertTrue(Files.isSameFile(setuptoolsInit, site(tmp.resolve("one")).resolve("setuptools/__init__.py")),
                "files are hardlinks of the cache image");

        ProcessResult check = run(tmp.resolve("two/bin/python"), "-m", "pip", "check");
        assertEquals(0, check.exitCode(), check.describe());
        // Upgrading pip inside the env replaces files; the cache image stays byte for byte as built.
        ProcessResult upgrade = run(tmp.resolve("two/bin/python"), "-m", "pip", "install", "--no-index", "--find-links",
                appData.resolve("wheels").toString(), "pip==26.2.1");
        assertEquals(0, upgrade.exitCode(), upgrade.describe());
        assertTrue(run(tmp.resolve("two/bin/pip"), "--version").stdout().startsWith("pip 26.2.1 "));
        assertImageIntact(pip24);
        assertTrue(Files.isRegularFile(pip24.resolve("site/pip/__init__.py")));

        // Uninstalling pip removes every file of it, byte code included.
        ProcessResult uninstall = run(tmp.resolve("one/bin/python"), "-m", "pip", "uninstall", "-y", "pip");
        assertEquals(0, uninstall.exitCode(), uninstall.describe());
        assertFalse(Files.exists(site(tmp.resolve("one")).resolve("pip")), "pip/ (with __pycache__) is gone");
        try (Stream<Path> bin = Files.list(tmp.resolve("one/bin"))) {
            assertEquals(List.of(), bin.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pip")).toList());
        }
        try (Stream<Path> dirs = Files.list(images)) {
            for (Path d : dirs.toList()) {
                assertImageIntact(d);
            }
        }
    }

    private static void assertImageIntact(Path image) throws IOException {
        for (RecordFile.Row row : RecordFile.parse(Files.readString(image.resolve("manifest.csv")))) {
            Path f = image.resolve("site").resolve(row.path());
            assertTrue(Files.isRegularFile(f), "cache file missing: " + f);
            assertEquals(row.hash(), Sha256.recordHash(Sha256.digest().digest(Files.readAllBytes(f))), "cache file changed: " + f);
        }
    }

    @Test
    void readOnlyAndSymlinkAppData() throws IOException {
        CreateResult ro = Virtualenv.create(request(tmp.resolve("ro")).readOnlyAppData(true).build());
        assertFalse(Files.exists(appData), "--read-only-app-data writes nothing to the cache");
        assertEquals(0, run(tmp.resolve("ro/bin/pip"), "--version").exitCode());
        assertEquals(java.util.Set.of("pip", "setuptools"), seeded(ro).keySet());

        CreateResult sl = Virtualenv.create(request(tmp.resolve("sl")).symlinkAppData(true).build());
        assertEquals("symlink", sl.seed().via());
        Path init = site(tmp.resolve("sl")).resolve("pip/__init__.py");
        assertTrue(Files.isSymbolicLink(init) && Files.readSymbolicLink(init).startsWith(appData), init.toString());
        ProcessResult v = run(tmp.resolve("sl/bin/pip"), "--version");
        assertEquals(0, v.exitCode(), v.describe());

        // The pip seeder installs the same wheels by running pip.
        CreateResult viaPip = Virtualenv.create(request(tmp.resolve("p")).seeder(SeederKind.PIP).build());
        assertEquals("pip", viaPip.seed().via());
        ProcessResult list = run(tmp.resolve("p/bin/python"), "-m", "pip", "list", "--format=freeze");
        assertEquals(0, list.exitCode(), list.describe());
        for (var d : viaPip.seed().installed()) {
            assertTrue(list.stdout().contains(d.name() + "==" + d.version()), list.stdout());
        }
        assertEquals("pip\n", Files.readString(site(tmp.resolve("p")).resolve(
                "pip-" + seeded(viaPip).get("pip") + ".dist-info/INSTALLER")));

        // --reset-app-data empties the cache first (here: drops the symlinked env's targets' images).
        Path marker = appData.resolve("images/marker");
        Files.writeString(marker, "x");
        Virtualenv.create(request(tmp.resolve("reset")).resetAppData(true).seed(false).build());
        assertFalse(Files.exists(marker));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eightParallelCreationsShareOneColdCache() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ProcessResult>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String dest = "par" + i;
                runs.add(pool.submit(() -> Cli.run(env, tmp, "-q", "-p", python.executable().toString(),
                        "--app-data", appData.toString(), dest)));
            }
            for (Future<ProcessResult> f : runs) {
                ProcessResult r = f.get(55, TimeUnit.SECONDS);
                assertEquals(0, r.exitCode(), r.describe());
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 8; i++) {
            ProcessResult r = run(tmp.resolve("par" + i + "/bin/python"), "-c", "import setuptools, pip; print(pip.__version__)");
            assertEquals(0, r.exitCode(), r.describe());
        }
        try (Stream<Path> dirs = Files.list(appData.resolve("images/cpython" + python.major() + "." + python.minor()))) {
            List<String> names = dirs.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), "each image built once, no leftovers: " + names);
        }
    }

    @Test
    void zipSlipWheelIsRefusedAndNothingIsWrittenOutside() throws IOException {
        Path extra = tmp.resolve("extra");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pip/__init__.py", "");
        files.put("../../../../../escaped.txt", "gotcha");
        TestWheels.build(extra, "pip", "99.0", files, null);
        ProcessResult r = Cli.run(env, tmp, "-p", python.executable().toString(), "--app-data", appData.toString(),
                "--extra-search-dir", extra.toString(), "zs");
        assertEquals(1, r.exitCode(), r.describe());
        String err = r.stderr().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("pip-99.0-py2.py3-none-any.whl") && err.contains("outside"), err);
        assertFalse(Files.exists(tmp.resolve("zs")), "no half-made env");
        try (Stream<Path> walk = Files.walk(tmp)) {
            assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().equals("escaped.txt")).toList());
        }
        assertFalse(Files.exists(tmp.getParent().resolve("escaped.txt")));
    }

    @Test
    void truncatedWheelIsReportedAndTheNextCandidateUsed() throws IOException {
        Path extra = tmp.resolve("extra");
        Path good = TestWheels.demo(extra, "pip", "99.1", "pip");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(good, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        ProcessResult r = Cli.run(env, tmp, "-p", python.executable().toString(), "--app-data", appData.toString(),
                "--extra-search-dir", extra.toString(), "tr");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("pip-99.1-py2.py3-none-any.whl") && r.stderr().contains("corrupt"), r.describe());
        assertTrue(r.stdout().contains("pip==26.2.1") || r.stdout().contains("pip==24.2"), r.stdout());
        assertEquals(0, run(tmp.resolve("tr/bin/pip"), "--version").exitCode());

        ProcessResult pinned = Cli.run(env, tmp, "-p", python.executable().toString(), "--app-data", appData.toString(),
                "--extra-search-dir", extra.toString(), "--pip", "99.1", "tr2");
        assertEquals(1, pinned.exitCode(), pinned.describe());
        assertEquals(1, pinned.stderr().strip().lines().count(), pinned.describe());
        assertTrue(pinned.stderr().contains("pip-99.1-py2.py3-none-any.whl"), pinned.describe());
        assertFalse(Files.exists(tmp.resolve("tr2")), "no half-seeded env reported as success");
    }

    @Test
    void consoleScriptsRunFromHostileAndLongEnvPaths() throws IOException {
        Path hostile = tmp.resolve("with space $(touch PWNED) `touch PWNED2` 'q' \"dq\" \\ x/env");
        Path longPath = tmp.resolve("l".repeat(60)).resolve("o".repeat(60)).resolve("env");
        for (Path dest : List.of(hostile, longPath)) {
            Virtualenv.create(request(dest).seedChoice("setuptools", SeedChoice.parse("none")).seedChoice("wheel", SeedChoice.parse("none")).build());
            String first = Files.readAllLines(dest.resolve("bin/pip")).get(0);
            assertEquals("#!/bin/sh", first, "trampoline for " + dest);
            ProcessResult v = Run.command(env, tmp, dest.resolve("bin/pip").toString(), "--version");
            assertEquals(0, v.exitCode(), v.describe());
            assertTrue(v.stdout().contains(dest.toString()), v.stdout());
        }
        try (Stream<Path> walk = Files.walk(tmp)) {
            assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().startsWith("PWNED")).toList(),
                    "nothing in the path was executed");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void downloadFetchesAMissingVersionFromTheIndexPipIsPointedAt() throws Exception {
        Path root = tmp.resolve("index");
        Path project = root.resolve("simple/wheel");
        Path wheel = TestWheels.demo(project, "wheel", "0.77.0", "wheel");
        String name = wheel.getFileName().toString();
        Files.writeString(root.resolve("simple/index.html"),
                "<!DOCTYPE html><html><body><a href=\"wheel/\">wheel</a></body></html>\n");
        Files.writeString(project.resolve("index.html"), "<!DOCTYPE html><html><body><a href=\"" + name + "#sha256="
                + Sha256.hex(wheel) + "\">" + name + "</a></body></html>\n");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder(python.executable().toString(), "-m", "http.server", "--bind", "127.0.0.1",
                Integer.toString(port), "--directory", root.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("server.log").toFile()).start();
        try {
            waitUntilServing("http://127.0.0.1:" + port + "/simple/", server);
            Map<String, String> withIndex = Run.with(env, "PIP_INDEX_URL", "http://127.0.0.1:" + port + "/simple");
            String[] args = {"-p", python.executable().toString(), "--app-data", appData.toString(), "--wheel", "0.77.0"};

            ProcessResult offline = Cli.run(withIndex, tmp, concat(args, "--no-download", "off"));
            assertEquals(1, offline.exitCode(), offline.describe());
            assertTrue(offline.stderr().contains("--download"), offline.describe());

            ProcessResult r = Cli.run(withIndex, tmp, concat(args, "--download", "dl"));
            assertEquals(0, r.exitCode(), r.describe() + "\n--- server\n" + Files.readString(tmp.resolve("server.log")));
            assertTrue(r.stdout().contains("wheel==0.77.0"), r.stdout());
            assertEquals("wheel 0.77.0 ran", run(tmp.resolve("dl/bin/wheel")).stdout().strip());
            assertTrue(Files.isRegularFile(appData.resolve("wheels").resolve(name)), "kept in the cache");
            assertFalse(Files.exists(Path.of(env.get("XDG_CACHE_HOME"), "pip")), "pip's own cache is not written");

            // Once in the cache, the version is found locally (no index needed).
            ProcessResult again = Cli.run(env, tmp, concat(args, "dl2"));
            assertEquals(0, again.exitCode(), again.describe());
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void waitUntilServing(String url, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "http.server exited");
            try {
                HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(1000);
                try (InputStream in = c.getInputStream()) {
                    in.readAllBytes();
                }
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("http.server did not start on " + url);
    }
}
