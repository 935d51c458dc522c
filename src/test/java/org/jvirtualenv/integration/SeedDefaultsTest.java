package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.seed.SeedChoice;
import org.jvirtualenv.seed.SeederKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What is seeded when the caller names nothing, as virtualenv 21 and the original user guide have
 * it: pip and setuptools up to Python 3.11, pip alone from 3.12, and wheel only beside a setuptools
 * older than 70.1 (which cannot build wheels by itself) or when asked for. Each case runs a real
 * interpreter of that version and is skipped, saying so, when this machine has none.
 */
class SeedDefaultsTest {
    @TempDir
    Path tmp;
    /** One cache for the class, as a user has: images are built once per target, not per test. */
    @TempDir
    static Path appData;

    private Map<String, String> env;

    @BeforeEach
    void setUp() {
        env = Run.cleanEnvironment(tmp.resolve("home"));
    }

    private static Interpreters.Found pyenv(String majorMinor) {
        var found = Interpreters.labelled("pyenv-" + majorMinor + ".");
        Assumptions.assumeTrue(found.isPresent(), "no pyenv interpreter " + majorMinor + " on this machine");
        return found.get();
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

    /** What pip itself says is installed in the environment (name==version lines). */
    private List<String> pipFreeze(Path dest) {
        ProcessResult r = Run.command(env, tmp, dest.resolve("bin/python").toString(), "-m", "pip", "list",
                "--format=freeze");
        assertEquals(0, r.exitCode(), r.describe());
        return r.stdout().strip().lines().sorted().toList();
    }

    private static List<String> binNames(Path dest, String prefix) throws IOException {
        try (Stream<Path> bin = Files.list(dest.resolve("bin"))) {
            return bin.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3.9", "3.10", "3.11"})
    void pipAndSetuptoolsWithoutWheelAndSetuptoolsStillBuildsWheels(String version) throws IOException {
        Interpreters.Found python = pyenv(version);
        CreateResult r = Virtualenv.create(request(python, "env").build());
        Path dest = tmp.resolve("env");
        assertEquals(List.of("pip", "setuptools"), List.copyOf(seeded(r).keySet()));
        assertEquals("none", r.seed().choices().get("wheel"));
        assertEquals(List.of(), r.seed().skipped(), "wheel is not wanted, so not reported as skipped");
        assertEquals(List.of("pip==" + seeded(r).get("pip"), "setuptools==" + seeded(r).get("setuptools")), pipFreeze(dest));
        assertEquals(List.of(), binNames(dest, "wheel"));

        // The seeded setuptools builds a wheel of a project by itself, offline, without `wheel`.
        Path project = tmp.resolve("proj");
        Files.createDirectories(project.resolve("hello"));
        Files.writeString(project.resolve("hello/__init__.py"), "X = 1\n");
        Files.writeString(project.resolve("setup.py"),
                "from setuptools import setup\nsetup(name='hello', version='1.0', packages=['hello'])\n");
        ProcessResult build = Run.command(env, project, dest.resolve("bin/python").toString(), "-m", "pip", "wheel",
                "--no-index", "--no-deps", "--no-build-isolation", "-w", tmp.resolve("built").toString(), ".");
        assertEquals(0, build.exitCode(), build.describe());
        assertTrue(Files.isRegularFile(tmp.resolve("built/hello-1.0-py3-none-any.whl")), build.describe());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3.12", "3.13"})
    void pipAloneFrom312(String version) throws IOException {
        Interpreters.Found python = pyenv(version);
        CreateResult r = Virtualenv.create(request(python, "env").build());
        assertEquals(List.of("pip"), List.copyOf(seeded(r).keySet()));
        assertEquals(Map.of("pip", "bundle", "setuptools", "none", "wheel", "none"), r.seed().choices());
        assertEquals(List.of("pip==" + seeded(r).get("pip")), pipFreeze(tmp.resolve("env")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2.7", "3.6", "3.7", "3.8"})
    void wheelBesideASetuptoolsOlderThan70point1(String version) throws IOException {
        Interpreters.Found python = pyenv(version);
        CreateResult r = Virtualenv.create(request(python, "env").build());
        Map<String, String> got = seeded(r);
        assertTrue(got.containsKey("setuptools") && !got.get("setuptools").matches("(7[1-9]|[89]\\d|\\d{3,})\\..*"),
                "an old setuptools: " + got);
        assertEquals("bundle", r.seed().choices().get("wheel"), "wheel is wanted beside setuptools " + got.get("setuptools"));
        if (version.equals("2.7") || version.equals("3.6")) {
            // No wheel release that runs there is bundled: left out, and the report says why.
            assertFalse(got.containsKey("wheel"), got.toString());
            assertTrue(r.seed().skipped().stream().anyMatch(s -> s.startsWith("wheel (no bundled wheel runs on Python "
                    + version)), r.seed().skipped().toString());
        } else {
            assertEquals("0.38.4", got.get("wheel"));
            assertTrue(pipFreeze(tmp.resolve("env")).contains("wheel==0.38.4"));
            ProcessResult v = Run.command(env, tmp, tmp.resolve("env/bin/wheel").toString(), "version");
            assertEquals(0, v.exitCode(), v.describe());
            assertTrue(v.stdout().contains("0.38.4"), v.describe());
        }
    }

    @Test
    void wheelIsSeededOn311WhenAskedFor() {
        Interpreters.Found python = pyenv("3.11");
        CreateResult r = Virtualenv.create(request(python, "asked").seedChoice("wheel", SeedChoice.parse("bundle")).build());
        assertEquals("0.38.4", seeded(r).get("wheel"));
        assertTrue(pipFreeze(tmp.resolve("asked")).contains("wheel==0.38.4"));

        CreateResult exact = Virtualenv.create(request(python, "exact").seedChoice("wheel", SeedChoice.parse("0.38.4")).build());
        assertEquals("0.38.4", seeded(exact).get("wheel"));
    }

    @Test
    void theSetuptoolsChosenDecidesNotTheTarget() {
        Interpreters.Found py311 = pyenv("3.11");
        // An old setuptools asked for on 3.11 brings wheel along; none on 3.7 leaves wheel out.
        CreateResult old = Virtualenv.create(request(py311, "old").seedChoice("setuptools", SeedChoice.parse("66.1.1")).build());
        assertEquals(Map.of("pip", "26.2.1", "setuptools", "66.1.1", "wheel", "0.38.4"), seeded(old));

        Interpreters.Found py37 = pyenv("3.7");
        CreateResult bare = Virtualenv.create(request(py37, "bare").seedChoice("setuptools", SeedChoice.parse("none")).build());
        assertEquals(Map.of("pip", "23.2.1"), seeded(bare));
        assertEquals("none", bare.seed().choices().get("wheel"));
    }

    @Test
    void thePipSeederFollowsTheSameDefaults() {
        Interpreters.Found python = pyenv("3.11");
        CreateResult r = Virtualenv.create(request(python, "viapip").seeder(SeederKind.PIP).build());
        assertEquals("pip", r.seed().via());
        assertEquals(List.of("pip==26.2.1", "setuptools==84.0.0"), pipFreeze(tmp.resolve("viapip")));
    }

    @Test
    void theReportNamesTheDecidedChoicesAndNoWheelIsStillAccepted() {
        Interpreters.Found python = pyenv("3.11");
        ProcessResult r = Cli.run(env, tmp, "-p", python.executable().toString(), "--app-data",
                appData.toString(), "cli");
        assertEquals(0, r.exitCode(), r.describe());
        // As virtualenv 21: a distribution that is not seeded is not named.
        assertTrue(r.stdout().contains("FromAppData(download=False, pip=bundle, setuptools=bundle, via="), r.stdout());
        assertTrue(r.stdout().contains("added seed packages: pip==26.2.1, setuptools==84.0.0\n"), r.stdout());

        ProcessResult noWheel = Cli.run(env, tmp, "-p", python.executable().toString(), "--app-data",
                appData.toString(), "--no-wheel", "cli2");
        assertEquals(0, noWheel.exitCode(), noWheel.describe());
        assertNotEquals("", noWheel.stdout());
        assertFalse(noWheel.stdout().contains("wheel=="), noWheel.stdout());
    }
}
