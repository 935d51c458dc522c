package org.jvirtualenv.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds shells and interpreters installed on this machine and builds clean child environments.
 * Lookups are cached: they run once per test JVM.
 */
public final class Shells {
    /** Where system packages put shells; searched before this JVM's own PATH. */
    private static final List<String> SYSTEM_DIRS = List.of("/usr/bin", "/bin", "/usr/local/bin");

    private static final Map<String, Optional<Path>> FOUND = new ConcurrentHashMap<>();
    private static volatile Optional<Path> python3;

    private Shells() {
    }

    /** An executable by name, or empty when it is not installed. */
    public static Optional<Path> find(String name) {
        return FOUND.computeIfAbsent(name, Shells::locate);
    }

    /** A one-line reason to put in a skipped test's message. */
    public static String notInstalled(String name, String install) {
        return name + " not installed (looked in " + String.join(", ", searchDirs()) + "): " + install;
    }

    private static Optional<Path> locate(String name) {
        for (String dir : searchDirs()) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(name.equals("nu") ? nativeNushell(candidate) : candidate);
            }
        }
        return Optional.empty();
    }

    private static List<String> searchDirs() {
        List<String> dirs = new ArrayList<>(SYSTEM_DIRS);
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty() && !dirs.contains(dir)) {
                    dirs.add(dir);
                }
            }
        }
        return dirs;
    }

    /**
     * {@code npm install -g nushell} puts a node.js launcher on PATH that starts the real binary
     * from its package; run the binary directly so tests need neither node nor its start-up time.
     */
    private static Path nativeNushell(Path onPath) {
        try {
            Path real = onPath.toRealPath();
            if (!real.getFileName().toString().endsWith(".js")) {
                return real;
            }
            Path scoped = real.getParent().getParent().resolve("node_modules/@nushell");
            if (Files.isDirectory(scoped)) {
                try (DirectoryStream<Path> platforms = Files.newDirectoryStream(scoped)) {
                    for (Path platform : platforms) {
                        Path binary = platform.resolve("bin/nu");
                        if (Files.isExecutable(binary)) {
                            return binary;
                        }
                    }
                }
            }
            return onPath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A child environment that shares nothing with this machine's: system PATH (plus the
     * directories of any extra tools the child must find), HOME and XDG dirs inside
     * {@code home}, a dumb terminal and a UTF-8 locale.
     */
    public static Map<String, String> cleanEnvironment(Path home, Path... extraPathDirs) {
        Map<String, String> env = new LinkedHashMap<>();
        StringBuilder path = new StringBuilder("/usr/bin:/bin");
        for (Path dir : extraPathDirs) {
            path.append(':').append(dir);
        }
        env.put("PATH", path.toString());
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("TERM", "dumb");
        env.put("LANG", "C.UTF-8");
        return env;
    }

    /**
     * The real python3 executable (symlinks and version-manager shims resolved), found through
     * this JVM's PATH, or empty when there is none.
     */
    public static Optional<Path> python3() {
        if (python3 == null) {
            python3 = find("python3").flatMap(Shells::realInterpreter);
        }
        return python3;
    }

    /** Asks an interpreter (which may be a shim) for the file that really runs. */
    public static Optional<Path> realInterpreter(Path launcher) {
        try {
            Path home = Files.createTempDirectory("interp-home");
            // A shim needs its own directory on PATH to find its tool; nothing else is passed.
            Map<String, String> env = cleanEnvironment(home, launcher.getParent());
            ProcessResult r = ProcessRunner.run(List.of(launcher.toString(), "-c",
                            "import os, sys; sys.stdout.write(os.path.realpath(sys.executable))"),
                    env, home);
            Trees.deleteRecursively(home);
            if (r.exitCode() != 0 || r.stdout().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(Path.of(r.stdout()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Python 2.7 interpreter from pyenv ({@code pyenv root}/versions/2.7*), if any: {@link Interpreters}' finding. */
    public static Optional<Path> python27() {
        return Interpreters.labelled("pyenv-2.7").map(Interpreters.Found::executable);
    }
}
