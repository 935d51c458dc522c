package org.jvirtualenv.seed;

import java.nio.file.Path;
import java.util.List;

/** A distribution installed into an environment, with every file its RECORD lists. */
public record InstalledDistribution(String name, String version, Path distInfo, List<Path> files) {
    public InstalledDistribution {
        files = List.copyOf(files);
    }

    /** "pip==24.2", as the creation report prints it. */
    public String pinned() {
        return name + "==" + version;
    }
}
