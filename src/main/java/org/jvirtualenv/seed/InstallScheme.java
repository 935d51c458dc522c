package org.jvirtualenv.seed;

import java.nio.file.Path;
import org.jvirtualenv.create.EnvLayout;
import org.jvirtualenv.discovery.PythonInfo;

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
     * Kept only until Seeder calls {@link #of(Path, EnvLayout)}: the layout already knows the
     * target's version, so {@code target} is not read.
     */
    public static InstallScheme of(Path envRoot, EnvLayout layout, PythonInfo target) {
        return of(envRoot, layout);
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
