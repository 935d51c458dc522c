package org.jvirtualenv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.util.FileModes;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.seed.SeedChoice;
import org.jvirtualenv.seed.SeederKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees on the terminal: the report, and one clear line for each kind of bad input. */
class CliTest {
    @TempDir
    Path tmp;

    private Map<String, String> env;
    private String python;

    @BeforeEach
    void setUp() {
        env = Run.cleanEnvironment(tmp.resolve("home"));
        python = Interpreters.any3().executable().toString();
    }

    private static void assertOneLineError(ProcessResult r, String expected) {
        assertNotEquals(0, r.exitCode(), r.describe());
        String err = r.stderr().strip();
        assertEquals(1, err.lines().count(), "one line on stderr:\n" + err);
        assertTrue(err.startsWith("virtualenv: error: "), err);
        assertTrue(err.contains(expected), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace:\n" + err);
    }

    @Test
    void createsAndReportsLikeVirtualenv() {
        ProcessResult r = Cli.run(env, tmp, "-p", python, "venv");
        assertEquals(0, r.exitCode(), r.describe());
        String[] lines = r.stdout().split("\n");
        // virtualenv 21's spelling: the version, then the pointer size and the instruction set.
        assertTrue(lines[0].matches("created virtual environment CPython3\\.\\d+\\.\\d+\\.final\\.0-64-[a-z0-9_]+ in \\d+ms"),
                lines[0]);
        assertTrue(lines[1].startsWith("  creator CPython3Posix(dest=" + tmp.resolve("venv") + ", clear=False"), lines[1]);
        assertTrue(lines[2].startsWith("  seeder FromAppData("), lines[2]);
        assertTrue(lines[2].contains("app_data_dir=" + tmp.resolve("home/.cache/jvirtualenv")), lines[2]);
        assertTrue(lines[3].startsWith("    added seed packages: pip=="), lines[3]);
        assertTrue(r.stdout().contains("  activators "), r.stdout());
        assertTrue(Files.isExecutable(tmp.resolve("venv/bin/pip")));
    }

    @Test
    void anUnseededReportHasNoSeederLine() {
        ProcessResult r = Cli.run(env, tmp, "--no-seed", "-p", python, "bare");
        assertEquals(0, r.exitCode(), r.describe());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(3, lines.size(), r.stdout());
        assertTrue(lines.get(1).startsWith("  creator CPython3Posix("), r.stdout());
        assertTrue(lines.get(2).startsWith("  activators BashActivator,"), r.stdout());

        ProcessResult none = Cli.run(env, tmp, "--no-seed", "--activators", "", "-p", python, "bare2");
        assertEquals(0, none.exitCode(), none.describe());
        assertEquals(2, none.stdout().lines().count(), "no activators, no activators line:\n" + none.stdout());
    }

    @Test
    void pipSeedingIsReportedAsVirtualenvReportsItsPipInvoke() {
        ProcessResult r = Cli.run(env, tmp, "--seeder", "pip", "-p", python, "viapip");
        assertEquals(0, r.exitCode(), r.describe());
        String seeder = r.stdout().lines().filter(l -> l.startsWith("  seeder ")).findFirst().orElse("");
        // virtualenv 21 names neither a link mode nor a cache for it.
        assertTrue(seeder.matches("  seeder PipInvoke\\(download=False, pip=bundle(, setuptools=bundle)?\\)"), r.stdout());
    }

    @Test
    void quietPrintsNothingAndVerboseExplains() {
        ProcessResult quiet = Cli.run(env, tmp, "-q", "--no-seed", "-p", python, "q");
        assertEquals(0, quiet.exitCode(), quiet.describe());
        assertEquals("", quiet.stdout() + quiet.stderr());
        ProcessResult verbose = Cli.run(env, tmp, "-v", "-p", python, "v");
        assertEquals(0, verbose.exitCode(), verbose.describe());
        // The first run cached the interpreter's facts: the second one reads them instead of introspecting.
        assertTrue(verbose.stderr().contains("interpreter facts for " + python), verbose.stderr());
        assertTrue(verbose.stderr().contains("installing "), verbose.stderr());
    }

    @Test
    void defaultInterpreterIsTheFirstPython3OnPath() throws IOException {
        Path bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        Files.createSymbolicLink(bin.resolve("python3"), Path.of(python));
        ProcessResult r = Cli.run(Run.with(env, "PATH", bin + ":/usr/bin:/bin"), tmp, "--no-seed", "e");
        assertEquals(0, r.exitCode(), r.describe());
        String version = Run.command(env, tmp, python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])").stdout().strip();
        assertTrue(r.stdout().startsWith("created virtual environment CPython" + version + "."), r.stdout());
    }

