package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration a virtualenv user already has — VIRTUALENV_* variables and virtualenv.ini —
 * changes the environment that is really created, as it does with virtualenv.
 */
class ConfigEndToEndTest {
    @TempDir
    Path tmp;

    private Map<String, String> env;
    private Path home;
    private String python;

    @BeforeEach
    void setUp() {
        home = tmp.resolve("home");
        env = new HashMap<>(Run.cleanEnvironment(home));
        python = Interpreters.any3().executable().toString();
    }

    private ProcessResult create(String... args) {
        ProcessResult r = Cli.run(env, tmp, args);
        assertEquals(0, r.exitCode(), r.describe());
        return r;
    }

    private Path iniFile(String... lines) throws IOException {
        Path file = home.resolve(".config/virtualenv/virtualenv.ini");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[virtualenv]\n" + String.join("\n", lines) + "\n");
        return file;
    }

    private static String cfg(Path dest) throws IOException {
        return Files.readString(dest.resolve("pyvenv.cfg"));
    }

    private static TreeSet<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void variablesShapeTheEnvironment() throws IOException {
        env.put("VIRTUALENV_SYSTEM_SITE_PACKAGES", "true");
        env.put("VIRTUALENV_NO_SEED", "1");
        env.put("VIRTUALENV_COPIES", "1");
        env.put("VIRTUALENV_ACTIVATORS", "bash,fish");
        env.put("VIRTUALENV_PYTHON", python);
        ProcessResult r = create("-v", "e");
        Path dest = tmp.resolve("e");
        assertTrue(cfg(dest).contains("include-system-site-packages = true\n"), cfg(dest));
        assertFalse(Files.isSymbolicLink(dest.resolve("bin/python")), "copied, not linked");
        TreeSet<String> bin = names(dest.resolve("bin"));
        assertFalse(bin.contains("pip"), "not seeded: " + bin);
        assertTrue(bin.containsAll(List.of("activate", "activate.fish")), bin.toString());
        assertFalse(bin.contains("activate.csh") || bin.contains("activate_this.py") || bin.contains("activate.nu"),
                bin.toString());
        ProcessResult prefix = Run.command(env, tmp, dest.resolve("bin/python").toString(), "-c",
                "import sys; print(sys.prefix)");
        assertEquals(dest.toString(), prefix.stdout().strip(), prefix.describe());
        // -v says where each value came from.
        assertTrue(r.stderr().contains("option --system-site-packages = true from the environment variable "
                + "VIRTUALENV_SYSTEM_SITE_PACKAGES"), r.stderr());
        assertTrue(r.stderr().contains("option --activators = bash,fish from the environment variable VIRTUALENV_ACTIVATORS"),
                r.stderr());
    }

    @Test
    void seedChoicesAndTheCacheFromVariables() throws IOException {
        env.put("VIRTUALENV_PIP", "24.2");
        env.put("VIRTUALENV_SETUPTOOLS", "none");
        env.put("VIRTUALENV_WHEEL", "none");
        env.put("VIRTUALENV_APP_DATA", tmp.resolve("cache").toString());
        create("-p", python, "s");
        Path site = sitePackages(tmp.resolve("s"));
        TreeSet<String> installed = names(site);
        assertTrue(installed.contains("pip-24.2.dist-info"), installed.toString());
        assertFalse(installed.stream().anyMatch(n -> n.startsWith("setuptools")), installed.toString());
        assertTrue(Files.isDirectory(tmp.resolve("cache/images")), "the cache is where the variable says");
        assertFalse(Files.exists(home.resolve(".cache/jvirtualenv/images")));

        env.remove("VIRTUALENV_APP_DATA");
        env.put("VIRTUALENV_OVERRIDE_APP_DATA", tmp.resolve("moved").toString());
        create("-p", python, "--no-setuptools", "o");
        assertTrue(Files.isDirectory(tmp.resolve("moved/images")), "VIRTUALENV_OVERRIDE_APP_DATA moves the default");
    }

