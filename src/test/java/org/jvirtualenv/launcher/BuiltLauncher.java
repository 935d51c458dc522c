package org.jvirtualenv.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;

/**
 * The built tool, target/virtualenv, run as a user runs it: a process with a controlled
 * environment (HOME and XDG directories in the test's temporary directory, no PIP_* or
 * VIRTUALENV_*). Maven's integration-test phase passes its path; elsewhere the tests are skipped.
 */
final class BuiltLauncher {
    private final Path file;
    private final Path home;
    private final Path javaHome;

    private BuiltLauncher(Path file, Path home, Path javaHome) {
        this.file = file;
        this.home = home;
        this.javaHome = javaHome;
    }

    /** The launcher with HOME (and the cache, $HOME/.cache/jvirtualenv) in {@code home}. */
    static BuiltLauncher in(Path home) {
        String property = System.getProperty("jvirtualenv.launcher");
        assumeTrue(property != null, "needs the built target/virtualenv: run by `mvn verify` (integration-test phase)");
        Path file = Path.of(property);
        assumeTrue(Files.isExecutable(file), file + " is not built");
        return new BuiltLauncher(file, home, null);
    }

    /** The same launcher run on the JDK in {@code javaHome} (through JAVA_HOME, which it honours). */
    BuiltLauncher onJdk(Path javaHome) {
        return new BuiltLauncher(file, home, javaHome);
    }

    Path file() {
        return file;
    }

    Path cache() {
        return home.resolve(".cache/jvirtualenv");
    }

    Path cds() {
        return cache().resolve("cds");
    }

    /** A UTF-8 locale, as the test helpers give every child process. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(Run.cleanEnvironment(home));
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome.toString());
        }
        return env;
    }

    ProcessResult run(Path workDir, String... args) {
        return run(environment(), workDir, args);
    }

    ProcessResult run(Map<String, String> environment, Path workDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(file.toString());
        command.addAll(List.of(args));
        return Run.command(environment, workDir, command);
    }

    /**
     * Runs {@code script} with /bin/sh, the launcher's path as $0 and {@code args} as $1...: for
     * arguments that must reach the launcher as exact bytes (printf), whatever this JVM's encoding.
     */
    ProcessResult sh(Map<String, String> environment, Path workDir, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script, file.toString()));
        command.addAll(List.of(args));
        return Run.command(environment, workDir, command);
    }

    static void assertSucceeded(ProcessResult result) {
        assertEquals(0, result.exitCode(), result::describe);
    }

    /** The published archives in cds/, static (.jsa) or AOT caches (.aot); none when it does not exist. */
    List<Path> archives() {
        return archives(cds());
    }

    static List<Path> archives(Path cds) {
        List<Path> archives = new ArrayList<>(list(cds, "jvirtualenv-", ".jsa"));
        archives.addAll(list(cds, "jvirtualenv-", ".aot"));
        return archives;
    }

    static List<Path> list(Path dir, String prefix, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path under {@code root}, relative and sorted, links not followed; empty when it does not exist. */
    static List<String> tree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.walk(root)) {
            return entries.map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every name in {@code dir} (hidden ones too). */
    static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
