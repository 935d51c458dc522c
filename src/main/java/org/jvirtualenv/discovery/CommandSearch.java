package org.jvirtualenv.discovery;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Looks a command up in PATH-like folder lists, the way a POSIX shell's {@code command -v} does. */
final class CommandSearch {
    /**
     * A hit: the file, and whether the folder it was found in was relative (or empty, meaning the
     * working directory), which some managers refuse to run.
     */
    record Hit(Path file, boolean fromRelativeEntry) {
    }

    private CommandSearch() {
    }

    /** PATH split into its entries, empty ones kept (they mean the working directory). */
    static List<String> entries(String path) {
        List<String> out = new ArrayList<>();
        if (path == null) {
            return out;
        }
        int start = 0;
        while (true) {
            int end = path.indexOf(File.pathSeparatorChar, start);
            if (end < 0) {
                out.add(path.substring(start));
                return out;
            }
            out.add(path.substring(start, end));
            start = end + 1;
        }
    }

    /** The first executable non-folder named command in these entries, or null. */
    static Hit first(List<String> entries, String command, Path workDir) {
        for (String entry : entries) {
            Path file;
            try {
                file = (entry.isEmpty() ? workDir : workDir.resolve(entry)).resolve(command);
            } catch (InvalidPathException e) {
                continue;
            }
            if (Files.isExecutable(file) && !Files.isDirectory(file)) {
                return new Hit(file.toAbsolutePath(), entry.isEmpty() || !entry.startsWith("/"));
            }
        }
        return null;
    }
}
