package org.jvirtualenv.seed;

import java.util.List;
import java.util.Locale;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.VersionSpecifier;

/**
 * A wheel identified by its file name (PEP 427):
 * {@code {distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl}.
 */
public record Wheel(String distribution, String version, String build,
                    List<String> pythonTags, List<String> abiTags, List<String> platformTags, String fileName) {

    public static Wheel parse(String fileName) {
        if (!fileName.endsWith(".whl")) {
            throw new IllegalArgumentException("not a wheel file name: " + fileName);
        }
        String[] parts = fileName.substring(0, fileName.length() - 4).split("-");
        if (parts.length != 5 && parts.length != 6) {
            throw new IllegalArgumentException("not a wheel file name: " + fileName);
        }
        int tags = parts.length - 3;
        return new Wheel(parts[0], parts[1], parts.length == 6 ? parts[2] : null,
                List.of(parts[tags].split("\\.")), List.of(parts[tags + 1].split("\\.")),
                List.of(parts[tags + 2].split("\\.")), fileName);
    }

    /** Distribution name normalised as PEP 503 does: lower case, runs of -_. become '-'. */
    public String normalizedName() {
        return normalize(distribution);
    }

    public static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    public List<Integer> release() {
        return VersionSpecifier.release(version);
    }

    /** Whether the tags allow installing on this interpreter (pure wheels and CPython's own tags). */
    public boolean supportsTags(PythonInfo target) {
        int major = target.version().major();
        int minor = target.version().minor();
        if (isPureFor(major, minor)) {
            return true;
        }
        // Only pure wheels are bundled or seeded; binary wheels are pip's business.
        return platformTags.contains("any") && target.isCPython()
                && pythonTags.contains("cp" + major + minor);
    }

    /**
     * Whether this is a pure wheel ({@code none-any}) whose python tags admit Python
     * {@code major.minor} on any implementation: {@code pyN}, or {@code pyNM} with M at most minor.
     */
    public boolean isPureFor(int major, int minor) {
        if (!platformTags.contains("any") || !abiTags.contains("none")) {
            return false;
        }
        String prefix = "py" + major;
        for (String py : pythonTags) {
            if (py.equals(prefix)) {
                return true;
            }
            if (py.startsWith(prefix) && py.substring(prefix.length()).matches("\\d+")
                    && Integer.parseInt(py.substring(prefix.length())) <= minor) {
                return true;
            }
        }
        return false;
    }
}
