package org.jvirtualenv.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.ProcessRunner;
import org.jvirtualenv.testing.Shells;

/** activate_this.py exec'd from a base interpreter, the way its docstring tells users to. */
class ActivateThisTest {
    /** Quote, backslash, non-ASCII and a command substitution in the path and the prompt. */
    private static final String HOSTILE = "py env 'caf\u00e9' \\ $(touch MARKER)";
    /** Two entries, one with a space. */
    private static final String OLD_PKG_CONFIG_PATH = "/usr/lib/pkg config:/opt/pc";

    /** Prints each observation as key=hex(UTF-8 bytes), so nothing depends on console encoding. */
    private static final String DRIVER = String.join("\n",
            "import os, sys, binascii",
            "def hexed(v):",
            "    if not isinstance(v, bytes):",
            "        v = v.encode('utf-8', 'surrogateescape')",
            "    return binascii.hexlify(v).decode('ascii')",
            "p = sys.argv[1]",
            "before_prefix = sys.prefix",
            "before_path = os.environ.get('PATH', '')",
            "exec(open(p).read(), {'__file__': p})",
            "seen = [('before_prefix', before_prefix), ('before_path', before_path),",
            "        ('prefix', sys.prefix), ('exec_prefix', sys.exec_prefix),",
            "        ('real_prefix', sys.real_prefix), ('sys_path_0', sys.path[0]), ('sys_path_1', sys.path[1]),",
            "        ('virtual_env', os.environ['VIRTUAL_ENV']), ('prompt', os.environ['VIRTUAL_ENV_PROMPT']),",
            "        ('path', os.environ['PATH']), ('pkg_config_path', os.environ.get('PKG_CONFIG_PATH', '<unset>'))]",
            "for key, value in seen:",
            "    sys.stdout.write(key + '=' + hexed(value) + '\\n')",
            "");

    @TempDir
    Path tmp;

    @Test
    void python3PutsTheEnvironmentFirst() throws IOException {
        Optional<Path> python = Shells.python3();
        assumeTrue(python.isPresent(), "python3 not found on PATH: cannot run activate_this.py");
        Path env = tmp.resolve(HOSTILE);
        Path home = Files.createDirectories(tmp.resolve("home"));
        ProcessResult venv = ProcessRunner.run(List.of(python.get().toString(), "-m", "venv", "--without-pip",
                env.toString()), Shells.cleanEnvironment(home), tmp);
        assertEquals(0, venv.exitCode(), venv.describe());
        String version = pythonVersion(python.get(), home);
        checkActivation(python.get(), env, "lib/python" + version + "/site-packages", home, OLD_PKG_CONFIG_PATH);
    }

    @Test
    void python27PutsTheEnvironmentFirst() throws IOException {
        Optional<Path> python = Shells.python27();
        assumeTrue(python.isPresent(), "python2.7 not found under `pyenv root`/versions/2.7*: cannot try activate_this.py on 2.7");
        Path env = tmp.resolve(HOSTILE);
        Files.createDirectories(env.resolve("lib/python2.7/site-packages"));
        checkActivation(python.get(), env, "lib/python2.7/site-packages", Files.createDirectories(tmp.resolve("home")),
                null);
    }

    /**
     * @param oldPkgConfigPath PKG_CONFIG_PATH of the process before activation, null for unset
     */
    private void checkActivation(Path python, Path env, String sitePackages, Path home, String oldPkgConfigPath)
            throws IOException {
        Path site = env.resolve(sitePackages);
        // A .pth entry is added by site.addsitedir too, and must also come before the base's paths.
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        Files.writeString(site.resolve("extra.pth"), extra + "\n", StandardCharsets.UTF_8);
        ActivationContext ctx = new ActivationContext(env, "bin", "lib", HOSTILE, false, List.of(sitePackages), "x", false);
        Activators.select(List.of("python")).get(0).generate(ctx);
        Files.writeString(tmp.resolve("driver.py"), DRIVER, StandardCharsets.UTF_8);

        Map<String, String> environment = Shells.cleanEnvironment(home);
        if (oldPkgConfigPath != null) {
            environment.put("PKG_CONFIG_PATH", oldPkgConfigPath);
        }
        ProcessResult r = ProcessRunner.run(List.of(python.toString(), tmp.resolve("driver.py").toString(),
                env.resolve("bin/activate_this.py").toString()), environment, tmp);
        assertEquals(0, r.exitCode(), r.describe());
        Map<String, String> seen = parse(r.stdout());
        assertFalse(Files.exists(tmp.resolve("MARKER")), "a command from the name ran");
        assertEquals(env.toString(), seen.get("virtual_env"), "VIRTUAL_ENV");
        assertEquals(HOSTILE, seen.get("prompt"), "VIRTUAL_ENV_PROMPT");
        assertEquals(env + "/bin:" + seen.get("before_path"), seen.get("path"), "PATH");
        assertEquals(env + "/lib/pkgconfig" + (oldPkgConfigPath == null ? "" : ":" + oldPkgConfigPath),
                seen.get("pkg_config_path"), "PKG_CONFIG_PATH");
        assertEquals(env.toString(), seen.get("prefix"), "sys.prefix");
        assertEquals(env.toString(), seen.get("exec_prefix"), "sys.exec_prefix");
        assertEquals(seen.get("before_prefix"), seen.get("real_prefix"), "sys.real_prefix");
        assertEquals(site.toString(), seen.get("sys_path_0"), "site-packages first on sys.path");
        assertEquals(extra.toString(), seen.get("sys_path_1"), ".pth entries next");
    }

    private static String pythonVersion(Path python, Path home) {
        ProcessResult r = ProcessRunner.run(List.of(python.toString(), "-c",
                "import sys; sys.stdout.write('%d.%d' % sys.version_info[:2])"), Shells.cleanEnvironment(home), home);
        assertEquals(0, r.exitCode(), r.describe());
        return r.stdout();
    }

    private static Map<String, String> parse(String stdout) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                byte[] bytes = HexFormat.of().parseHex(line.substring(eq + 1));
                seen.put(line.substring(0, eq), new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return seen;
    }
}
