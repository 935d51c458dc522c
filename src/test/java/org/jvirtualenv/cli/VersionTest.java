package org.jvirtualenv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.config.ConfigSources;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

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

    /**
     * A lone --version is answered by Main before the option table exists; with anything else on
     * the command line picocli parses it. Both must print the same, and the shortcut must answer
     * to the table's own name for the option.
     */
    @Test
    void theShortcutPrintsWhatTheOptionTablePrints() {
        Map<String, String> env = Run.cleanEnvironment(tmp.resolve("home"));
        Printed shortcut = Printed.run(env, Main.VERSION);
        Printed parsed = Printed.run(env, "-q", Main.VERSION);
        Printed later = Printed.run(env, "--verbose", Main.VERSION, "dest");
        assertEquals(0, shortcut.exitCode());
        assertEquals(List.of(0, 0), List.of(parsed.exitCode(), later.exitCode()));
        assertEquals(2, shortcut.out().lines().count(), shortcut.out());
        assertEquals(shortcut.out(), parsed.out());
        assertEquals(shortcut.out(), later.out());
        assertEquals("", shortcut.err() + parsed.err() + later.err());

        List<List<String>> versionOptions = CommandModel.spec(ConfigSources.of(env)).options().stream()
                .filter(OptionSpec::versionHelp).map(option -> List.of(option.names())).toList();
        assertEquals(List.of(List.of(Main.VERSION)), versionOptions);
    }

    @Test
    void helpWinsOverVersionAsBefore() {
        Printed both = Printed.run(Run.cleanEnvironment(tmp.resolve("home")), Main.VERSION, "--help");
        assertEquals(0, both.exitCode());
        assertEquals(true, both.out().startsWith("Usage: virtualenv"), both.out());
    }

    private record Printed(int exitCode, String out, String err) {
        static Printed run(Map<String, String> env, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env, Path.of("").toAbsolutePath());
            return new Printed(code, out.toString(), err.toString());
        }
    }
}
