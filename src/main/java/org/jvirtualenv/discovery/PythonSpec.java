package org.jvirtualenv.discovery;

import java.io.File;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user asked for with {@code -p}: a file path, a command name, or an interpreter
 * description {@code [impl][version][t][-32|-64]} ({@code 3.11}, {@code 311}, {@code pypy3},
 * {@code python3.13t}, {@code py3.10-64}) or {@code [impl]<PEP 440 specifier>}
 * ({@code >=3.10}, {@code cpython~=3.11.0}).
 *
 * @param implementation "CPython", "PyPy", ... or null for any ("python", "py" or none given)
 * @param major          required major version, or null
 * @param minor          required minor version, or null
 * @param micro          required micro version, or null
 * @param freeThreaded   whether a free-threaded ("t") build is asked for
 * @param architecture   32 or 64 (pointer bits), or null for any
 * @param specifier      a PEP 440 version constraint, or null
 * @param path           a file path or a bare command name that is not an interpreter description;
 *                       null for descriptions
 */
public record PythonSpec(String implementation, Integer major, Integer minor, Integer micro, boolean freeThreaded,
                         Integer architecture, VersionSpecifier specifier, String path) {

    private static final Pattern DESCRIPTION = Pattern.compile(
            "([a-zA-Z]*)(?:(\\d+(?:\\.\\d+){0,2})(t)?)?(?:-(32|64))?");
    private static final Pattern WITH_SPECIFIER = Pattern.compile("([a-zA-Z]*)\\s*((?:~=|===|==|!=|<=|>=|<|>).*)");

    /** Parses a -p value. Never fails: what is not a description is a path or a command name. */
    public static PythonSpec parse(String text) {
        String spec = text.strip();
        if (spec.isEmpty() || isFilePath(spec)) {
            return ofPath(spec);
        }
        Matcher ws = WITH_SPECIFIER.matcher(spec);
        if (ws.matches()) {
            String impl = implementation(ws.group(1));
            if (impl != null || ws.group(1).isEmpty() || isAnyImplementation(ws.group(1))) {
                try {
                    return new PythonSpec(impl, null, null, null, false, null, VersionSpecifier.parse(ws.group(2)), null);
                } catch (IllegalArgumentException e) {
                    return ofPath(spec);
                }
            }
            return ofPath(spec);
        }
        Matcher m = DESCRIPTION.matcher(spec);
        if (!m.matches()) {
            return ofPath(spec);
        }
        String letters = m.group(1);
        String impl = implementation(letters);
        if (impl == null && !letters.isEmpty() && !isAnyImplementation(letters)) {
            return ofPath(spec); // "mypython": only a command of that name will do
        }
        if (letters.isEmpty() && m.group(2) == null) {
            return ofPath(spec);
        }
        Integer major = null;
        Integer minor = null;
        Integer micro = null;
        String version = m.group(2);
        if (version != null) {
            String[] parts = version.split("\\.");
            if (parts.length == 1 && parts[0].length() > 1) {
                // "311" is 3.11 and "27" is 2.7, as the py launcher and virtualenv read them.
                major = Integer.parseInt(parts[0].substring(0, 1));
                minor = Integer.parseInt(parts[0].substring(1));
            } else {
                major = Integer.parseInt(parts[0]);
                minor = parts.length > 1 ? Integer.parseInt(parts[1]) : null;
                micro = parts.length > 2 ? Integer.parseInt(parts[2]) : null;
            }
        }
        Integer arch = m.group(4) == null ? null : Integer.parseInt(m.group(4));
        return new PythonSpec(impl, major, minor, micro, m.group(3) != null, arch, null, null);
    }

    public static PythonSpec ofPath(String path) {
        return new PythonSpec(null, null, null, null, false, null, null, path);
    }

    static boolean isFilePath(String spec) {
        return spec.indexOf('/') >= 0 || spec.indexOf('\\') >= 0 || spec.indexOf(File.separatorChar) >= 0
                || new File(spec).isAbsolute();
    }

    private static boolean isAnyImplementation(String letters) {
        String l = letters.toLowerCase(Locale.ROOT);
        return l.equals("python") || l.equals("py");
    }

    /** Canonical implementation name, null for "any" and for names we do not know. */
    private static String implementation(String letters) {
        return switch (letters.toLowerCase(Locale.ROOT)) {
            case "cpython" -> "CPython";
            case "pypy" -> "PyPy";
            case "graalpy" -> "GraalVM";
            case "jython" -> "Jython";
            case "ironpython" -> "IronPython";
            default -> null;
        };
    }

    /** A path or a bare command name rather than a description of an interpreter. */
    public boolean isPathOrName() {
        return path != null;
    }

    /** A path to a file (relative or absolute), as opposed to a command name. */
    public boolean isFilePath() {
        return path != null && isFilePath(path);
    }

    /** Whether an interpreter is what this spec asks for (a path or command spec accepts any). */
    public boolean satisfiedBy(PythonInfo info) {
        if (path != null) {
            return true;
        }
        if (implementation != null && !implementation.equalsIgnoreCase(info.implementation())) {
            return false;
        }
        PythonVersion v = info.version();
        if ((major != null && major != v.major()) || (minor != null && minor != v.minor())
                || (micro != null && micro != v.micro())) {
            return false;
        }
        if (freeThreaded != info.freeThreaded()) {
            return false;
        }
        if (architecture != null && architecture != info.pointerBits()) {
            return false;
        }
        return specifier == null || specifier.matches(v);
    }

    /**
     * Whether an executable called {@code name} (e.g. "python3.9", "pypy3") could satisfy this
     * spec, judged from the name alone so discovery need not run interpreters that cannot match.
     */
    public boolean couldBeNamed(String name) {
        Matcher m = Pattern.compile("(python|pypy)(\\d+)?(?:\\.(\\d+))?(t)?").matcher(name);
        if (!m.matches()) {
            return false;
        }
        if ("pypy".equals(m.group(1)) && implementation != null && !implementation.equals("PyPy")) {
            return false;
        }
        if (m.group(2) != null) {
            int nameMajor = Integer.parseInt(m.group(2));
            if (major != null && major != nameMajor) {
                return false;
            }
            if (m.group(3) != null && minor != null && minor != Integer.parseInt(m.group(3))) {
                return false;
            }
            if (specifier != null && !couldMatch(nameMajor, m.group(3) == null ? null : Integer.parseInt(m.group(3)))) {
                return false;
            }
        }
        return m.group(4) == null || freeThreaded;
    }

    /** Whether some X.Y.Z with the given major (and minor) satisfies the specifier. */
    private boolean couldMatch(int nameMajor, Integer nameMinor) {
        int lowMinor = nameMinor == null ? 0 : nameMinor;
        int highMinor = nameMinor == null ? 99 : nameMinor;
        for (int mi = lowMinor; mi <= highMinor; mi++) {
            for (int micro = 0; micro <= 40; micro++) {
                if (specifier.matches(java.util.List.of(nameMajor, mi, micro))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        if (path != null) {
            return path;
        }
        StringBuilder out = new StringBuilder(implementation == null ? "python" : implementation.toLowerCase(Locale.ROOT));
        if (specifier != null) {
            out.append(specifier);
        }
        if (major != null) {
            out.append(major);
        }
        if (minor != null) {
            out.append('.').append(minor);
        }
        if (micro != null) {
            out.append('.').append(micro);
        }
        if (freeThreaded) {
            out.append('t');
        }
        if (architecture != null) {
            out.append('-').append(architecture);
        }
        return out.toString();
    }
}
