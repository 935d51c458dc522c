package org.jvirtualenv.seed;

import java.util.Locale;

/**
 * How the files of an app-data image reach an environment: {@code --link-mode copy|hardlink|symlink}.
 * HARDLINK shares each file's inode between the cache image and every environment made from that
 * image version; SYMLINK makes the environment's files links to the cache's paths; COPY gives each
 * environment its own files.
 */
public enum LinkMode {
    HARDLINK, COPY, SYMLINK;

    /** The word used on the command line, in variables, the ini file and the creation report ("hardlink"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static LinkMode parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (LinkMode mode : values()) {
            if (mode.label().equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("expected copy, hardlink or symlink");
    }
}
