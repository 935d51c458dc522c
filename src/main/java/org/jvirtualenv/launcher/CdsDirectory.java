package org.jvirtualenv.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jvirtualenv.util.FileTrees;

/**
 * cds/ in the app-data cache. It holds
 * <ul>
 * <li>{@code jvirtualenv-<build>-<size>-<mtime>.jsa}: a published archive, where {@code <build>}
 *     is the launcher's name for the tool file and JVM, and size and mtime (seconds) are the
 *     archive's own when it was published. The launcher maps an archive only while its file still
 *     has them, so one truncated or rewritten since is never mapped;</li>
 * <li>{@code crash-*}: the JVM's crash reports (the launcher sends them here);</li>
 * <li>{@code .classes.*}, {@code .dump-*}, {@code .dump.lock}: a recording, a dump in progress,
 *     and the lock that lets one run at a time dump.</li>
 * </ul>
 */
record CdsDirectory(Path dir) {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    /** A recording or dump this old belongs to a run that was killed. */
    private static final Duration STALE = Duration.ofHours(1);

    /** The archive of this build that the launcher would map, if there is one. */
    Optional<Path> intactArchive(String build) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, build + "-*.jsa")) {
            for (Path entry : entries) {
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, NOFOLLOW);
                if (attributes.isRegularFile() && entry.equals(publishedName(build, attributes))) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Moves a finished archive into place under its published name, then removes this build's
     * other archives and the crash reports that kept them from being mapped.
     */
    Path publish(String build, Path archive) throws IOException {
        Path target = publishedName(build, Files.readAttributes(archive, BasicFileAttributes.class, NOFOLLOW));
        Files.move(archive, target, StandardCopyOption.ATOMIC_MOVE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith("crash-") || name.startsWith(build + "-") && name.endsWith(".jsa") && !entry.equals(target)) {
                    Files.deleteIfExists(entry);
                }
            }
        }
        return target;
    }

    /** Removes recordings and dumps left by killed runs (never {@code keep}). */
    void sweep(Path keep) throws IOException {
        FileTime before = FileTime.from(Instant.now().minus(STALE));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((name.startsWith(".classes.") || name.startsWith(".dump-")) && !entry.equals(keep)
                        && Files.getLastModifiedTime(entry, NOFOLLOW).compareTo(before) < 0) {
                    FileTrees.delete(entry);
                }
            }
        }
    }

    /**
     * Whether this directory and the cache root above it are real directories (not links) of this
     * user that nobody else can write to: only then is an archive in them used or written.
     */
    boolean trusted() {
        return isPrivate(dir) && dir.getParent() != null && isPrivate(dir.getParent());
    }

    private static boolean isPrivate(Path directory) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class, NOFOLLOW);
            Set<PosixFilePermission> permissions = attributes.permissions();
            Object owner = Files.getAttribute(directory, "unix:uid", NOFOLLOW);
            return attributes.isDirectory()
                    && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                    && !permissions.contains(PosixFilePermission.OTHERS_WRITE)
                    && owner instanceof Integer uid && uid == new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private Path publishedName(String build, BasicFileAttributes attributes) {
        return dir.resolve(build + "-" + attributes.size() + "-" + attributes.lastModifiedTime().to(TimeUnit.SECONDS) + ".jsa");
    }
}
