package org.jvirtualenv.create;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.discovery.PythonVersion;

/**
 * Reads an existing environment's layout back without running its interpreter: the version and
 * implementation from pyvenv.cfg (as virtualenv, venv and uv write it), the rest from what is on
 * disk (Scripts\ without bin/ means the Windows layout; lib/python3.13t a free-threaded build).
 * When pyvenv.cfg is silent, the library directory's name (lib/python3.11, lib/pypy3.9) tells.
 */
final class ExistingLayout {
    /** "3.11.7.final.0" (virtualenv's version_info), "3.11.7" (venv's version), "3.13.0rc1", "3.11". */
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+)(?:\\.(\\w+)\\.(\\d+))?)?.*");
    /** A POSIX library directory: python3.11, python3.13t, pypy3.9. */
    private static final Pattern LIB_NAME = Pattern.compile("(python|pypy)(\\d+)\\.(\\d+)(t?)");

    private ExistingLayout() {
    }

    static EnvLayout read(Path envDir) throws IOException {
        Map<String, String> cfg = PyvenvCfg.read(envDir);
        boolean windows = isDirectory(envDir.resolve("Scripts")) && !isDirectory(envDir.resolve("bin"));
        Optional<Matcher> libName = windows ? Optional.empty() : libraryDirectory(envDir.resolve("lib"));
        PythonVersion version = Stream.of("version_info", "version", "python-version")
                .map(cfg::get)
                .map(ExistingLayout::parseVersion)
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> libName.map(m -> new PythonVersion(Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), 0, "final", 0)))
                .orElseThrow(() -> new VirtualenvException("cannot tell the Python version of " + envDir
                        + ": its pyvenv.cfg names none and no lib/pythonX.Y is there; "
                        + "add version = X.Y.Z to its pyvenv.cfg"));
        String implementation = cfg.containsKey("implementation") ? cfg.get("implementation")
                : libName.filter(m -> m.group(1).equals("pypy")).isPresent() ? "PyPy" : "CPython";
        String majorMinor = version.majorMinor();
        // pyvenv.cfg does not record a free-threaded build; its library directory's name does.
        boolean freeThreaded = !windows && isDirectory(envDir.resolve("lib/python" + majorMinor + "t"))
                && !isDirectory(envDir.resolve("lib/python" + majorMinor));
        LayoutFacts facts = new LayoutFacts(implementation, version, freeThreaded);
        if (windows) {
            return new WindowsLayout(facts);
        }
        return new PosixLayout(facts, Files.exists(envDir.resolve("lib64"), LinkOption.NOFOLLOW_LINKS));
    }

    static Optional<PythonVersion> parseVersion(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int micro = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        String level = m.group(4) == null ? "final" : m.group(4);
        int serial = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        return Optional.of(new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), micro,
                level, serial));
    }

    /** The one pythonX.Y or pypyX.Y directory in lib, if there is exactly one. */
    private static Optional<Matcher> libraryDirectory(Path lib) throws IOException {
        if (!isDirectory(lib)) {
            return Optional.empty();
        }
        List<Matcher> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(lib)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                Matcher m = LIB_NAME.matcher(child.getFileName().toString());
                if (m.matches() && isDirectory(child)) {
                    found.add(m);
                }
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static boolean isDirectory(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }
}
