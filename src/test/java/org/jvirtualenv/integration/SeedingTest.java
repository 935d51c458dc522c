package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.seed.InstalledDistribution;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.TestWheels;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeding on every interpreter found on this machine: the expected pip/setuptools/wheel versions
 * (see support-wheels/README.md), a pip that runs, checks and installs offline, byte code
 * shipped from the cache. Targets whose creation this build does not support yet are skipped with
 * the reason.
 */
class SeedingTest {
    @TempDir
    Path tmp;

    static List<Interpreters.Found> interpreters() {
        return Interpreters.orSkip(Interpreters.all(), "Python interpreter");
    }

    /** What support-wheels/README.md promises for each target; null means "not seeded". */
    static Map<String, String> expected(int major, int minor) {
        Map<String, String> m = new LinkedHashMap<>();
        String v = major + "." + minor;
        m.put("pip", switch (v) {
            case "2.7", "3.6" -> "19.2.3";
            case "3.7" -> "23.2.1";
            case "3.8" -> "24.2";
            case "3.9" -> "26.0.1";
            default -> "26.2.1";
        });
        m.put("setuptools", switch (v) {
            case "2.7" -> "41.2.0";
            case "3.6" -> "58.1.0";
            case "3.7", "3.8" -> "66.1.1";
            case "3.9" -> "82.0.1";
            case "3.10", "3.11" -> "84.0.0";
            default -> null;
        });
        // wheel only beside a setuptools older than 70.1 (here 66.1.1); none runs on 2.7 or 3.6.
        m.put("wheel", v.equals("3.7") || v.equals("3.8") ? "0.38.4" : null);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreters")
    void seedsTheExpectedVersionsAndPipWorks(Interpreters.Found python) throws IOException {
        Map<String, String> env = Run.cleanEnvironment(tmp.resolve("home"));
        Path dest = tmp.resolve("env");
        CreateResult result;
        try {
            result = Virtualenv.create(CreateRequest.builder(dest).python(python.executable().toString())
                    .environment(env).workDir(tmp).activators(List.of()).build());
        } catch (VirtualenvException e) {
            Assumptions.assumeFalse(e.getMessage().contains("not supported"),
                    python + ": creation is not supported on this branch yet: " + e.getMessage());
            throw e;
        }
        Map<String, String> got = new LinkedHashMap<>();
        for (InstalledDistribution d : result.seed().installed()) {
            got.put(d.name(), d.version());
        }
        Map<String, String> want = expected(python.major(), python.minor());
        if (python.label().startsWith("pypy")) {
            want.put("setuptools", got.get("setuptools")); // PyPy's X.Y follows CPython's; only pip is pinned here
        }
        want.values().removeIf(java.util.Objects::isNull);
        System.err.println("[SeedingTest] " + python + " seeded " + got + (result.seed().skipped().isEmpty() ? ""
                : " skipped " + result.seed().skipped()));
        assertEquals(want, got, python + ": seeded versions");
        if (python.major() == 3 && python.minor() <= 6 || python.major() == 2) {
            assertTrue(result.seed().skipped().stream().anyMatch(s -> s.startsWith("wheel")),
                    "the report says wheel was skipped and why: " + result.seed().skipped());
        }
        if (!python.label().startsWith("pypy")) {
            assertEquals(want.containsKey("setuptools") ? "bundle" : "none", result.seed().choices().get("setuptools"));
            assertEquals(python.major() == 2 || python.minor() <= 8 ? "bundle" : "none",
                    result.seed().choices().get("wheel"), python + ": wheel decided by the setuptools seeded");
        }

        String xy = python.major() + "." + python.minor();
        Path bin = dest.resolve("bin");
        for (String name : List.of("pip", "pip" + python.major(), "pip" + xy)) {
            assertTrue(Files.isExecutable(bin.resolve(name)), name);
        }
        ProcessResult version = Run.command(env, tmp, bin.resolve("pip").toString(), "--version");
        assertEquals(0, version.exitCode(), version.describe());
        assertTrue(version.stdout().startsWith("pip " + got.get("pip") + " from " + dest), version.stdout());
        ProcessResult check = Run.command(env, tmp, bin.resolve("python").toString(), "-m", "pip", "check");
        assertEquals(0, check.exitCode(), check.describe());

        Path wheels = tmp.resolve("wheels");
        TestWheels.demo(wheels, "demo_pkg", "1.0", "demo-cli");
        ProcessResult install = Run.command(env, tmp, bin.resolve("python").toString(), "-m", "pip", "install",
                "--no-index", "--find-links", wheels.toString(), "demo_pkg");
        assertEquals(0, install.exitCode(), install.describe());
        ProcessResult script = Run.command(env, tmp, bin.resolve("demo-cli").toString());
        assertEquals("demo_pkg 1.0 ran", script.stdout().strip(), script.describe());

        // Byte code came from the cache image, compiled by the target itself.
        ProcessResult cached = Run.command(env, tmp, bin.resolve("python").toString(), "-c",
                "import importlib.util as u, os, pip; print(os.path.exists(u.cache_from_source(pip.__file__)))"
                        .replace("importlib.util as u, ", python.major() == 2 ? "imp as u, " : "importlib.util as u, "));
        if (python.major() == 3) {
            assertEquals("True", cached.stdout().strip(), cached.describe());
        }
    }

    /** Every file below dir, relative, for "nothing else was written" checks. */
    static List<String> files(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString()));
        }
        return out;
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
