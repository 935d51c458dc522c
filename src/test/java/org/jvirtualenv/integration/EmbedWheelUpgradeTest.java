package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.seed.EmbedWheelUpgrade;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.testing.Shells;
import org.jvirtualenv.testing.TestWheels;
import org.jvirtualenv.testing.Trees;
import org.jvirtualenv.seed.SeedChoice;
import org.jvirtualenv.seed.SeederKind;
import org.jvirtualenv.util.Sha256;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --upgrade-embed-wheels} through the library: real pip (the bundled one, run by this
 * machine's python3) fetches from an index directory the test builds (the bundled wheels plus a
 * newer "wheel" built here), never from the machine's configured index; the upgraded wheels are
 * then seeded by {@code bundle}; a failed upgrade leaves the cache exactly as it was.
 */
class EmbedWheelUpgradeTest {
    private static final String NEWER_WHEEL = "wheel-0.99.0-py2.py3-none-any.whl";

    @TempDir
    Path tmp;

    private Map<String, String> env;
    private Path index;
    private Path appData;

    @BeforeEach
    void setUp() throws IOException {
        Assumptions.assumeTrue(Shells.python3().isPresent(), "no python3 on PATH to run pip with");
        index = tmp.resolve("index");
        Files.createDirectories(index);
        try (Stream<Path> bundled = Files.list(Path.of("support-wheels"))) {
            for (Path wheel : bundled.filter(p -> p.toString().endsWith(".whl")).toList()) {
                Files.copy(wheel, index.resolve(wheel.getFileName()));
            }
        }
        TestWheels.demo(index, "wheel", "0.99.0", "wheel");
        // pip reads no configuration file and sees only the test's index directory.
        env = Run.cleanEnvironment(tmp.resolve("home"));
        env.put("PIP_NO_INDEX", "1");
        env.put("PIP_FIND_LINKS", index.toString());
        appData = tmp.resolve("app-data");
    }

    /** A cache one upgrade filled, made once for the class: tests that start from one get a copy. */
    private static Path upgradedOnce;

