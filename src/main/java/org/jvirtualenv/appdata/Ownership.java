package org.jvirtualenv.appdata;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Who may change a directory of the cache, from its owner and mode, never through a link. On a
 * file system without Unix owners (Windows) every directory counts as the user's own.
 */
public final class Ownership {
    /** Who controls a directory. */
    enum Kind {
        /** This user's, writable by nobody else. */
        OURS,
        /** root's, writable by nobody else, and we are not root: a cache shared on purpose, to be read only. */
        ROOTS,
        /** Anything else: a link, not a directory, another user's, or writable by others. */
        FOREIGN
    }

    /** @param problem for {@link Kind#FOREIGN}, what is wrong ("is writable by others") */
    record Verdict(Kind kind, String problem) {
        static final Verdict OURS = new Verdict(Kind.OURS, null);
        static final Verdict ROOTS = new Verdict(Kind.ROOTS, null);

        static Verdict foreign(String problem) {
            return new Verdict(Kind.FOREIGN, problem);
        }
    }

    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static volatile Integer uid;

    private Ownership() {
    }

    /** Whether owners and modes are checked at all (not on Windows). */
    static boolean checked() {
        return UNIX && currentUid() >= 0;
    }

    /** The real uid of this process; -1 when it cannot be told. */
    static int currentUid() {
        Integer known = uid;
        if (known == null) {
            try {
                known = (int) new com.sun.security.auth.module.UnixSystem().getUid();
            } catch (LinkageError | RuntimeException e) {
                known = -1;
            }
            uid = known;
        }
        return known;
    }

    /**
     * Whether {@code dir} is a real directory (not a link) of this user that nobody else can
     * write: false too where owners cannot be told, or the directory cannot be read.
     */
    public static boolean isOurs(Path dir) {
        try {
            return checked() && of(dir).kind() == Kind.OURS;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The verdict on an existing directory, read without following a link in its place. */
    static Verdict of(Path dir) throws IOException {
        if (!checked()) {
            return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) ? Verdict.OURS
                    : Verdict.foreign(Files.isSymbolicLink(dir) ? "is a symbolic link" : "is not a directory");
        }
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            return Verdict.foreign("is a symbolic link");
        }
        if (!attributes.isDirectory()) {
            return Verdict.foreign("is not a directory");
        }
        int owner = ownerUid(dir);
        int me = currentUid();
        Set<PosixFilePermission> mode = attributes.permissions();
        if (owner != me && (owner != 0 || me == 0)) {
            return Verdict.foreign("belongs to another user (" + attributes.owner().getName() + ")");
        }
        if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            return Verdict.foreign("is writable by others");
        }
        if (mode.contains(PosixFilePermission.GROUP_WRITE)) {
            return Verdict.foreign("is writable by its group");
        }
        return owner == me ? Verdict.OURS : Verdict.ROOTS;
    }

    /** The uid owning this path itself (a link's own owner, not its target's). */
    static int ownerUid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }
}
