package org.jvirtualenv.seed;

import java.util.Locale;

/** How the files of an app-data image reach an environment. */
public enum LinkMode {
    HARDLINK, COPY, SYMLINK;

    /** The word the creation report prints ("hardlink"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
