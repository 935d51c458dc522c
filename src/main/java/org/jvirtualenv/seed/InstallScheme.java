package org.jvirtualenv.seed;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jvirtualenv.create.EnvLayout;

/**
 * Where a wheel's parts go in one environment (the install scheme of PEP 427's .data keys),
 * plus the interpreter path scripts are pointed at, and the files of the environment itself that
 * no wheel may write.
 *
 * @param reservedScripts names in {@link #scripts()} that belong to the environment (its
 *                        interpreter under each name, its activators), lower case: a seed wheel
 *                        that would write one of them is refused
 */
public record InstallScheme(Path root, Path purelib, Path platlib, Path scripts, Path include, Path data,
                            String python, String scriptSuffix, Set<String> reservedScripts) {
    /** The environment's configuration, at its root: whoever rewrites it decides which interpreter runs. */
    static final String CONFIG = "pyvenv.cfg";

    public InstallScheme {
        Set<String> lower = new TreeSet<>();
        reservedScripts.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
        reservedScripts = Set.copyOf(lower);
    }

    /** A scheme whose only reserved script is the interpreter it names. */
    public InstallScheme(Path root, Path purelib, Path platlib, Path scripts, Path include, Path data,
                         String python, String scriptSuffix) {
        this(root, purelib, platlib, scripts, include, data, python, scriptSuffix,
                Set.of(Path.of(python).getFileName().toString()));
    }

    /** The scheme of the environment at {@code envRoot}: every directory is the layout's. */
    public static InstallScheme of(Path envRoot, EnvLayout layout) {
        Path root = envRoot.toAbsolutePath().normalize();
        return new InstallScheme(root, root.resolve(layout.purelib()), root.resolve(layout.platlib()),
                root.resolve(layout.binDir()), root.resolve(layout.headers()), root,
                root.resolve(layout.pythonExecutable()).toString(), layout.scriptSuffix(),
                Set.copyOf(layout.executableNames()));
    }

    /** This scheme with more names reserved in the scripts directory (e.g. the activators'). */
    public InstallScheme reserving(Collection<String> scriptNames) {
        Set<String> all = new TreeSet<>(reservedScripts);
        all.addAll(scriptNames);
        return new InstallScheme(root, purelib, platlib, scripts, include, data, python, scriptSuffix, all);
    }

    /**
     * A wheel unpacked outside any environment (to build an image, or to check or run it):
     * site-packages at {@code site}, its other parts under {@code rest}, scripts pointed at no
     * interpreter.
     */
    static InstallScheme unpacked(Path root, Path site, Path rest) {
        // Not an environment: nothing of its own to protect (the names are checked where the result is placed).
        return new InstallScheme(root, site, site, rest.resolve("scripts"), rest.resolve("include"), rest.resolve("data"),
                "/nonexistent/python", "", Set.of());
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

    /**
     * What of the environment's own a wheel's file at {@code target} (normalised, inside
     * {@link #root()}) would replace, or null when it is free to write. Names in the scripts
     * directory are compared ignoring case (as Windows file names, and the activators, do), with or
     * without the script suffix; a .data/scripts or .data/data entry and a console script all land
     * here, so this is the one check for each of them.
     */
    String reservedBy(Path target) {
        Path parent = target.getParent();
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (parent != null && parent.equals(root) && name.equals(CONFIG)) {
            return "the environment's " + CONFIG;
        }
        if (parent != null && parent.equals(scripts)) {
            String bare = !scriptSuffix.isEmpty() && name.endsWith(scriptSuffix.toLowerCase(Locale.ROOT))
                    ? name.substring(0, name.length() - scriptSuffix.length()) : name;
            if (reservedScripts.contains(name) || reservedScripts.contains(bare)) {
                return "the environment's " + root.relativize(target).toString().replace('\\', '/');
            }
        }
        return null;
    }
}
