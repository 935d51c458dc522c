package org.jvirtualenv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.cli.completion.Completion;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code virtualenv --generate-completion SHELL}: for people who install the scripts by hand. */
class GenerateCompletionTest {
    @TempDir
    Path tmp;

    private ProcessResult run(String... args) {
        Map<String, String> env = Run.cleanEnvironment(tmp.resolve("home"));
        return Cli.run(env, tmp, args);
    }

    @Test
    void printsTheScriptTheBundleCarriesWithoutADestination() {
        for (Completion.Shell shell : Completion.Shell.values()) {
            ProcessResult r = run("--generate-completion", shell.displayName());
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals(Completion.script(shell, CommandModel.spec(), Virtualenv.version()), r.stdout());
            assertEquals("", r.stderr());
        }
    }

    @Test
    void anUnknownShellIsAUsageError() {
        ProcessResult r = run("--generate-completion", "tcsh");
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals("", r.stdout());
        String err = r.stderr().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("virtualenv: error: ") && err.contains("'tcsh' is not bash, zsh or fish"), err);
    }

    @Test
    void isHiddenFromTheHelp() {
        ProcessResult r = run("--help");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().contains("--system-site-packages"), r.stdout());
        assertFalse(r.stdout().contains("generate-completion"), r.stdout());
    }
}
