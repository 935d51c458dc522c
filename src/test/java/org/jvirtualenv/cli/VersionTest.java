package org.jvirtualenv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --version}: ours, where it is installed, and the JVM running it. */
class VersionTest {
    @TempDir
    Path tmp;

    @Test
    void namesTheVersionTheInstallationAndTheJvm() throws Exception {
        ProcessResult r = Cli.run(Run.cleanEnvironment(tmp.resolve("home")), tmp, "--version");
        assertEquals(0, r.exitCode(), r.describe());
        // Cli runs the classes of this build with this JVM: the classes directory is the installation.
        Path classes = Path.of(Virtualenv.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
        assertEquals(List.of(
                "virtualenv " + Virtualenv.version() + " from " + classes,
                "jvirtualenv (virtualenv for the JVM) running on Java " + System.getProperty("java.version")
                        + " (" + System.getProperty("java.vendor") + ") in " + System.getProperty("java.home")),
                r.stdout().lines().toList());
        assertEquals("", r.stderr());
    }
}
