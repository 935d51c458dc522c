package org.jvirtualenv.activation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.function.Executable;
import org.jvirtualenv.activation.ProbeShell.Family;

/** What a user must see after each step of a probe, per shell family. */
final class ProbeExpectations {
    /** PKG_CONFIG_PATH before the first activation: two entries, one with a space. */
    static final String OLD_PKG_CONFIG_PATH = "/usr/lib/pkg config:/opt/pc";

    private ProbeExpectations() {
    }

    static void check(ShellProbe.Outcome outcome, ProbeCase probeCase) {
        ProbeShell shell = outcome.shell();
        ProbeWorkspace ws = outcome.workspace();
        String context = shell.executable + " / " + probeCase.label() + "\n" + outcome.scripted().describe();
        assertEquals("yes", ws.recorded("done"), "probe did not finish: " + context);
        assertFalse(ws.markerCreated(), "a command from the name ran: " + context);

        String envA = ws.envA.toString();
        String envB = ws.envB.toString();
        String before = line(ws, shell, "before.path");
        String basePrompt = shell.family == Family.FISH ? "base[1]> " : "base> ";
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(envA + "/bin/python", line(ws, shell, "a1.python"), "python found " + context));
        checks.add(() -> assertEquals(envA, ws.recorded("a1.virtual_env"), "VIRTUAL_ENV " + context));
        checks.add(() -> assertEquals(probeCase.prompt(), ws.recorded("a1.virtual_env_prompt"),
                "VIRTUAL_ENV_PROMPT " + context));
        checks.add(() -> assertEquals(expectedPrompt(shell, probeCase.prompt(), basePrompt),
                ws.recorded("a1.ps1_shown"), "prompt while active " + context));
        // nushell cannot unset a variable inside an overlay and get it back on hide; it blanks it
        String hiddenHome = shell.family == Family.NU ? "" : "<unset>";
        checks.add(() -> assertEquals(hiddenHome, ws.recorded("a1.pythonhome"), "PYTHONHOME while active " + context));
        checks.add(() -> assertEquals(envA + "/bin:" + before, line(ws, shell, "a1.path"), "PATH while active " + context));

        checks.add(() -> assertEquals(envB, ws.recorded("a2.virtual_env"), "second VIRTUAL_ENV " + context));
        checks.add(() -> assertEquals(envB + "/bin:" + before, line(ws, shell, "a2.path"),
                "second activation must drop the first env from PATH " + context));
        checks.add(() -> assertEquals(expectedPrompt(shell, "second", basePrompt), ws.recorded("a2.ps1_shown"),
                "second prompt replaces the first " + context));

        checks.add(() -> assertEquals(before, line(ws, shell, "d.path"), "PATH after deactivate " + context));
        checks.add(() -> assertEquals(basePrompt, ws.recorded("d.ps1"), "prompt after deactivate " + context));
        checks.addAll(pkgConfigChecks(ws, context));
        checks.add(() -> assertEquals("/saved/python/home", ws.recorded("d.pythonhome"),
                "PYTHONHOME after deactivate " + context));
        checks.add(() -> assertEquals("<unset>", ws.recorded("d.virtual_env"), "VIRTUAL_ENV after deactivate " + context));
        checks.add(() -> assertTrue(List.of("gone", "").contains(ws.recorded("d.deactivate")),
                "deactivate must remove itself, got '" + ws.recorded("d.deactivate") + "' " + context));

