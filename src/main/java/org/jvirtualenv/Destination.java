package org.jvirtualenv;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jvirtualenv.create.PyvenvCfg;
import org.jvirtualenv.util.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jvirtualenv.util.VirtualenvException;

/**
 * DEST: the checks made before anything is touched, making it ready (emptied for {@code --clear},
 * refused when it is somebody's directory), and removing what a failed run created.
 */
final class Destination {
    private static final Logger LOG = LoggerFactory.getLogger(Destination.class);
    private static final String PYVENV_CFG = PyvenvCfg.FILE_NAME;

    private Destination() {
    }

    static Path absolute(CreateRequest request) {
        return request.workDir().resolve(request.destination()).toAbsolutePath().normalize();
    }

    /** Whether DEST is an environment already (it has pyvenv.cfg). */
    static boolean isEnvironment(Path dest) {
        return Files.isRegularFile(dest.resolve(PYVENV_CFG));
    }

    /** The absolute destination, after the checks virtualenv makes before touching anything. */
    static Path checked(CreateRequest request) {
        Path dest = absolute(request);
        if (dest.getFileName() == null) {
            throw new VirtualenvException(VirtualenvException.USAGE, "destination " + dest
                    + " is the root of the file system: choose a directory for the environment, such as ./venv");
        }
        if (dest.toString().contains(File.pathSeparator)) {
            throw new VirtualenvException(VirtualenvException.USAGE, "destination " + dest + " contains the path separator '"
                    + File.pathSeparator + "', which would break PATH when activated: choose another directory");
        }
        if (Files.exists(dest) && !Files.isDirectory(dest)) {
            throw new VirtualenvException(VirtualenvException.USAGE, "destination " + dest
                    + " already exists and is not a directory: choose another path");
        }
        Path existing = dest;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new VirtualenvException("cannot create " + dest + ": " + existing
                    + " is not a writable directory (check its permissions or choose another place)");
        }
        return dest;
    }

    /** The outermost directory of DEST's path that does not exist yet: what a failed run removes. */
    static Path firstMissing(Path dest) {
        Path missing = null;
        for (Path p = dest; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /**
     * Makes DEST ready: emptied for {@code --clear}, refused when it holds files of something that
     * is not an environment (unless {@code --allow-existing}: then those files are named).
     */
    static void prepare(Path dest, CreateRequest request) throws IOException {
        if (Files.isDirectory(dest)) {
            List<String> entries = new ArrayList<>();
            try (var children = Files.list(dest)) {
                children.limit(4).forEach(child -> entries.add(child.getFileName().toString()));
            }
            boolean environment = Files.exists(dest.resolve(PYVENV_CFG), LinkOption.NOFOLLOW_LINKS);
            if (!entries.isEmpty() && !environment) {
                String sample = String.join(", ", entries.subList(0, Math.min(3, entries.size())))
                        + (entries.size() > 3 ? ", ..." : "");
                // Unlike virtualenv, --clear will not wipe a directory that is not an environment.
                if (request.clear()) {
                    throw new VirtualenvException(VirtualenvException.USAGE, "refusing to --clear " + dest
                            + ": it has files (" + sample + ") but no pyvenv.cfg, so it is not a virtual environment; "
                            + "remove it yourself if you mean it");
                }
                if (!request.allowExisting()) {
                    throw new VirtualenvException(VirtualenvException.USAGE, dest + " already has files (" + sample
                            + ") and is not a virtual environment: choose an empty or new directory, or pass "
                            + "--allow-existing to create the environment among them");
                }
                LOG.warn("creating the environment among files that are not part of it in {}: {}", dest, sample);
            }
            if (request.clear() && environment) {
                emptyEnvironment(dest);
            }
        }
        Files.createDirectories(dest);
    }

    /**
     * Removes an environment's contents, pyvenv.cfg last: a --clear that is killed or meets a file
     * it cannot delete leaves a directory the next --clear still recognises as an environment.
     */
    private static void emptyEnvironment(Path dest) throws IOException {
        try (var children = Files.list(dest)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (!child.getFileName().toString().equals(PYVENV_CFG)) {
                    FileTrees.delete(child);
                }
            }
        }
        Files.delete(dest.resolve(PYVENV_CFG));
    }

    static void cleanUp(Path firstCreated) {
        if (firstCreated == null) {
            return;
        }
        try {
            FileTrees.delete(firstCreated);
        } catch (IOException e) {
            LOG.warn("could not remove the partly created {}: {}", firstCreated, e.getMessage());
        }
    }

    /** An I/O failure in the words a user can act on. */
    static String describe(IOException e) {
        String msg = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + msg;
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + ": " + fse.getFile();
        }
        return msg == null ? e.getClass().getSimpleName() : msg;
    }
}
