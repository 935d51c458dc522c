package org.jvirtualenv.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jvirtualenv.launcher.BuiltLauncher.assertSucceeded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;

/**
 * File names reach the tool as the caller's bytes, whatever the locale: a UTF-8 name is created
 * exactly, one that is not UTF-8 is refused rather than turned into another name. Names are
 * written with printf escapes, so this JVM's own encoding plays no part.
 */
class LauncherArgumentsIT {
    /** "env-é" */
    private static final String E_ACUTE = "env-\\303\\251";

    @TempDir
    Path tmp;
    private BuiltLauncher launcher;
    private String python;
    private Path work;

    @BeforeEach
    void setUp() throws IOException {
        launcher = BuiltLauncher.in(tmp.resolve("home"));
        python = Interpreters.any3().executable().toString();
        work = Files.createDirectories(tmp.resolve("work"));
    }

    /** The caller's locale: LANG alone, no LC_ALL. */
    private Map<String, String> locale(String lang) {
        Map<String, String> env = launcher.environment();
        env.remove("LC_ALL");
        env.put("LANG", lang);
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "POSIX", "C.UTF-8"})
    void aNonAsciiDestinationIsCreatedWithExactlyItsName(String lang) {
        ProcessResult result = launcher.sh(locale(lang), work,
                "exec \"$0\" -q --no-seed -p \"$1\" \"$(printf '" + E_ACUTE + "')\"", python);
        assertSucceeded(result);
        assertExactlyOneEntryNamed(E_ACUTE);
        ProcessResult python = launcher.sh(locale(lang), work,
                "\"$(printf '" + E_ACUTE + "')/bin/python\" -c 'import sys; print(sys.prefix.endswith(\"env-\\u00e9\"))'");
        assertSucceeded(python);
        assertEquals("True", python.stdout().strip(), "the environment knows its own name");
    }

    @Test
    void aDestinationWithTheReplacementCharacterItselfIsAccepted() {
        // U+FFFD spelled as valid UTF-8: what a decoder makes of bad bytes, but here it is the name.
        String replacement = "env-\\357\\277\\275";
        assertSucceeded(launcher.sh(locale("C.UTF-8"), work,
                "exec \"$0\" -q --no-seed -p \"$1\" \"$(printf '" + replacement + "')\"", python));
        assertExactlyOneEntryNamed(replacement);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "C.UTF-8"})
    void aDestinationThatIsNotUtf8IsRefused(String lang) {
        for (String bytes : List.of("env-\\377", "env-\\351t\\351", "env-\\300\\257", "env-\\355\\240\\200")) {
            ProcessResult result = launcher.sh(locale(lang), work,
                    "exec \"$0\" -q --no-seed -p \"$1\" \"$(printf '" + bytes + "')\"", python);
            assertEquals(2, result.exitCode(), result::describe);
            assertEquals("", result.stdout());
            assertEquals(1, result.stderr().lines().count(), "one line: " + result.stderr());
            assertTrue(result.stderr().contains("not valid UTF-8"), result.stderr());
            assertEquals(List.of(), BuiltLauncher.names(work), bytes + ": nothing created");
        }
    }

    /** Without a java the user gets one line saying what to do, not the shell's "exec: java: not found". */
    @Test
    void noJavaIsOneLineSayingWhatToDo() {
        Map<String, String> env = launcher.environment();
        env.remove("JAVA_HOME");
        env.put("PATH", tmp.resolve("no-such-dir").toString());
        ProcessResult result = launcher.run(env, work, "-p", python, "e");
        assertEquals(127, result.exitCode(), result.describe());
        assertEquals("virtualenv: error: no java on PATH: install a JDK (17 or later), or set JAVA_HOME to one\n",
                result.stderr());
        assertTrue(Files.notExists(work.resolve("e")), "nothing made");
    }

    /**
     * --version names the launcher's own path, whatever characters it has: picocli would have read
     * a '%' as a format specifier (and warned on stderr) and dropped "@|bold ...|@" as colour markup.
     * A lone --version and one picocli parses go different ways through Main.
     */
    @Test
    void versionNamesTheLauncherAsItsPathIsSpelled() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("tools 100%d @|bold x|@"));
        Path copy = Files.copy(launcher.file(), dir.resolve("virtualenv"));
        for (List<String> args : List.of(List.of("--version"), List.of("-q", "--version"))) {
            List<String> command = new java.util.ArrayList<>(List.of(copy.toString()));
            command.addAll(args);
            ProcessResult result = org.jvirtualenv.testing.Run.command(launcher.environment(), work, command);
            assertSucceeded(result);
            assertEquals("virtualenv " + org.jvirtualenv.Virtualenv.version() + " from " + copy.toRealPath(),
                    result.stdout().lines().findFirst().orElseThrow(), args.toString());
            assertEquals("", result.stderr(), args.toString());
        }
    }

    /**
     * As virtualenv 21 reports and records a creation: the interpreter with its instruction set,
     * and pyvenv.cfg's command, which for virtualenv is its Python running "-m virtualenv DEST" and
     * for us the launcher as it was started.
     */
    @Test
    void theReportNamesTheInstructionSetAndPyvenvCfgTheLauncherAsTheCommand() throws IOException {
        ProcessResult created = launcher.run(work, "--no-seed", "-p", python, "env");
        assertSucceeded(created);
        assertTrue(created.stdout().matches("(?s)created virtual environment [A-Za-z]+3\\.\\d+\\.\\d+\\.[a-z]+\\.\\d+t?"
                + "-64-[a-z0-9_]+ in \\d+ms\n.*"), created.stdout());
        Map<String, String> cfg = org.jvirtualenv.create.PyvenvCfg.read(work.resolve("env"));
        assertEquals(launcher.file().toAbsolutePath() + " " + work.resolve("env"), cfg.get("command"));
        assertEquals(Path.of(python).toRealPath().toString(), cfg.get("executable"));
    }

    /** The working directory holds one entry, whose name is the bytes printf makes of {@code escaped}. */
    private void assertExactlyOneEntryNamed(String escaped) {
        assertEquals(1, BuiltLauncher.names(work).size(), "one entry in " + work);
        ProcessResult exists = launcher.sh(locale("C"), work, "test -f \"$(printf '" + escaped + "')/pyvenv.cfg\"");
        assertEquals(0, exists.exitCode(), "the environment has exactly the name given");
    }
}
