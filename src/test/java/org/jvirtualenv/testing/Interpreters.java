package org.jvirtualenv.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real interpreters on this machine, found at run time: every version under `pyenv root`,
 * Debian's /usr/bin/python3 and PyPy. Nothing is hard-coded beyond the Debian paths.
 */
public final class Interpreters {
    /** One interpreter a test can use. label is e.g. "pyenv-3.11.7" or "debian-python3". */
    public record Found(String label, Path executable, int major, int minor) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static List<Found> cache;

    private Interpreters() {
    }

    public static synchronized List<Found> all() {
        if (cache == null) {
            cache = discover();
        }
        return cache;
    }

    /** CPython 3 interpreters at or above the given minor version (pyenv's and Debian's). */
    public static List<Found> cpython3(int minMinor) {
        return all().stream().filter(f -> !f.label().startsWith("pypy") && f.major() == 3 && f.minor() >= minMinor).toList();
    }

    public static Found any3() {
        return cpython3(7).stream().filter(f -> f.label().startsWith("pyenv")).reduce((a, b) -> b)
                .or(() -> cpython3(7).stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("no CPython 3 interpreter on this machine"));
    }

    /** The pyenv root this machine has (PYENV_ROOT or `pyenv root`), or null. */
    public static synchronized Path pyenvRootOrNull() {
        return pyenvRoot();
    }

    /**
     * For a parameterized test's source: the interpreters, or the whole test skipped with the
     * reason when there are none (JUnit 5.11 fails a test whose source is empty).
     */
    public static List<Found> orSkip(List<Found> found, String what) {
        if (found.isEmpty()) {
            String reason = "no " + what + " on this machine (looked under `pyenv root`/versions, /usr/bin/python3, "
                    + "/usr/bin/pypy3)";
            // Surefire's summary does not show why a whole parameterized test was aborted: say it here too.
            System.err.println("[skipped] " + reason);
            org.junit.jupiter.api.Assumptions.abort(reason);
        }
        return found;
    }

    /** The first interpreter whose label starts with the prefix ("pyenv-2.7", "pypy3", "pyenv-3.6"). */
    public static java.util.Optional<Found> labelled(String prefix) {
        return all().stream().filter(f -> f.label().startsWith(prefix)).findFirst();
    }

    private static List<Found> discover() {
        List<Found> found = new ArrayList<>();
        Path root = pyenvRoot();
        if (root != null && Files.isDirectory(root.resolve("versions"))) {
            try (Stream<Path> versions = Files.list(root.resolve("versions"))) {
                for (Path dir : versions.sorted().toList()) {
                    String name = dir.getFileName().toString();
                    String[] parts = name.split("\\.");
                    if (parts.length < 2 || !parts[0].matches("\\d") || !parts[1].matches("\\d+")) {
                        continue;
                    }
                    Path exe = dir.resolve("bin").resolve("python" + parts[0] + "." + parts[1]);
                    if (Files.isExecutable(exe)) {
                        found.add(new Found("pyenv-" + name, exe, Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
                    }
                }
            } catch (IOException e) {
                System.err.println("[interpreters] cannot list pyenv versions: " + e);
            }
        } else {
            System.err.println("[interpreters] pyenv not found: tests use only the system interpreters");
        }
        Path debian = Path.of("/usr/bin/python3");
        if (Files.isExecutable(debian)) {
            int[] v = version(debian);
            if (v != null) {
                found.add(new Found("debian-python3", debian, v[0], v[1]));
            }
        }
        for (String pypy : List.of("/usr/bin/pypy3")) {
            Path p = Path.of(pypy);
            if (Files.isExecutable(p)) {
                int[] v = version(p);
                if (v != null) {
                    found.add(new Found("pypy3", p, v[0], v[1]));
                }
            }
        }
        found.sort(Comparator.comparing(Found::label));
        return List.copyOf(found);
    }

    private static Path pyenvRoot() {
        String env = System.getenv("PYENV_ROOT");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        try {
            Process p = new ProcessBuilder("pyenv", "root").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                return Path.of(out);
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static int[] version(Path exe) {
        try {
            ProcessResult r = Run.command(Map.of(), null, exe.toString(), "-c",
                    "import sys; print('%d %d' % sys.version_info[:2])");
            if (r.exitCode() != 0) {
                return null;
            }
            String[] parts = r.stdout().strip().split(" ");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (RuntimeException e) {
            return null;
        }
    }
}
