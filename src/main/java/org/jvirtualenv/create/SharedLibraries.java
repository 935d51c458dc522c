package org.jvirtualenv.create;

import java.util.ArrayList;
import java.util.List;
import org.jvirtualenv.util.ElfDynamic;

/**
 * The interpreter's own shared library (libpythonX.Y.so, libpypy3*-c.so) when a copied binary
 * would look for it relative to itself. A binary whose RUNPATH/RPATH names {@code $ORIGIN} finds
 * the library beside (or near) its own location; copied into an environment, it looks there
 * instead, so the library is copied to the same relative place. A library found through an
 * absolute RUNPATH or the system's library path needs nothing.
 */
final class SharedLibraries {
    /** @param envPath where the copy goes, relative to the environment root */
    record Copy(String envPath, String source) {
    }

    private SharedLibraries() {
    }

    static List<Copy> forCopiedBinary(String baseExecutable, String binDir, BaseFiles files) {
        String real = files.realPath(baseExecutable);
        String realDir = real.substring(0, real.lastIndexOf('/'));
        List<Copy> copies = new ArrayList<>();
        ElfDynamic elf = files.elf(real).orElse(null);
        if (elf == null) {
            return copies;
        }
        for (String lib : elf.needed()) {
            if (!lib.startsWith("libpython") && !lib.startsWith("libpypy")) {
                continue;
            }
            for (String dir : elf.searchPath()) {
                if (!dir.startsWith("$ORIGIN") && !dir.startsWith("${ORIGIN}")) {
                    continue;
                }
                String rest = dir.substring(dir.indexOf('N') + (dir.startsWith("${") ? 2 : 1));
                String source = normalize(realDir + "/" + rest + "/" + lib);
                String target = normalize(binDir + "/" + rest + "/" + lib);
                if (target.startsWith("../") || target.startsWith("/")) {
                    continue; // it would land outside the environment
                }
                if (files.exists(source)) {
                    copies.add(new Copy(target, source));
                    break;
                }
            }
        }
        return copies;
    }

    /** Collapses "." and ".." and repeated separators of a '/'-separated path. */
    static String normalize(String path) {
        boolean absolute = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return (absolute ? "/" : "") + String.join("/", parts);
    }
}
