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
        boolean platformOk = platformTags.contains("any");
        if (!platformOk) {
            // Only pure wheels are bundled or seeded; binary wheels are pip's business.
            return false;
        }
        int major = target.version().major();
        int minor = target.version().minor();
        for (String py : pythonTags) {
            if (py.equals("py" + major)) {
                return abiTags.contains("none");
            }
            String digits = py.replaceAll("^(py|cp|pp)", "");
            if (digits.length() >= 2 && digits.startsWith(Integer.toString(major)) && digits.matches("\\d+")) {
                int wheelMinor = Integer.parseInt(digits.substring(Integer.toString(major).length()));
                if (py.startsWith("py") && wheelMinor <= minor && abiTags.contains("none")) {
                    return true;
                }
                if (py.startsWith("cp") && target.isCPython() && wheelMinor == minor) {
                    return true;
                }
            }
        }
        return false;
    }
}
