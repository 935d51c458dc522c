package org.jvirtualenv.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirtualenv.VirtualenvException;

class ActivatorsTest {
    @TempDir
    Path tmp;

    private ActivationContext context(boolean windows, String envName, String prompt) {
        return new ActivationContext(tmp.resolve(envName), windows ? "Scripts" : "bin", prompt, windows,
                List.of(windows ? "Lib/site-packages" : "lib/python3.12/site-packages"), "3.12");
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
