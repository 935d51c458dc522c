package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.TestWheels;
import org.jvirtualenv.util.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every interpreter on this machine (pyenv's 2.7 and 3.6–3.13, Debian's python3, Debian's PyPy3):
 * the environment is its own prefix, sees its own site-packages and not the base's, and its pip
 * installs a wheel built here whose console script runs. Then --copies with
 * --system-site-packages for 2.7, 3.6, a recent 3.x and PyPy. One Python process checks all
 * facts of an environment at once, to keep the matrix quick.
 */
class InterpreterMatrixTest {
    /** Prints the environment's facts as JSON; valid on Python 2.7 and 3.x. */
    private static final String PROBE = String.join("\n",
            "import json, sys, os",
            "probe = sys.argv[1] if len(sys.argv) > 1 else None",
            "importable = None",
            "if probe:",
            "    try:",
            "        module = __import__(probe)",
            "        importable = os.path.realpath(getattr(module, '__file__', '') or '')",
            "    except ImportError:",
            "        importable = ''",
            "print(json.dumps({'prefix': sys.prefix, 'exec_prefix': sys.exec_prefix,",
            "    'base_prefix': getattr(sys, 'base_prefix', None), 'real_prefix': getattr(sys, 'real_prefix', None),",
            "    'path': sys.path, 'executable': sys.executable, 'importable': importable}))");

    /** Lists the site folders of a base interpreter and one package from them that imports there. */
    private static final String BASE_SITE = String.join("\n",
            "import json, os, sys",
            "dirs = [p for p in sys.path if p.endswith(('site-packages', 'dist-packages')) and os.path.isdir(p)]",
            "name = None",
            "for d in dirs:",
            "    for entry in sorted(os.listdir(d)):",
            "        if name or '.' in entry or '-' in entry or not os.path.isfile(os.path.join(d, entry, '__init__.py')):",
            "            continue",
            "        try:",
            "            module = __import__(entry)",
            "        except Exception:",
            "            continue",
            "        if os.path.realpath(getattr(module, '__file__', '') or '').startswith(os.path.realpath(d)):",
            "            name = entry",
            "print(json.dumps({'dirs': [os.path.realpath(d) for d in dirs], 'module': name}))");

    @TempDir
    Path tmp;

    static List<Interpreters.Found> interpreters() {
        return Interpreters.orSkip(Interpreters.all(), "Python interpreter");
    }

    /** The ones --copies and --system-site-packages are checked on: 2.7, 3.6, the newest 3.x, PyPy. */
    static List<Interpreters.Found> copyTargets() {
        List<Interpreters.Found> chosen = new ArrayList<>();
        Interpreters.labelled("pyenv-2.7").ifPresent(chosen::add);
        Interpreters.labelled("pyenv-3.6").ifPresent(chosen::add);
        Interpreters.cpython3(7).stream().filter(f -> f.label().startsWith("pyenv")).reduce((a, b) -> b)
                .ifPresent(chosen::add);
        Interpreters.labelled("debian-python3").ifPresent(chosen::add);
        Interpreters.labelled("pypy3").ifPresent(chosen::add);
        return Interpreters.orSkip(chosen, "interpreter to check --copies on (2.7, 3.6, the newest pyenv 3.x, Debian's, PyPy)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> probe(Map<String, String> env, Path dir, Path python, String module) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", PROBE));
        if (module != null) {
            command.add(module);
        }
        ProcessResult r = Run.command(env, dir, command);
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals("", r.stderr().strip(), "the interpreter starts without warnings");
        return Json.parseObject(r.stdout().strip());
    }

    private static String libName(CreateResult result) {
        return (result.python().isPyPy() ? "pypy" : "python") + result.python().version().majorMinor();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpreters")
    @SuppressWarnings("unchecked")
    void environmentWorks(Interpreters.Found python) throws IOException {
        Map<String, String> env = Run.cleanEnvironment(tmp.resolve("home"));
        Path dest = tmp.resolve("env");
        CreateResult result = Virtualenv.create(CreateRequest.builder(dest).python(python.executable().toString())
                .environment(env).workDir(tmp).build());
        assertEquals(python.major() + "." + python.minor(), result.python().version().majorMinor());
        Path envSite = dest.resolve("lib/" + libName(result) + "/site-packages");
        assertTrue(Files.isDirectory(envSite), envSite.toString());

        Map<String, Object> facts = probe(env, tmp, dest.resolve("bin/python"), null);
        String basePrefix = result.python().basePrefix();
        assertEquals(dest.toString(), facts.get("prefix"));
        if (python.major() == 2) {
            assertEquals(basePrefix, facts.get("real_prefix"));
        } else {
            assertEquals(basePrefix, facts.get("base_prefix"));
        }
        List<String> sysPath = (List<String>) facts.get("path");
        assertTrue(sysPath.contains(envSite.toString()), "env site-packages on sys.path: " + sysPath);
        assertFalse(sysPath.stream().anyMatch(p -> !p.startsWith(dest.toString())
                && (p.endsWith("site-packages") || p.endsWith("dist-packages"))), "no base site-packages: " + sysPath);

        Path wheels = tmp.resolve("wheels");
        TestWheels.demo(wheels, "demo_pkg", "1.0", "demo-cli");
        ProcessResult install = Run.command(env, tmp, dest.resolve("bin/pip").toString(), "install", "--no-index",
                "--find-links", wheels.toString(), "demo_pkg");
        assertEquals(0, install.exitCode(), install.describe());
        assertTrue(Files.isDirectory(envSite.resolve("demo_pkg")), "installed into the environment");
        ProcessResult script = Run.command(env, tmp, dest.resolve("bin/demo-cli").toString());
        assertEquals("demo_pkg 1.0 ran", script.stdout().strip(), script.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copyTargets")
    @SuppressWarnings("unchecked")
    void copiesWithSystemSitePackages(Interpreters.Found python) throws IOException {
        Map<String, String> env = Run.cleanEnvironment(tmp.resolve("home"));
        ProcessResult base = Run.command(env, tmp, python.executable().toString(), "-c", BASE_SITE);
        assertEquals(0, base.exitCode(), base.describe());
        Map<String, Object> baseSite = Json.parseObject(base.stdout().strip());
        String module = (String) baseSite.get("module");
        Assumptions.assumeTrue(module != null, python + " has no package in its site-packages to look for");

        Path global = tmp.resolve("global env");
        CreateResult result = Virtualenv.create(CreateRequest.builder(global).python(python.executable().toString())
                .environment(env).workDir(tmp).copies(true).systemSitePackages(true).seed(false).build());
        try (Stream<Path> bin = Files.list(global.resolve("bin"))) {
            for (Path p : bin.toList()) {
                assertFalse(Files.isSymbolicLink(p), "--copies leaves no link in bin: " + p);
            }
        }
        if (python.major() == 2) {
            assertTrue(Files.isRegularFile(global.resolve("lib/python2.7/os.py"))
                    && !Files.isSymbolicLink(global.resolve("lib/python2.7/os.py")));
        }
        Map<String, Object> facts = probe(env, tmp, global.resolve("bin/python"), module);
        assertEquals(global.toString(), facts.get("prefix"));
        String found = (String) facts.get("importable");
        List<String> baseDirs = (List<String>) baseSite.get("dirs");
        assertTrue(baseDirs.stream().anyMatch(found::startsWith), module + " comes from the base: " + found);

        Path isolated = tmp.resolve("isolated");
        Virtualenv.create(CreateRequest.builder(isolated).python(python.executable().toString())
                .environment(env).workDir(tmp).copies(true).seed(false).build());
        Map<String, Object> none = probe(env, tmp, isolated.resolve("bin/python"), module);
        assertEquals("", none.get("importable"), module + " must not be importable without --system-site-packages");
        assertEquals(result.python().version().majorMinor(), python.major() + "." + python.minor());
    }

    @Test
    void aSpecFindsPyenvVersionsThatAreNotOnPath() {
        Path root = Interpreters.pyenvRootOrNull();
        Assumptions.assumeTrue(root != null && Interpreters.labelled("pyenv-2.7").isPresent(), "needs pyenv's 2.7");
        Map<String, String> env = Run.with(Run.cleanEnvironment(tmp.resolve("home")), "PYENV_ROOT", root.toString());
        ProcessResult r = Cli.run(env, tmp, "--no-seed", "-p", "2.7", "two");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().startsWith("created virtual environment CPython2.7."), r.stdout());
        assertTrue(r.stdout().contains("creator CPython2Posix("), r.stdout());
    }

    @Test
    void pyenvShimsResolveToTheRealInterpreter() throws IOException {
        Path root = Interpreters.pyenvRootOrNull();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root.resolve("shims")), "needs pyenv shims");
        Interpreters.Found pinned = Interpreters.all().stream().filter(f -> f.label().startsWith("pyenv-3.")).findFirst()
                .orElse(null);
        Assumptions.assumeTrue(pinned != null);
        String version = pinned.label().substring("pyenv-".length());
        Map<String, String> env = Run.cleanEnvironment(tmp.resolve("home"));
        env.put("PATH", root.resolve("shims") + ":" + root.resolve("bin") + ":" + env.get("PATH"));
        env.put("PYENV_ROOT", root.toString());
        env.put("PYENV_VERSION", version);
        ProcessResult r = Cli.run(env, tmp, "--no-seed", "-p", "python3", "shimmed");
        assertEquals(0, r.exitCode(), r.describe());
        Path link = Files.readSymbolicLink(tmp.resolve("shimmed/bin/python"));
        assertFalse(link.toString().contains("/shims/"), "never a shim: " + link);
        assertTrue(link.toString().startsWith(root.resolve("versions").resolve(version).toString()), link.toString());
    }

    @Test
    void virtualenvPythonAndTryFirstWithFromTheCommandLine() {
        List<Interpreters.Found> all = Interpreters.cpython3(6);
        Assumptions.assumeTrue(all.size() >= 2, "needs two CPython 3 interpreters");
        Interpreters.Found a = all.get(0);
        Interpreters.Found b = all.get(all.size() - 1);
        Map<String, String> env = Run.with(Run.cleanEnvironment(tmp.resolve("home")), "VIRTUALENV_PYTHON",
                a.executable().toString());
        ProcessResult fromEnv = Cli.run(env, tmp, "--no-seed", "one");
        assertEquals(0, fromEnv.exitCode(), fromEnv.describe());
        assertTrue(fromEnv.stdout().startsWith("created virtual environment CPython" + a.major() + "." + a.minor() + "."),
                fromEnv.stdout());
        // -p comes before VIRTUALENV_PYTHON; --try-first-with is taken when it satisfies the spec.
        ProcessResult tried = Cli.run(env, tmp, "--no-seed", "--try-first-with", b.executable().toString(), "-p",
                String.valueOf(b.major()), "two");
        assertEquals(0, tried.exitCode(), tried.describe());
        assertTrue(tried.stdout().startsWith("created virtual environment CPython" + b.major() + "." + b.minor() + "."),
                tried.stdout());
    }
}
