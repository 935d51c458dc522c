package org.jvirtualenv.seed;

import java.nio.file.Path;
import org.jvirtualenv.create.EnvLayout;

/**
 * Where a wheel's parts go in one environment (the install scheme of PEP 427's .data keys),
 * plus the interpreter path scripts are pointed at.
 */
public record InstallScheme(Path root, Path purelib, Path platlib, Path scripts, Path include, Path data,
                            String python, String scriptSuffix) {

    /** The scheme of the environment at {@code envRoot}: every directory is the layout's. */
    public static InstallScheme of(Path envRoot, EnvLayout layout) {
        Path root = envRoot.toAbsolutePath().normalize();
        return new InstallScheme(root, root.resolve(layout.purelib()), root.resolve(layout.platlib()),
                root.resolve(layout.binDir()), root.resolve(layout.headers()), root,
                root.resolve(layout.pythonExecutable()).toString(), layout.scriptSuffix());
    }

    /**
     * A wheel unpacked outside any environment (to build an image, or to check or run it):
     * site-packages at {@code site}, its other parts under {@code rest}, scripts pointed at no
     * interpreter.
     */
    static InstallScheme unpacked(Path root, Path site, Path rest) {
        return new InstallScheme(root, site, site, rest.resolve("scripts"), rest.resolve("include"), rest.resolve("data"),
                "/nonexistent/python", "");
    }

    /** The directory for one .data/KEY/ of a wheel, or null for an unknown key. */
    Path forDataKey(String key, String distribution) {
        return switch (key) {
            case "purelib" -> purelib;
            case "platlib" -> platlib;
            case "scripts" -> scripts;
            case "headers" -> include.resolve(distribution);
            case "data" -> data;
            default -> null;
        };
    }
}