    @Test
    void theIniFileAppliesAndVariablesAndTheCommandLineWinOverIt() throws IOException {
        Path ini = iniFile("no_seed = true", "prompt = from-ini", "activators = bash", "python = " + python);
        create("i");
        assertTrue(cfg(tmp.resolve("i")).contains("prompt = \"from-ini\"\n"), cfg(tmp.resolve("i")));
        assertEquals(new TreeSet<>(List.of("activate", "python", "python3")),
                new TreeSet<>(names(tmp.resolve("i/bin")).headSet("python3.", false)));

        env.put("VIRTUALENV_PROMPT", "from-env");
        create("j");
        assertTrue(cfg(tmp.resolve("j")).contains("prompt = \"from-env\"\n"), cfg(tmp.resolve("j")));
        create("--prompt", "from-cli", "k");
        assertTrue(cfg(tmp.resolve("k")).contains("prompt = \"from-cli\"\n"), cfg(tmp.resolve("k")));

        ProcessResult help = create("--help");
        assertTrue(help.stdout().endsWith("config file " + ini + " active (change via env var VIRTUALENV_CONFIG_FILE)\n"),
                help.stdout());
    }

    @Test
    void aBrokenIniFileIsNamedOnceAndTheOtherSourcesStillApply() throws IOException {
        Path ini = tmp.resolve("elsewhere.ini");
        Files.writeString(ini, "[virtualenv]\nno_seed\n");
        env.put("VIRTUALENV_CONFIG_FILE", ini.toString());
        env.put("VIRTUALENV_NO_SEED", "yes");
        ProcessResult r = create("-p", python, "b");
        assertEquals("virtualenv: warning: ignoring the config file " + ini + ": line 2: expected 'key = value', "
                + "found 'no_seed' (the command line and VIRTUALENV_* variables still apply)", r.stderr().strip());
        assertFalse(Files.exists(tmp.resolve("b/bin/pip")));
        ProcessResult help = create("--help");
        assertTrue(help.stdout().endsWith("config file " + ini + " failed to parse (change via env var "
                + "VIRTUALENV_CONFIG_FILE)\n"), help.stdout());
    }

    @Test
    void aBadValueStopsBeforeAnythingIsWritten() throws IOException {
        env.put("VIRTUALENV_SYSTEM_SITE_PACKAGES", "maybe");
        ProcessResult r = Cli.run(env, tmp, "-p", python, "bad");
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("virtualenv: error: VIRTUALENV_SYSTEM_SITE_PACKAGES=maybe: expected a boolean: 1, yes, true or on; "
                + "0, no, false or off", r.stderr().strip());
        assertFalse(Files.exists(tmp.resolve("bad")));

        env.remove("VIRTUALENV_SYSTEM_SITE_PACKAGES");
        Path ini = iniFile("seeder = conda");
        r = Cli.run(env, tmp, "-p", python, "bad");
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("virtualenv: error: seeder = conda in " + ini + ": expected app-data or pip", r.stderr().strip());
        assertFalse(Files.exists(tmp.resolve("bad")));

        env.put("VIRTUALENV_VERBOSE", "lots");
        r = Cli.run(env, tmp, "-p", python, "bad");
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("virtualenv: error: VIRTUALENV_VERBOSE=lots: expected a whole number from 0", r.stderr().strip());
    }

    @Test
    void verbosityFromVariables() {
        env.put("VIRTUALENV_QUIET", "1");
        ProcessResult quiet = create("-p", python, "--no-seed", "q");
        assertEquals("", quiet.stdout() + quiet.stderr());
    }

    private static Path sitePackages(Path dest) throws IOException {
        try (Stream<Path> lib = Files.list(dest.resolve("lib"))) {
            return lib.findFirst().orElseThrow().resolve("site-packages");
        }
    }
}
