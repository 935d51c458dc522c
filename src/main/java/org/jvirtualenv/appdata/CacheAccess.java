package org.jvirtualenv.appdata;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one run may use the app-data cache, decided once when it starts; discovery's interpreter
 * facts, the seeding and {@code --reset-app-data} all follow this one decision.
 *
 * <ul>
 * <li>{@link Mode#WRITE}: the cache root and each part of it the tool uses ({@code wheels/},
 *     {@code wheels/embed-upgrade/}, {@code images/} and each target directory in it,
 *     {@code py-info/}, {@code locks/}) is a real directory of this user that nobody else can write.</li>
 * <li>{@link Mode#READ}: read it, never write it: {@code --read-only-app-data}; a cache we cannot
 *     write; or a cache owned by root and writable by nobody else while we are not root, which CI
 *     fleets share on purpose (that one without a warning).</li>
 * <li>{@link Mode#NONE}: someone else could change it (a link below the root, another user's
 *     directory, one writable by group or others): nothing is read from it or written to it, and
 *     the run works on a private temporary cache, as with {@code --read-only-app-data} on an empty
 *     cache. One warning says which directory and why.</li>
 * </ul>
 * The root itself may be a link the user made (say {@code ~/.cache/jvirtualenv -> /data/cache}):
 * when the link belongs to this user (or root) it is resolved once, here, and the directory it
 * leads to is judged and used; no link below the root is ever followed.
 *
 * @param cache   the cache as this run uses it (a linked root resolved)
 * @param problem why the cache is not trusted, or not written, naming the directory
 *                ("app-data cache /x is writable by others"); null when all is well
 */
public record CacheAccess(AppData cache, Mode mode, String problem) {
    private static final Logger LOG = LoggerFactory.getLogger(CacheAccess.class);
    private static final String ADVICE = "fix its owner/permissions or choose another with --app-data";

    /** What this run may do with the cache. */
    public enum Mode { WRITE, READ, NONE }

    /** Whether images, wheels and interpreter facts may be taken from the cache. */
    public boolean reads() {
        return mode != Mode.NONE;
    }

    /** Whether this run may write the cache (build images, keep wheels and facts, take its locks). */
    public boolean writes() {
        return mode == Mode.WRITE;
    }

    /** What to tell the user about this decision, or null. */
    public String warning() {
        if (problem == null) {
            return null;
        }
        return mode == Mode.NONE
                ? problem + ": not using it (" + ADVICE + "); using a temporary cache for this run"
                : problem + ": reading it, and building what is missing in a temporary cache (" + ADVICE + ")";
    }

    /** {@link #decide}, with its warning logged: once per run. */
    public static CacheAccess open(Path root, boolean readOnly) {
        CacheAccess access = decide(root, readOnly);
        if (access.warning() != null) {
            LOG.warn(access.warning());
        } else if (access.mode() == Mode.READ && !readOnly) {
            LOG.debug("app-data cache {} belongs to root: reading it, building what is missing in a temporary one",
                    access.cache().root());
        }
        return access;
    }

    /**
     * {@link #open} for a run that creates an environment: a missing cache root it may write is
     * made first (private), so that what the run then judges and uses is a directory of its own,
     * not one someone else could make in its place before its first write.
     */
    public static CacheAccess openForCreation(Path root, boolean readOnly) {
        Path given = root.toAbsolutePath().normalize();
        if (!readOnly && !Files.exists(given, LinkOption.NOFOLLOW_LINKS) && creatable(given)) {
            try {
                AppData.ensureDirectory(given);
            } catch (IOException | org.jvirtualenv.util.VirtualenvException e) {
                LOG.debug("cannot make the app-data cache {}: {}", given, e.getMessage());
            }
        }
        return open(given, readOnly);
    }

    /**
     * Judges the cache at {@code root}; writes nothing.
     *
     * @param readOnly {@code --read-only-app-data}: never write it
     */
    public static CacheAccess decide(Path root, boolean readOnly) {
        Path given = root.toAbsolutePath().normalize();
        Path real = given;
        try {
            if (Files.isSymbolicLink(given)) {
                int owner = Ownership.checked() ? Ownership.ownerUid(given) : Ownership.currentUid();
                if (owner != Ownership.currentUid() && owner != 0) {
                    return untrusted(given.toString(), given, given, "is a symbolic link that belongs to another user");
                }
                try {
                    real = given.toRealPath();
                } catch (NoSuchFileException e) {
                    return untrusted(given.toString(), given, given, "is a symbolic link to nothing");
                }
            } else if (!Files.exists(given, LinkOption.NOFOLLOW_LINKS)) {
                // Nothing to judge or read yet. It is made private by the first write
                // (AppData.ensureDirectory), which refuses one someone else made meanwhile.
                if (readOnly) {
                    return new CacheAccess(new AppData(given), Mode.READ, null);
                }
                return creatable(given) ? new CacheAccess(new AppData(given), Mode.WRITE, null) : notWritable(given);
            }
            String name = real.equals(given) ? given.toString() : given + " (a link to " + real + ")";
            AppData cache = new AppData(real);
            Ownership.Verdict top = Ownership.of(real);
            if (top.kind() == Ownership.Kind.FOREIGN) {
                return untrusted(name, given, real, top.problem());
            }
            Path rootsPart = null;
            for (Path part : parts(cache)) {
                Ownership.Verdict verdict = Ownership.of(part);
                if (verdict.kind() == Ownership.Kind.FOREIGN) {
                    return untrusted(name, given, part, verdict.problem());
                }
                if (verdict.kind() == Ownership.Kind.ROOTS && rootsPart == null) {
                    rootsPart = part;
                }
            }
            if (top.kind() == Ownership.Kind.ROOTS) {
                return new CacheAccess(cache, Mode.READ, null);
            }
            if (readOnly) {
                return new CacheAccess(cache, Mode.READ, null);
            }
            if (rootsPart != null) {
                return new CacheAccess(cache, Mode.READ, "app-data cache " + name + ": " + rootsPart
                        + " belongs to root, so this run cannot write the cache");
            }
            if (!Files.isWritable(real)) {
                return notWritable(real);
            }
            return new CacheAccess(cache, Mode.WRITE, null);
        } catch (IOException | UnsupportedOperationException e) {
            return untrusted(given.toString(), given, given, "cannot be examined (" + e.getMessage() + ")");
        }
    }

    /** Whether the nearest existing directory above a missing one lets us make it. */
    private static boolean creatable(Path missing) {
        for (Path p = missing.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) && Files.isWritable(p);
            }
        }
        return false;
    }

    /**
     * The existing directories of the cache the tool reads or writes: each must be as trustworthy as
     * the root. Files among them are left to whoever uses them (every open refuses a link).
     */
    private static List<Path> parts(AppData cache) throws IOException {
        List<Path> parts = new ArrayList<>();
        for (Path part : List.of(cache.wheels(), cache.upgradedWheels(), cache.images(), cache.pyInfo(), cache.locks())) {
            if (Files.exists(part, LinkOption.NOFOLLOW_LINKS)) {
                parts.add(part);
            }
        }
        Path images = cache.images();
        if (Files.isDirectory(images, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> targets = Files.newDirectoryStream(images)) {
                for (Path target : targets) {
                    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(target)) {
                        parts.add(target);
                    }
                }
            }
        }
        return parts;
    }

    /**
     * @param name  the cache as the warning names it
     * @param where the directory that is not to be trusted: the root or one of its parts
     */
    private static CacheAccess untrusted(String name, Path root, Path where, String problem) {
        boolean isRoot = where.equals(root) || name.endsWith(" (a link to " + where + ")");
        return new CacheAccess(new AppData(root), Mode.NONE, "app-data cache " + name + (isRoot ? "" : ": " + where)
                + " " + problem);
    }

    private static CacheAccess notWritable(Path root) {
        return new CacheAccess(new AppData(root), Mode.READ, "app-data cache " + root + " is not writable");
    }
}
