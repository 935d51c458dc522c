package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DEST can never make the tool write into, or empty, a directory that is not an environment: an
 * empty DEST (a script's unset variable), the root, a project directory.
 */
class DestinationSafetyTest {
    @TempDir
    Path tmp;

    private Map<String, String> env;
    private String python;
    private Path project;

    @BeforeEach
    void setUp() throws IOException {
        env = Run.cleanEnvironment(tmp.resolve("home"));
        python = Interpreters.any3().executable().toString();
        project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("main.py"), "print('mine')\n");
    }

    private static void assertUsageError(ProcessResult r, String expected) {
        assertEquals(2, r.exitCode(), r.describe());
        assertEquals(1, r.stderr().strip().lines().count(), r.describe());
        assertTrue(r.stderr().startsWith("virtualenv: error: " + expected), r.describe());
    }

    private List<String> projectFiles() throws IOException {
        try (Stream<Path> list = Files.list(project)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anEmptyDestIsRefusedAndTheWorkingDirectoryIsLeftAlone() throws IOException {
        assertUsageError(Cli.run(env, project, "-p", python, ""), "DEST is empty");
        assertUsageError(Cli.run(env, project, "-p", python, "--clear", ""), "DEST is empty");
        assertEquals(List.of("main.py"), projectFiles());
    }

    @Test
    void theRootIsRefusedInOneLine() {
        assertUsageError(Cli.run(env, tmp, "-p", python, "--no-seed", "/"), "destination / is the root of the file system");
    }

    @Test
    void aDirectoryWithOtherFilesNeedsAllowExisting() throws IOException {
        assertUsageError(Cli.run(env, tmp, "-p", python, "--no-seed", "project"),
                project + " already has files (main.py) and is not a virtual environment");
        assertEquals(List.of("main.py"), projectFiles(), "nothing written");

        ProcessResult r = Cli.run(env, tmp, "-p", python, "--no-seed", "--allow-existing", "project");
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("creating the environment among files that are not part of it in " + project
                + ": main.py"), r.stderr());
        assertTrue(Files.exists(project.resolve("pyvenv.cfg")));
        assertEquals("print('mine')\n", Files.readString(project.resolve("main.py")));

        // An environment (it has pyvenv.cfg) is updated in place without asking.
        ProcessResult again = Cli.run(env, tmp, "-p", python, "--no-seed", "project");
        assertEquals(0, again.exitCode(), again.describe());
    }

    @Test
    void anInterruptedClearLeavesAnEnvironmentTheNextClearStillRecognises() throws IOException, InterruptedException {
        ProcessResult created = Cli.run(env, tmp, "-p", python, "--no-seed", "e");
        assertEquals(0, created.exitCode(), created.describe());
        Path stuck = Files.writeString(tmp.resolve("e/lib/stuck.txt"), "x");
        // An immutable file: even root cannot delete it, as a file on a read-only mount or one of
        // another user would stop a non-root --clear half-way.
        ProcessResult chattr = Run.command(env, tmp, "chattr", "+i", stuck.toString());
        assumeTrue(chattr.exitCode() == 0, "chattr +i is not possible here: " + chattr.stderr());
        try {
            ProcessResult failed = Cli.run(env, tmp, "-p", python, "--no-seed", "--clear", "e");
            assertEquals(1, failed.exitCode(), failed.describe());
            assertTrue(failed.stderr().startsWith("virtualenv: error: failed to create " + tmp.resolve("e")), failed.describe());
            assertTrue(Files.exists(tmp.resolve("e/pyvenv.cfg")), "pyvenv.cfg is removed last");
        } finally {
            Run.command(env, tmp, "chattr", "-i", stuck.toString());
        }
        ProcessResult cleared = Cli.run(env, tmp, "-p", python, "--no-seed", "--clear", "e");
        assertEquals(0, cleared.exitCode(), cleared.describe());
        assertFalse(Files.exists(stuck));
    }

    @Test
    void aDirectoryAsInterpreterAndAnEmptyInterpreterSayWhatToGive() {
        ProcessResult dir = Cli.run(env, tmp, "-p", tmp.toString(), "e");
        assertEquals(1, dir.exitCode(), dir.describe());
        assertTrue(dir.stderr().contains("Python interpreter " + tmp + " is a directory: give the interpreter in it, such as "
                + tmp.resolve("bin/python3")), dir.describe());
        assertUsageError(Cli.run(env, tmp, "-p", "", "e"), "--python '': an empty interpreter");
        assertFalse(Files.exists(tmp.resolve("e")));
    }
}
