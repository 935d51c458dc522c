package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs creating (or clearing) the same DEST at once take turns: both succeed and the environment works. */
class ConcurrentClearTest {
    @TempDir
    Path tmp;

    @Test
    void twoClearCreationsOfOneDestTakeTurns() throws Exception {
        Map<String, String> env = Run.cleanEnvironment(tmp.resolve("home"));
        String python = Interpreters.any3().executable().toString();
        ProcessResult first = Cli.run(env, tmp, "-q", "-p", python, "e");
        assertEquals(0, first.exitCode(), first.describe());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                List<Future<ProcessResult>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(pool.submit(() -> Cli.run(env, tmp, "-q", "--clear", "-p", python, "e")));
                }
                for (Future<ProcessResult> run : runs) {
                    ProcessResult r = run.get();
                    assertEquals(0, r.exitCode(), "round " + round + ": " + r.describe());
                }
                ProcessResult pip = Run.command(env, tmp, tmp.resolve("e/bin/pip").toString(), "--version");
                assertEquals(0, pip.exitCode(), "round " + round + ": the environment works: " + pip.describe());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
