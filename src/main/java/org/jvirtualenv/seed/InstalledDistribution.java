package org.jvirtualenv.seed;

import java.nio.file.Path;

/** A distribution installed into an environment; its .dist-info/RECORD lists every file. */
public record InstalledDistribution(String name, String version, Path distInfo) {

    /** "pip==24.2", as the creation report prints it. */
    public String pinned() {
        return name + "==" + version;
    }
}
