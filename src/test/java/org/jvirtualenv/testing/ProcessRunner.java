package org.jvirtualenv.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs child processes with an environment the test fully controls: nothing is inherited from
 * the machine running the build (no PYTHONPATH, PIP_*, VIRTUALENV_*, ...).
 */
public final class ProcessRunner {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private ProcessRunner() {
    }

    public static ProcessResult run(List<String> command, Map<String, String> environment, Path workDir) {
        return run(command, environment, workDir, null, DEFAULT_TIMEOUT);
    }

    /**
     * @param stdin text fed to the child's standard input, or null for an empty input
     */
    public static ProcessResult run(List<String> command, Map<String, String> environment, Path workDir,
                                    String stdin, Duration timeout) {
        Path outFile = null;
        Path errFile = null;
        try {
            // Output goes to files: no reader threads, and no deadlock on large output.
            outFile = Files.createTempFile("proc-out", ".txt");
            errFile = Files.createTempFile("proc-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command);
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            pb.environment().clear();
            pb.environment().putAll(environment);
            pb.redirectOutput(outFile.toFile());
            pb.redirectError(errFile.toFile());
            Process process = pb.start();
            // Input through a pipe, as a user's terminal session would be (some shells treat a
            // regular file on stdin as a script and stop drawing prompts).
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the child may exit without reading its input
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("timed out after " + timeout + ": " + command
                        + "\n--- stderr ---\n" + Files.readString(errFile, StandardCharsets.UTF_8));
            }
            return new ProcessResult(List.copyOf(command), process.exitValue(),
                    Files.readString(outFile, StandardCharsets.UTF_8),
                    Files.readString(errFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        } finally {
            deleteQuietly(outFile);
            deleteQuietly(errFile);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file must not hide the real test outcome
            }
        }
    }
}
