package org.jvirtualenv.util;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a child process to completion and captures its output. */
public final class Processes {
    private Processes() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** First non-blank line of stderr (or stdout), for one-line error messages. */
        public String firstErrorLine() {
            for (String text : new String[] {stderr, stdout}) {
                for (String line : text.split("\n")) {
                    if (!line.isBlank()) {
                        return line.strip();
                    }
                }
            }
            return "exit code " + exitCode;
        }
    }

    /**
     * @param environment changes to the inherited environment: a null value removes the variable
     */
    public static Result run(List<String> command, Path workDir, Map<String, String> environment,
                             long timeoutSeconds) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        if (environment != null) {
            Map<String, String> env = builder.environment();
            environment.forEach((k, v) -> {
                if (v == null) {
                    env.remove(k);
                } else {
                    env.put(k, v);
                }
            });
        }
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                stop(process);
                // The program only: its arguments can be a whole script.
                throw new TimeoutException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    /** A process that had to be stopped because it ran past its time. */
    public static final class TimeoutException extends IOException {
        TimeoutException(String message) {
            super(message);
        }
    }

    /** Stops a process and everything it started (a shim's interpreter, a shell's sleep). */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Like {@link #run}, but the child gets exactly {@code environment} and nothing inherited
     * (for tools such as pip whose behaviour the caller's environment, not ours, must decide).
     */
    public static Result runExactly(List<String> command, Path workDir, Map<String, String> environment,
                                    long timeoutSeconds) throws IOException {
        Map<String, String> changes = new java.util.HashMap<>();
        System.getenv().keySet().forEach(k -> changes.put(k, null));
        changes.putAll(environment);
        return run(command, workDir, changes, timeoutSeconds);
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                return buffer.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
