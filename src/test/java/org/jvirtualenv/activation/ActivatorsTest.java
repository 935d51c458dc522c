package org.jvirtualenv.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.create.EnvLayout;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.testing.Described;

class ActivatorsTest {
    @TempDir
    Path tmp;

    private ActivationContext context(boolean windows, String envName, String prompt) {
        return new ActivationContext(tmp.resolve(envName), windows ? "Scripts" : "bin", windows ? "Lib" : "lib",
                prompt, windows, List.of(windows ? "Lib/site-packages" : "lib/python3.12/site-packages"), "3.12", false);
    }

    @Test
    void namesAndDisplayNames() {
        assertEquals(List.of("bash", "cshell", "fish", "nushell", "powershell", "batch", "python", "xonsh"),
                Activators.all().stream().map(Activator::name).toList());
        assertEquals(List.of("BashActivator", "CShellActivator", "FishActivator", "NushellActivator",
                        "PowerShellActivator", "BatchActivator", "PythonActivator", "XonshActivator"),
                Activators.all().stream().map(Activator::displayName).toList());
    }

    /** As virtualenv 21 writes them: bash,cshell,fish,nushell,powershell,python,xonsh. */
    @Test
    void posixDefaultsLeaveOutBatch() {
        assertEquals(List.of("bash", "cshell", "fish", "nushell", "powershell", "python", "xonsh"),
                Activators.defaults(context(false, "e", "e")).stream().map(Activator::name).toList());
    }

    @Test
    void windowsDefaultsLeaveOutCshButKeepBash() {
        assertEquals(List.of("bash", "fish", "nushell", "powershell", "batch", "python", "xonsh"),
                Activators.defaults(context(true, "e", "e")).stream().map(Activator::name).toList());
    }

    /** The one place an environment's layout becomes what activators render. */
    @Test
    void aContextComesFromTheLayout() {
        Path env = tmp.resolve("my env");
        ActivationContext posix = ActivationContext.of(
                EnvLayout.forTarget(Described.posixCPython(3, 11, 7, "/opt/py")), env, null, true);
        assertEquals(new ActivationContext(env, "bin", "lib", "my env", false,
                List.of("lib/python3.11/site-packages"), "3.11", true), posix);
        PythonInfo win = Described.windowsCPython(3, 12, 1, "C:\\Python312", List.of(), List.of(), Map.of(), List.of());
        ActivationContext windows = ActivationContext.of(EnvLayout.forTarget(win), env, "p", false);
        assertEquals(new ActivationContext(env, "Scripts", "Lib", "p", true, List.of("Lib/site-packages"), "3.12", false),
                windows);
    }

    /** Relocation leaves these to the activators: every file any activator writes, in any letter case. */
    @Test
    void activatorScriptsAreRecognisedByName() {
        for (Activator activator : Activators.all()) {
            for (String name : activator.scriptNames()) {
                assertTrue(Activators.isActivatorScript(name), name);
            }
        }
        assertTrue(Activators.isActivatorScript("Activate.ps1"), "venv's spelling");
        for (String other : List.of("python", "pip", "activate-global-python-argcomplete", "deactivate", "activate.sh")) {
            assertFalse(Activators.isActivatorScript(other), other);
        }
    }

    @Test
    void selectKeepsTheGivenOrderAndDropsRepeats() {
        assertEquals(List.of("fish", "bash"),
                Activators.select(List.of("fish", " bash", "fish", "")).stream().map(Activator::name).toList());
    }

    @Test
    void selectRejectsUnknownNamesListingTheKnownOnes() {
        VirtualenvException e = assertThrows(VirtualenvException.class,
                () -> Activators.select(List.of("bash", "tcsh")));
        assertEquals(VirtualenvException.USAGE, e.exitCode());
        assertEquals("unknown activator 'tcsh': choose from bash, cshell, fish, nushell, powershell, batch, python, xonsh",
                e.getMessage());
    }

    @Test
    void generateWritesTheFilesIntoTheScriptsDirectory() throws IOException {
        ActivationContext ctx = context(false, "e", "e");
        List<Path> written = new java.util.ArrayList<>();
        for (Activator a : Activators.defaults(ctx)) {
            written.addAll(a.generate(ctx));
        }
        assertEquals(List.of("activate", "activate.csh", "activate.fish", "activate.nu", "activate.ps1",
                        "activate_this.py", "activate.xsh"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        written.forEach(p -> assertTrue(Files.isRegularFile(p) && p.getParent().equals(ctx.binDir()), p::toString));
    }

    @Test
    void cshRefusesANewlineAndWritesNothing() {
        ActivationContext ctx = context(false, "new\nline", "p");
        Activator csh = Activators.select(List.of("cshell")).get(0);
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> csh.generate(ctx));
        assertEquals("cannot write activate.csh: csh cannot hold a newline in the environment path; "
                + "use --activators to leave it out", e.getMessage());
        assertEquals(VirtualenvException.FAILED, e.exitCode());
        assertTrue(!Files.exists(ctx.binDir().resolve("activate.csh")));
    }

    @Test
    void batchRefusesADoubleQuoteInThePromptBeforeWritingEitherFile() {
        ActivationContext ctx = context(true, "e", "say \"hi\"");
        Activator batch = Activators.select(List.of("batch")).get(0);
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> batch.generate(ctx));
        assertEquals("cannot write activate.bat: cmd cannot hold a double quote (\") in the prompt; "
                + "use --activators to leave it out", e.getMessage());
        assertTrue(!Files.exists(ctx.binDir().resolve("activate.bat")));
        assertTrue(!Files.exists(ctx.binDir().resolve("deactivate.bat")));
    }
}
