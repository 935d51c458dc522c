package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.create.PyvenvCfg;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.TestWheels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The foundation's promise, for every CPython 3.7+ on this machine: a new environment is really
 * isolated, its pip is its own, installs and uninstalls cleanly, and our RECORD is right.
 */
class CreateEnvironmentTest {
    @TempDir
    Path tmp;

    static List<Interpreters.Found> interpreters() {
        return Interpreters.orSkip(Interpreters.cpython3(7), "CPython 3.7+");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreters")
    void environmentIsIsolatedAndPipWorks(Interpreters.Found python) throws IOException {
        Path home = tmp.resolve("home");
        Map<String, String> env = Run.cleanEnvironment(home);
        Path dest = tmp.resolve("env");
        CreateResult result = Virtualenv.create(CreateRequest.builder(dest)
                .python(python.executable().toString())
                .environment(env)
                .workDir(tmp)
                .build());
        assertEquals(python.major() + "." + python.minor(), result.python().version().majorMinor());

        // pyvenv.cfg as pip, IDEs and the interpreter read it.
        Map<String, String> cfg = PyvenvCfg.parse(Files.readString(dest.resolve("pyvenv.cfg")));
        assertEquals("false", cfg.get("include-system-site-packages"));
        assertTrue(cfg.get("version").matches(python.major() + "\\." + python.minor() + "\\.\\d+"), cfg.toString());
        assertTrue(Files.isSymbolicLink(dest.resolve("bin/python")));
        assertEquals("*", Files.readAllLines(dest.resolve(".gitignore")).get(1));

        // Isolation, as the environment's own interpreter sees it.
        Path py = dest.resolve("bin/python");
        ProcessResult probe = Run.command(env, tmp, py.toString(), "-c",
                "import sys, site, sysconfig\n"
                        + "print(sys.prefix)\nprint(sys.base_prefix)\n"
                        + "print(sysconfig.get_paths()['purelib'])\n"
                        + "print('\\x1f'.join(sys.path))\n");
        assertEquals(0, probe.exitCode(), probe.describe());
        String[] lines = probe.stdout().split("\n");
        assertEquals(dest.toString(), lines[0]);
        assertEquals(result.python().basePrefix(), lines[1]);
        String envSite = dest.resolve("lib/python" + python.major() + "." + python.minor() + "/site-packages").toString();
        List<String> sysPath = List.of(lines[3].split("\u001f"));
        assertTrue(sysPath.contains(envSite), "env site-packages on sys.path: " + sysPath);
        assertFalse(sysPath.stream().anyMatch(p -> p.startsWith(result.python().basePrefix())
                && (p.endsWith("site-packages") || p.endsWith("dist-packages"))), "base site-packages not on sys.path: " + sysPath);

        // The environment's pip is its own, under each name virtualenv gives it.
        String minor = python.major() + "." + python.minor();
        for (String name : List.of("pip", "pip" + python.major(), "pip-" + minor, "pip" + minor)) {
            ProcessResult pipVersion = Run.command(env, tmp, dest.resolve("bin").resolve(name).toString(), "--version");
            assertEquals(0, pipVersion.exitCode(), name + ": " + pipVersion.describe());
            assertTrue(pipVersion.stdout().contains(envSite), name + ": " + pipVersion.stdout());
        }

        // pip installs a wheel built here, offline; its console script runs; uninstall removes it all.
        Path wheels = tmp.resolve("wheels");
        TestWheels.demo(wheels, "demo_pkg", "1.0", "demo-cli");
        ProcessResult install = Run.command(env, tmp, py.toString(), "-m", "pip", "install", "--no-index",
                "--find-links", wheels.toString(), "demo_pkg");
        assertEquals(0, install.exitCode(), install.describe());
        ProcessResult script = Run.command(env, tmp, dest.resolve("bin/demo-cli").toString());
        assertEquals("demo_pkg 1.0 ran", script.stdout().strip(), script.describe());
        ProcessResult uninstall = Run.command(env, tmp, py.toString(), "-m", "pip", "uninstall", "-y", "demo_pkg");
        assertEquals(0, uninstall.exitCode(), uninstall.describe());
        assertFalse(Files.exists(dest.resolve("bin/demo-cli")));
        assertFalse(Files.exists(Path.of(envSite, "demo_pkg")));

        // Activation in a real bash: the env's python comes first, deactivate puts PATH back.
        ProcessResult bash = Run.command(env, tmp, "bash", "-c",
                "before=$PATH; . \"$1/bin/activate\"; command -v python; echo \"$VIRTUAL_ENV\"; deactivate; "
                        + "[ \"$PATH\" = \"$before\" ] && echo restored; command -v deactivate || echo gone", "bash", dest.toString());
        assertEquals(dest.resolve("bin/python") + "\n" + dest + "\nrestored\ngone", bash.stdout().strip(), bash.describe());

        // Uninstalling pip itself leaves nothing of it: proves the RECORD we wrote is complete.
        ProcessResult removePip = Run.command(env, tmp, py.toString(), "-m", "pip", "uninstall", "-y", "pip");
        assertEquals(0, removePip.exitCode(), removePip.describe());
        try (Stream<Path> left = Stream.concat(Files.list(Path.of(envSite)), Files.list(dest.resolve("bin")))) {
            List<String> pipFiles = left.map(p -> p.getFileName().toString())
                    .filter(n -> n.equals("pip") || n.startsWith("pip-") || n.startsWith("pip3")).toList();
            assertEquals(List.of(), pipFiles, "pip files left after uninstall");
        }
    }

    @Test
    void copiesAndSystemSitePackagesWork() throws IOException {
        Interpreters.Found python = Interpreters.any3();
        Map<String, String> env = Run.cleanEnvironment(tmp.resolve("home"));
        Path dest = tmp.resolve("copied env");
        Virtualenv.create(CreateRequest.builder(dest).python(python.executable().toString()).environment(env)
                .workDir(tmp).copies(true).systemSitePackages(true).seed(false).build());
        assertFalse(Files.isSymbolicLink(dest.resolve("bin/python")));
        assertTrue(Files.isRegularFile(dest.resolve("bin/python3")));
        ProcessResult probe = Run.command(env, tmp, dest.resolve("bin/python").toString(), "-c",
                "import sys, site; print(sys.prefix); print(any(p.endswith('site-packages') and p.startswith(sys.base_prefix) for p in sys.path))");
        assertEquals(0, probe.exitCode(), probe.describe());
        assertEquals(dest + "\nTrue", probe.stdout().strip());
        assertEquals("true", PyvenvCfg.parse(Files.readString(dest.resolve("pyvenv.cfg"))).get("include-system-site-packages"));
    }
}
