package org.jvirtualenv.relocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.seed.Shebang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relocation of an environment described on disk (no interpreter runs): it works from the
 * layout read back from pyvenv.cfg, and leaves activation scripts to the activators.
 */
class RelocatorTest {
    @TempDir
    Path tmp;

    @Test
    void scriptsAndPathFilesOfTheLayoutAreRewrittenAndActivatorsLeftAlone() throws IOException {
        Path env = tmp.resolve("env");
        Path bin = Files.createDirectories(env.resolve("bin"));
        Path site = Files.createDirectories(env.resolve("lib/python3.12/site-packages"));
        Files.writeString(env.resolve("pyvenv.cfg"), "home = /usr/bin\nversion = 3.12.1\n");
        String script = "#!" + bin.resolve("python") + "\nimport tool\n";
        Files.writeString(bin.resolve("tool"), script);
        // A console script whose name merely starts like an activator's is still a script (argcomplete ships this one).
        Files.writeString(bin.resolve("activate-global-python-argcomplete"), script);
        Files.writeString(bin.resolve("activate"), "# bash activator, rendered by the activation stage\n");
        Files.writeString(bin.resolve("Activate.ps1"), "# venv's spelling of the PowerShell activator\n");
        Files.writeString(site.resolve("extra.pth"), env.resolve("src") + "\n");

        RelocationReport report = new Relocator().relocate(env);

        assertEquals(List.of(bin.resolve("activate-global-python-argcomplete"), bin.resolve("tool"),
                site.resolve("extra.pth")), report.rewritten());
        assertEquals(List.of(), report.untouched(), "activators are neither rewritten nor reported");
        assertEquals(Shebang.relative("python") + "import tool\n", Files.readString(bin.resolve("tool")));
        assertEquals("../../../src\n", Files.readString(site.resolve("extra.pth")));
        assertTrue(Files.readString(env.resolve("pyvenv.cfg")).endsWith("relocatable = true\n"));
    }

    @Test
    void aDirectoryWithoutPyvenvCfgIsNotAnEnvironment() {
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> new Relocator().relocate(tmp));
        assertEquals(tmp + " is not a virtual environment (it has no pyvenv.cfg): create it first, e.g. "
                + "virtualenv --relocatable " + tmp, e.getMessage());
    }
}