        String quietPrompt = shell.family == Family.SH ? "<unset>" : basePrompt;
        checks.add(() -> assertEquals(quietPrompt, ws.recorded("q.ps1"),
                "VIRTUAL_ENV_DISABLE_PROMPT leaves the prompt alone " + context));
        checks.add(() -> assertEquals("<unset>", ws.recorded("q.pythonhome"), context));
        if (shell.family != Family.NU) {
            checks.add(() -> assertNotEquals("gone", ws.recorded("q.nondestructive"),
                    "deactivate nondestructive keeps the function " + context));
            checks.add(() -> assertNotEquals("", ws.recorded("q.nondestructive"),
                    "deactivate nondestructive keeps the alias " + context));
        }
        checks.add(() -> assertEquals("<unset>", ws.recorded("u.pythonhome"),
                "PYTHONHOME that was unset stays unset " + context));
        if (shell.family == Family.XONSH) {
            checks.addAll(xonshPromptChecks(ws, probeCase, context));
        }
        if (shell.family == Family.SH) {
            checks.add(() -> assertEquals("<unset>", ws.recorded("u.ps1"), "PS1 that was unset is unset again " + context));
            checks.add(() -> assertEquals(expectedPrompt(shell, probeCase.prompt(), ""), ws.recorded("u.ps1_shown"),
                    "prompt with no PS1 before " + context));
            checks.add(() -> checkInteractive(outcome, probeCase));
            checks.add(() -> checkExecutedRefused(outcome));
        }
        assertAll(checks);
    }

    /**
     * PKG_CONFIG_PATH as child processes see it: the environment's lib/pkgconfig first while
     * active, whatever it was before (a value with a space, unset, empty), and afterwards exactly
     * what it was, unset included.
     */
    private static List<Executable> pkgConfigChecks(ProbeWorkspace ws, String context) {
        String dirA = ws.envA + "/lib/pkgconfig";
        String dirB = ws.envB + "/lib/pkgconfig";
        return List.of(
                () -> assertEquals(dirA + ":" + OLD_PKG_CONFIG_PATH, ws.recordedLine("a1.pkg_config_path"),
                        "PKG_CONFIG_PATH while active " + context),
                () -> assertEquals(dirB + ":" + OLD_PKG_CONFIG_PATH, ws.recordedLine("a2.pkg_config_path"),
                        "second activation must drop the first env from PKG_CONFIG_PATH " + context),
                () -> assertEquals(OLD_PKG_CONFIG_PATH, ws.recordedLine("d.pkg_config_path"),
                        "PKG_CONFIG_PATH after deactivate " + context),
                () -> assertEquals(dirA, ws.recordedLine("q.pkg_config_path"),
                        "PKG_CONFIG_PATH that was unset holds the env's directory alone " + context),
                () -> assertEquals("<unset>", ws.recorded("qd.pkg_config_path"),
                        "PKG_CONFIG_PATH that was unset is unset again " + context),
                () -> assertEquals(dirA, ws.recordedLine("e.pkg_config_path"),
                        "PKG_CONFIG_PATH that was empty holds the env's directory alone " + context),
                () -> assertEquals("", ws.recordedLine("ed.pkg_config_path"),
                        "PKG_CONFIG_PATH that was empty is empty again " + context));
    }

    /**
     * xonsh shows the environment through the {env_name} field of its prompts: a prompt that
     * has the field gets the name there and only there, a prompt given as a function gets it in
     * front, and sourcing leaves no helper names behind in the session.
     */
    private static List<Executable> xonshPromptChecks(ProbeWorkspace ws, ProbeCase probeCase, String context) {
        String shown = "(" + probeCase.prompt() + ") ";
        return List.of(
                () -> assertEquals("left " + shown + "> ", ws.recorded("x.field_shown"),
                        "{env_name} in the prompt shows the name in its place " + context),
                () -> assertEquals("left > ", ws.recorded("x.field_after"), "{env_name} after deactivate " + context),
                () -> assertEquals(shown + "fn> ", ws.recorded("x.callable_shown"), "prompt function " + context),
                () -> assertEquals("fn> ", ws.recorded("x.callable_after"),
                        "prompt function after deactivate " + context),
                () -> assertEquals("", ws.recorded("x.leftover"), "names left in the session " + context));
    }

    /** The prompt string the probe can observe without a terminal. */
    private static String expectedPrompt(ProbeShell shell, String name, String base) {
        return switch (shell) {
            // These expand PS1 when drawing it; the probe sees the reference, the interactive
            // session checks the drawn text.
            case KSH, MKSH, DASH -> "(${VIRTUAL_ENV_PROMPT}) " + base;
            // tcsh draws %-sequences: the name's own % signs are doubled to be drawn as written.
            case TCSH -> "(" + name.replace("%", "%%") + ") " + base;
            default -> "(" + name + ") " + base;
        };
    }

    private static void checkInteractive(ShellProbe.Outcome outcome, ProbeCase probeCase) {
        String drawn = outcome.interactive().stderr();
        String context = outcome.interactive().describe();
        assertFalse(outcome.workspace().markerCreated(), "drawing the prompt ran a command: " + context);
        if (outcome.shell().drawsBangAsHistoryNumber() && probeCase.prompt().contains("!")) {
            return; // documented: these shells show '!' in any prompt as the history number
        }
        assertTrue(drawn.contains("(" + probeCase.prompt() + ") base> "),
                "drawn prompt should show (" + probeCase.prompt() + ") base> : " + context);
        assertTrue(outcome.interactive().stdout().contains("probe-deactivated"), context);
    }

    private static void checkExecutedRefused(ShellProbe.Outcome outcome) {
        var executed = outcome.executed();
        assertNotEquals(0, executed.exitCode(), "running activate as a command must fail: " + executed.describe());
        assertTrue(executed.stderr().contains("must be sourced"), "and say why: " + executed.describe());
    }

    private static String line(ProbeWorkspace ws, ProbeShell shell, String name) {
        boolean newlineTerminated = shell.family == Family.FISH || shell.family == Family.XONSH
                || (shell.family == Family.CSH && name.endsWith(".python"));
        return newlineTerminated ? ws.recordedLine(name) : ws.recorded(name);
    }
}