    private void startFromAnUpgradedCache() throws IOException {
        synchronized (EmbedWheelUpgradeTest.class) {
            if (upgradedOnce == null) {
                Path template = Files.createTempDirectory("jvirtualenv-upgraded-cache-");
                Virtualenv.upgradeEmbedWheels(template.resolve("app-data"), env);
                upgradedOnce = template.resolve("app-data");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> Trees.deleteRecursively(template)));
            }
        }
        try (Stream<Path> walk = Files.walk(upgradedOnce)) {
            for (Path p : walk.toList()) {
                Path copy = appData.resolve(upgradedOnce.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        }
        assertTrue(Files.isRegularFile(appData.resolve("wheels/embed-upgrade").resolve(NEWER_WHEEL)));
    }

    private CreateRequest.Builder request(Interpreters.Found python, String dest) {
        return CreateRequest.builder(tmp.resolve(dest)).python(python.executable().toString()).environment(env)
                .workDir(tmp).appData(appData).activators(List.of());
    }

    private static Map<String, String> seeded(CreateResult r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.seed().installed().forEach(d -> m.put(d.name(), d.version()));
        return m;
    }

    /** Every file under dir (relative path -> SHA-256), and every directory (-> "dir"). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                out.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Sha256.hex(p) : "dir");
            }
        }
        return out;
    }

    private static EmbedWheelUpgrade.Fetched fetched(EmbedWheelUpgrade.Result r, String fileName) {
        return r.wheels().stream().filter(f -> f.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError(fileName + " not fetched: " + r.wheels()));
    }

    @Test
    void upgradeFillsTheCacheAndBundleSeedsTheNewerWheelWhileEmbedKeepsTheBundledOne() throws IOException {
        EmbedWheelUpgrade.Result result = Virtualenv.upgradeEmbedWheels(appData, env);
        Path dir = appData.resolve("wheels/embed-upgrade");
        assertEquals(dir, result.directory());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(NEWER_WHEEL, "wheels.tsv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "only what is not bundled already is stored");
        }
        assertEquals(EmbedWheelUpgrade.TARGETS, fetched(result, NEWER_WHEEL).targets());
        assertFalse(fetched(result, NEWER_WHEEL).alreadyBundled());
        assertEquals(List.of("2.7", "3.6"), fetched(result, "pip-19.2.3-py2.py3-none-any.whl").targets());
        assertEquals(List.of("3.10", "3.11", "3.12", "3.13"), fetched(result, "pip-26.2.1-py3-none-any.whl").targets());
        assertTrue(fetched(result, "pip-26.2.1-py3-none-any.whl").alreadyBundled());
        assertEquals(List.of("3.7", "3.8"), fetched(result, "setuptools-66.1.1-py3-none-any.whl").targets());
        assertEquals(Map.of(), result.unavailable());
        assertTrue(result.lines().contains("wheel 0.99.0 for Python " + String.join(", ", EmbedWheelUpgrade.TARGETS)
                + " (new)"), result.lines().toString());
        try (Stream<Path> wheels = Files.list(appData.resolve("wheels"))) {
            assertEquals(List.of("embed-upgrade"), wheels.map(p -> p.getFileName().toString()).toList(),
                    "no temporary directory or stray download left in the cache");
        }
        assertFalse(Files.exists(tmp.resolve("home/.cache/pip")), "pip's own cache is not written");

        Interpreters.Found python = Interpreters.labelled("pyenv-3.11.").orElse(Interpreters.any3());
        CreateResult bundle = Virtualenv.create(request(python, "bundle").seedChoice("wheel", SeedChoice.parse("bundle")).build());
        assertEquals("0.99.0", seeded(bundle).get("wheel"));
        ProcessResult ran = Run.command(env, tmp, tmp.resolve("bundle/bin/wheel").toString());
        assertEquals("wheel 0.99.0 ran", ran.stdout().strip(), ran.describe());
        assertEquals("26.2.1", seeded(bundle).get("pip"), "pip: the upgrade found nothing newer than bundled");

        CreateResult embed = Virtualenv.create(request(python, "embed").seedChoice("wheel", SeedChoice.parse("embed")).build());
        assertEquals("0.38.4", seeded(embed).get("wheel"), "embed means the bundled wheels only");

        // A wheel changed in the cache after the upgrade is passed over, with a warning naming it.
        // (An image built from it while it matched stays good: the images go, so one is built again.)
        Trees.deleteRecursively(appData.resolve("images"));
        Path upgraded = dir.resolve(NEWER_WHEEL);
        byte[] bytes = Files.readAllBytes(upgraded);
        Files.write(upgraded, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        CreateResult changed = Virtualenv.create(request(python, "changed").seedChoice("wheel", SeedChoice.parse("bundle"))
                .seedChoice("setuptools", SeedChoice.parse("none")).build());
        assertEquals("0.38.4", seeded(changed).get("wheel"));
        assertTrue(changed.seed().warnings().stream().anyMatch(w -> w.contains(NEWER_WHEEL) && w.contains("SHA-256")),
                changed.seed().warnings().toString());
    }

    @Test
    void aTargetWhoseSetuptoolsNeedsWheelGetsTheUpgradedOneWhereNoneWasBundled() {
        Interpreters.Found py27 = Interpreters.labelled("pyenv-2.7.").orElse(null);
        Assumptions.assumeTrue(py27 != null, "no pyenv 2.7 on this machine");
        CreateResult before = Virtualenv.create(request(py27, "before").build());
        assertFalse(seeded(before).containsKey("wheel"), "no bundled wheel runs on 2.7");
        Virtualenv.upgradeEmbedWheels(appData, env);
        CreateResult after = Virtualenv.create(request(py27, "after").build());
        assertEquals(Map.of("pip", "19.2.3", "setuptools", "41.2.0", "wheel", "0.99.0"), seeded(after));
        assertEquals(List.of(), after.seed().skipped());
    }

    @Test
    void anUnreachableIndexFailsInOneLineAndChangesNothing() throws IOException {
        startFromAnUpgradedCache();
        Map<String, String> before = snapshot(appData);

        Map<String, String> offline = Run.cleanEnvironment(tmp.resolve("home"));
        offline.put("PIP_INDEX_URL", "http://127.0.0.1:9/");
        VirtualenvException e = assertThrows(VirtualenvException.class,
                () -> Virtualenv.upgradeEmbedWheels(appData, offline));
        String message = e.getMessage();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("cannot upgrade the embedded wheels: pip could not reach http://127.0.0.1:9/"),
                message);
        assertTrue(message.contains("PIP_INDEX_URL") && message.endsWith("the app-data cache was not changed"), message);
        assertNotEquals(0, e.exitCode());
        assertEquals(before, snapshot(appData), "the cache is exactly as it was");

        // Without any index at all: the same, and a cache that did not exist is still not there.
        Path fresh = tmp.resolve("fresh-cache");
        Map<String, String> noIndex = Run.cleanEnvironment(tmp.resolve("home"));
        noIndex.put("PIP_NO_INDEX", "1");
        VirtualenvException none = assertThrows(VirtualenvException.class,
                () -> Virtualenv.upgradeEmbedWheels(fresh, noIndex));
        assertTrue(none.getMessage().contains("offers no wheel of pip, setuptools, wheel for Python 3.13"),
                none.getMessage());
        assertFalse(Files.exists(fresh), "nothing written for a failed upgrade");
    }

    @Test
    void aWheelWhoseFilesDoNotMatchItsRecordIsRefusedAndNothingChanges() throws IOException {
        startFromAnUpgradedCache();
        Map<String, String> before = snapshot(appData);
        // A newer "wheel" whose package file was altered after its RECORD was written.
        Path good = TestWheels.demo(tmp.resolve("built"), "wheel", "0.99.5", "wheel");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(good.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        entries.put("wheel/util.py", "VALUE = 666\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TestWheels.writeZip(index.resolve(good.getFileName()), entries);

        VirtualenvException e = assertThrows(VirtualenvException.class, () -> Virtualenv.upgradeEmbedWheels(appData, env));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("wheel-0.99.5-py2.py3-none-any.whl") && e.getMessage().contains("RECORD"),
                e.getMessage());
        assertEquals(before, snapshot(appData));
    }

    @Test
    void anIndexLackingSomeDistributionsIsAskedOneAtATimeAndSaysWhatIsMissing() throws IOException {
        Path partial = tmp.resolve("partial");
        Files.createDirectories(partial);
        // pip and setuptools that need 3.10+, and a wheel for 3.12+ that needs a distribution
        // that is not seeded (as wheel 0.46+ needs packaging).
        for (String name : List.of("pip-26.2.1-py3-none-any.whl", "setuptools-84.0.0-py3-none-any.whl")) {
            Files.copy(index.resolve(name), partial.resolve(name));
        }
        TestWheels.withMetadata(partial, "wheel", "0.99.9", "Requires-Python: >=3.12\nRequires-Dist: packaging>=24.0\n"
                + "Requires-Dist: pytest>=6 ; extra == \"test\"\n");
        env.put("PIP_FIND_LINKS", partial.toString());
        EmbedWheelUpgrade.Result result = Virtualenv.upgradeEmbedWheels(appData, env);
        assertEquals(List.of("3.10", "3.11", "3.12", "3.13"), fetched(result, "pip-26.2.1-py3-none-any.whl").targets());
        assertEquals(List.of("wheel"), result.unavailable().get("3.10"));
        assertFalse(result.unavailable().containsKey("3.12"), result.unavailable().toString());
        assertEquals(List.of("pip", "setuptools", "wheel"), result.unavailable().get("2.7"));
        assertEquals(3, result.wheels().size(), result.wheels().toString());
        EmbedWheelUpgrade.Fetched needsPackaging = fetched(result, "wheel-0.99.9-py2.py3-none-any.whl");
        assertEquals(List.of("3.12", "3.13"), needsPackaging.targets());
        assertEquals(List.of("packaging"), needsPackaging.unseeded());
        assertFalse(needsPackaging.stored());
        assertTrue(result.lines().contains("wheel 0.99.9 for Python 3.12, 3.13 (not kept: it needs packaging, which is "
                + "not seeded)"), result.lines().toString());
        try (Stream<Path> files = Files.list(result.directory())) {
            assertEquals(List.of("wheels.tsv"), files.map(p -> p.getFileName().toString()).toList(),
                    "two are bundled already and one would break pip check: nothing to store");
        }
    }

    @Test
    void theCommandLineUpgradesThenCreatesAndNeedsNoDestToOnlyUpgrade() throws IOException {
        Interpreters.Found python = Interpreters.any3();
        ProcessResult both = Cli.run(env, tmp, "--upgrade-embed-wheels", "--app-data", appData.toString(),
                "-p", python.executable().toString(), "--wheel", "bundle", "--no-setuptools", "e");
        assertEquals(0, both.exitCode(), both.describe());
        assertTrue(both.stdout().startsWith("upgraded embedded wheels in " + appData.resolve("wheels/embed-upgrade")
                + "\n"), both.stdout());
        assertTrue(both.stdout().contains("\n  wheel 0.99.0 for Python 2.7, 3.6"), both.stdout());
        assertTrue(both.stdout().contains("added seed packages: pip==") && both.stdout().contains("wheel==0.99.0"),
                both.stdout());

        Path other = tmp.resolve("other-cache");
        ProcessResult alone = Cli.run(Run.with(env, "VIRTUALENV_APP_DATA", other.toString()), tmp,
                "--upgrade-embed-wheels");
        assertEquals(0, alone.exitCode(), alone.describe());
        assertTrue(Files.isRegularFile(other.resolve("wheels/embed-upgrade").resolve(NEWER_WHEEL)), alone.describe());

        ProcessResult readOnly = Cli.run(env, tmp, "--upgrade-embed-wheels", "--read-only-app-data");
        assertEquals(2, readOnly.exitCode(), readOnly.describe());
        assertEquals("virtualenv: error: --upgrade-embed-wheels writes into the app-data cache, which "
                + "--read-only-app-data forbids: drop one of them", readOnly.stderr().strip());
    }
}
