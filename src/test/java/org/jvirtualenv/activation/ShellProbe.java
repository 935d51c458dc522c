package org.jvirtualenv.activation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.ProcessRunner;
import org.jvirtualenv.testing.Shells;

/**
 * Runs one shell against one case: the scripted probe, and for sh-family shells also an
 * interactive session (to see the prompt as drawn) and an attempt to execute {@code activate}.
 * Runs are started in the background so a test factory can launch its whole matrix at once.
 */
final class ShellProbe {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(4, Runtime.getRuntime().availableProcessors() * 2), r -> {
                Thread t = new Thread(r, "shell-probe");
                t.setDaemon(true);
                return t;
            });

    /** What happened; {@code refusal} is set instead of the runs when rendering was refused. */
    record Outcome(ProbeShell shell, ProbeWorkspace workspace, VirtualenvException refusal,
                   ProcessResult scripted, ProcessResult interactive, ProcessResult executed) {
    }

    private ShellProbe() {
    }

    static CompletableFuture<Outcome> start(ProbeShell shell, ProbeCase probeCase, Path scratch) {
        if (shell.path().isEmpty() || Shells.python3().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> run(shell, probeCase, scratch), POOL);
    }

    private static Outcome run(ProbeShell shell, ProbeCase probeCase, Path scratch) {
        Path root;
        try {
            root = Files.createTempDirectory(scratch, shell.executable + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Activator activator = Activators.select(List.of(activatorName(shell.family))).get(0);
        ProbeWorkspace ws;
        try {
            ws = ProbeWorkspace.create(root, probeCase, activator, Shells.python3().orElseThrow());
        } catch (VirtualenvException refused) {
            return new Outcome(shell, null, refused, null, null, null);
        }
        ws.copyProbe(shell.family.probe);
        Map<String, String> env = ws.environment();
        env.put("PROBE_SHELL", shell.executable);
        ProcessResult scripted = ProcessRunner.run(shell.command(shell.family.probe), env, ws.root);
        ProcessResult interactive = null;
        ProcessResult executed = null;
        if (shell.family == ProbeShell.Family.SH) {
            String session = "PS1='base> '\n. ./e1/bin/activate\necho probe-activated\n"
                    + "deactivate\necho probe-deactivated\nexit 0\n";
            interactive = ProcessRunner.run(shell.interactiveCommand(), env, ws.root, session,
                    Duration.ofSeconds(30));
            executed = ProcessRunner.run(shell.command("./e1/bin/activate"), env, ws.root);
        }
        return new Outcome(shell, ws, null, scripted, interactive, executed);
    }

    static String activatorName(ProbeShell.Family family) {
        return switch (family) {
            case SH -> "bash";
            case CSH -> "cshell";
            case FISH -> "fish";
            case NU -> "nushell";
            case XONSH -> "xonsh";
        };
    }
}
