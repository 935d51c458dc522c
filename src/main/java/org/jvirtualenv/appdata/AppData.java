package org.jvirtualenv.appdata;

import java.nio.file.Path;
import java.util.Map;

/**
 * The tool's cache directory: verified copies of bundled wheels now, more later. Its default
 * place follows the XDG base-directory rules ({@code $XDG_CACHE_HOME}, else {@code ~/.cache}).
 */
public record AppData(Path root) {
    public static final String DIR_NAME = "jvirtualenv";

    public static AppData defaultFor(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return new AppData(Path.of(xdg, DIR_NAME));
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        return new AppData(Path.of(home, ".cache", DIR_NAME));
    }

    /** Verified copies of wheels, named as they were. */
    public Path wheels() {
        return root.resolve("wheels");
    }

    /** Cached introspection results, one JSON file per interpreter binary. */
    public Path pyInfo() {
        return root.resolve("py-info");
    }
}
