package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The headers of a wheel's {@code .dist-info/METADATA} that decide where it may be seeded.
 *
 * @param requiresPython the Requires-Python as written, "" when absent
 * @param requiresDist   every Requires-Dist as written
 */
record WheelMetadata(String requiresPython, List<String> requiresDist) {
    WheelMetadata {
        requiresDist = List.copyOf(requiresDist);
    }

    static WheelMetadata read(Path wheelFile) throws IOException {
        String requiresPython = "";
        List<String> requiresDist = new ArrayList<>();
        // Read for every wheel in the search dirs on every creation: a hostile one must cost no more than a glance.
        WheelLimits.checkFile(wheelFile);
        try (ZipFile zip = ZipFile.builder().setPath(wheelFile).get()) {
            WheelLimits.checkDeclared(zip, wheelFile);
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String n = entry.getName();
                if (!n.endsWith(".dist-info/METADATA") || n.indexOf('/') != n.lastIndexOf('/')) {
                    continue;
                }
                {
                    String text = new String(WheelLimits.read(zip, entry, wheelFile), StandardCharsets.UTF_8);
                    for (String line : text.split("\r?\n")) {
                        if (line.isEmpty()) {
                            break; // the body (long description) starts here
                        }
                        if (line.regionMatches(true, 0, "Requires-Python:", 0, 16)) {
                            requiresPython = line.substring(16).strip();
                        } else if (line.regionMatches(true, 0, "Requires-Dist:", 0, 14)) {
                            requiresDist.add(line.substring(14).strip());
                        }
                    }
                }
            }
        }
        return new WheelMetadata(requiresPython, requiresDist);
    }

    /**
     * The distributions it needs whatever extras are asked for, normalised. A requirement with an
     * environment marker counts as needed: where it applies is not worked out here.
     */
    List<String> unconditionalRequirements() {
        List<String> names = new ArrayList<>();
        for (String requirement : requiresDist) {
            int semicolon = requirement.indexOf(';');
            if (semicolon >= 0 && requirement.substring(semicolon).toLowerCase(Locale.ROOT).contains("extra")) {
                continue;
            }
            String name = requirement.replaceFirst("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*).*$", "$1");
            names.add(Wheel.normalize(name));
        }
        return names;
    }
}