    @Test
    void versionAndHelp() {
        ProcessResult v = Cli.run(env, tmp, "--version");
        assertEquals(0, v.exitCode());
        assertTrue(v.stdout().startsWith("virtualenv " + Virtualenv.version()), v.stdout());
        ProcessResult h = Cli.run(env, tmp, "--help");
        assertEquals(0, h.exitCode());
        for (String option : new String[] {"--python", "--clear", "--no-seed", "--no-pip", "--no-setuptools", "--no-wheel",
            "--prompt", "--system-site-packages", "--symlinks", "--copies", "--verbose", "--quiet"}) {
            assertTrue(h.stdout().contains(option), option + " in help");
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        ProcessResult r = Cli.run(env, tmp, "--frobnicate", "x");
        assertEquals(2, r.exitCode());
        assertOneLineError(r, "--frobnicate");
    }

    @Test
    void unknownActivatorIsRefusedBeforeAnythingIsWritten() {
        ProcessResult r = Cli.run(env, tmp, "-p", python, "--activators", "bash,bogus", "e");
        assertEquals(2, r.exitCode());
        assertOneLineError(r, "unknown activator 'bogus'");
        assertFalse(Files.exists(tmp.resolve("e")));
    }

    @Test
    void destinationThatIsAFile() throws IOException {
        Files.writeString(tmp.resolve("afile"), "x");
        ProcessResult r = Cli.run(env, tmp, "-p", python, "afile");
        assertOneLineError(r, "is not a directory");
        assertEquals("x", Files.readString(tmp.resolve("afile")));
    }

    @Test
    void destinationWithThePathSeparator() {
        ProcessResult r = Cli.run(env, tmp, "-p", python, "a:b");
        assertOneLineError(r, "path separator");
        assertFalse(Files.exists(tmp.resolve("a:b")));
    }

    @Test
    void destinationThatCannotBeWritten() throws IOException {
        Path target;
        if ("root".equals(System.getProperty("user.name"))) {
            // Permission bits do not stop root; /proc refuses new directories to everyone.
            target = Path.of("/proc/jvirtualenv-test/env");
        } else {
            Path locked = tmp.resolve("locked");
            Files.createDirectories(locked);
            locked.toFile().setWritable(false, false);
            target = locked.resolve("env");
        }
        ProcessResult r = Cli.run(env, tmp, "-p", python, target.toString());
        assertOneLineError(r, target.toString());
        assertFalse(Files.exists(target));
    }

    @Test
    void interpreterThatDoesNotExist() {
        assertOneLineError(Cli.run(env, tmp, "-p", tmp.resolve("nope/python").toString(), "e"), "does not exist");
        assertOneLineError(Cli.run(env, tmp, "-p", "python9.99", "e"), "nothing matches 'python9.99' (looked in: /usr/local/bin, /usr/bin, /bin");
        assertFalse(Files.exists(tmp.resolve("e")));
    }

    @Test
    void interpreterThatIsNotPython() throws IOException {
        Path fake = tmp.resolve("fakepython");
        Files.writeString(fake, "#!/bin/sh\necho 'I am not python' >&2\nexit 3\n");
        FileModes.makeExecutable(fake);
        ProcessResult r = Cli.run(env, tmp, "-p", fake.toString(), "e");
        assertOneLineError(r, "failed to run: I am not python");
        Path plain = tmp.resolve("notexec");
        Files.writeString(plain, "data");
        assertOneLineError(Cli.run(env, tmp, "-p", plain.toString(), "e"), "is not executable");
        assertFalse(Files.exists(tmp.resolve("e")));
    }

    @Test
    void traceOnlyWhenAskedFor() throws IOException {
        Files.writeString(tmp.resolve("afile"), "x");
        ProcessResult r = Cli.run(env, tmp, "-v", "-p", python, "afile");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("at org.jvirtualenv."), r.stderr());
    }

    @Test
    void clearRefusesADirectoryThatIsNotAnEnvironment() throws IOException {
        Path dir = tmp.resolve("precious");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("thesis.tex"), "years of work");
        assertOneLineError(Cli.run(env, tmp, "--clear", "-p", python, "precious"), "not a virtual environment");
        assertEquals("years of work", Files.readString(dir.resolve("thesis.tex")));
    }

    @Test
    void clearEmptiesAnEnvironmentAndWithoutItTheEnvIsUpdatedInPlace() throws IOException {
        assertEquals(0, Cli.run(env, tmp, "--no-seed", "-p", python, "env").exitCode());
        Files.writeString(tmp.resolve("env/leftover.txt"), "old");
        ProcessResult update = Cli.run(env, tmp, "--no-seed", "-p", python, "--prompt", "again", "env");
        assertEquals(0, update.exitCode(), update.describe());
        assertTrue(Files.exists(tmp.resolve("env/leftover.txt")), "updated in place");
        assertTrue(Files.readString(tmp.resolve("env/pyvenv.cfg")).contains("prompt = \"again\""));
        ProcessResult cleared = Cli.run(env, tmp, "--clear", "--no-seed", "-p", python, "env");
        assertEquals(0, cleared.exitCode(), cleared.describe());
        assertFalse(Files.exists(tmp.resolve("env/leftover.txt")));
        assertTrue(Files.exists(tmp.resolve("env/pyvenv.cfg")));
    }

    /** As virtualenv 21: an empty prompt is an empty value in pyvenv.cfg, and the activators show the name. */
    @Test
    void anEmptyPromptShowsTheEnvironmentsName() throws IOException {
        ProcessResult r = Cli.run(env, tmp, "--no-seed", "-p", python, "--prompt", "", "env");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(Files.readAllLines(tmp.resolve("env/pyvenv.cfg")).contains("prompt = "),
                Files.readString(tmp.resolve("env/pyvenv.cfg")));
        // The prompt as bash draws it (${PS1@P}), not only the variable.
        ProcessResult bash = Run.command(env, tmp, "bash", "-c",
                "PS1='$ '; . \"$1/bin/activate\"; printf '%s|%s|\\n' \"$VIRTUAL_ENV_PROMPT\" \"${PS1@P}\"",
                "bash", tmp.resolve("env").toString());
        assertEquals("env|(env) $ |", bash.stdout().strip(), bash.describe());
    }

    @Test
    void aFailureHalfWayLeavesNothingBehind() {
        Path dest = tmp.resolve("new/parent/env");
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> Virtualenv.create(
                CreateRequest.builder(dest).python(python).environment(env).workDir(tmp)
                        .appData(tmp.resolve("cache")).seedChoice("pip", SeedChoice.parse("0.0.1")).build()));
        assertTrue(e.getMessage().contains("pip==0.0.1"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("new")), "the directories made for the env are gone");
    }
}
