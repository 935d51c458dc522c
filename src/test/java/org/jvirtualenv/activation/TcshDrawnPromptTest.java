package org.jvirtualenv.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.ProcessRunner;
import org.jvirtualenv.testing.Shells;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcsh reads %-sequences (%n the user, %/ the directory) in its prompt: a prompt name holding
 * them is drawn as written, not expanded. Drawn by a real interactive tcsh on a terminal
 * ({@code script} gives it one: without a terminal tcsh does not draw its prompt per line).
 */
class TcshDrawnPromptTest {
    private static final String NAME = "per%cent%n%%%PATH%/%~";

    @TempDir
    Path tmp;

    @Test
    void percentSequencesInTheNameAreDrawnAsWritten() throws InterruptedException {
        Optional<Path> tcsh = Shells.find("tcsh");
        Optional<Path> script = Shells.find("script");
        assumeTrue(tcsh.isPresent(), Shells.notInstalled("tcsh", "apt-get install tcsh"));
        assumeTrue(script.isPresent(), Shells.notInstalled("script", "apt-get install bsdutils"));
        Path home = tmp.resolve("home");
        Map<String, String> env = Shells.cleanEnvironment(home);
        Virtualenv.create(CreateRequest.builder(tmp.resolve("e")).python(Interpreters.any3().executable().toString())
                .seed(false).prompt(NAME).activators(List.of("cshell")).environment(env).workDir(tmp).build());
        // tcsh on a terminal draws its prompt before each command it reads (the terminal echoes
        // the typed lines first, so prompts and output follow them).
        String session = "set prompt='base> '\nsource e/bin/activate.csh\necho probe-activated\ndeactivate\n"
                + "echo probe-deactivated\nexit\n";
        ProcessResult r = ProcessRunner.run(List.of(script.get().toString(), "-qfec", tcsh.get() + " -f", "/dev/null"),
                env, tmp, session, Duration.ofSeconds(30));
        String drawn = r.stdout().replace("\r", "");
        assertTrue(drawn.contains("(" + NAME + ") base> probe-activated\n"), r.describe());
        assertTrue(drawn.contains("base> base> probe-deactivated\n"), "deactivate restored the prompt: " + r.describe());
        assertEquals(0, r.exitCode(), r.describe());
    }
}
