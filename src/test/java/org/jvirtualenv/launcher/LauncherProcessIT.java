package org.jvirtualenv.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jvirtualenv.launcher.BuiltLauncher.assertSucceeded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirtualenv.testing.Interpreters;

/**
 * The process a supervisor starts is the tool: stopping it stops the work. Each creation here
 * starts with an empty image cache, so it is still busy for seconds after the JVM is up.
 */
class LauncherProcessIT {
    @TempDir
    Path tmp;
    private BuiltLauncher launcher;
    private String python;

    @BeforeEach
    void setUp() {
        launcher = BuiltLauncher.in(tmp.resolve("home"));
        python = Interpreters.any3().executable().toString();
    }

    @Test
    void killingARunThatRecordsTheArchiveStopsIt() throws Exception {
        assertKillStops(tmp.resolve("recording-env"));
    }

    @Test
    void killingARunThatMapsTheArchiveStopsIt() throws Exception {
        // A first creation without seeding writes the archive and leaves the image cache empty.
        assertSucceeded(launcher.run(tmp, "-q", "--no-seed", "-p", python, tmp.resolve("first").toString()));
        assertEquals(1, launcher.archives().size());
        assertKillStops(tmp.resolve("mapping-env"));
    }

    private void assertKillStops(Path dest) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher.file().toString(), "-q", "-p", python, dest.toString())
                .directory(tmp.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(launcher.environment());
        Process process = builder.start();
        awaitMain(process);
        Thread.sleep(300);
        process.destroy(); // SIGTERM to the process we started, as a supervisor would
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the started process ends when killed");
        assertEquals(143, process.exitValue(), "ended by SIGTERM");

        List<String> atKill = BuiltLauncher.tree(dest);
        Thread.sleep(3000);
        assertEquals(List.of(), processesNaming(dest), "no process keeps working on " + dest);
        assertEquals(atKill, BuiltLauncher.tree(dest), "nothing more was made after the kill");
        assertEquals(List.of(), BuiltLauncher.list(launcher.cds(), ".classes.", ""), "the recording is removed");
    }

    /**
     * Waits until the started process is the JVM (the launcher exec'd it) running the tool's main
     * class: on a recording run, until the class list names it.
     */
    private void awaitMain(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "the launcher ended before starting java");
            Optional<String> command = process.toHandle().info().command();
            List<Path> recordings = BuiltLauncher.list(launcher.cds(), ".classes.", "");
            if (command.isPresent() && command.get().endsWith("/java")
                    && (recordings.isEmpty() || Files.readString(recordings.get(0)).contains("org/jvirtualenv/cli/Main"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the started process never ran the tool's main class in java");
    }

    private static List<String> processesNaming(Path dest) {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(dest.toString()))
                .toList();
    }
}
