package org.jvirtualenv.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jvirtualenv.appdata.Ownership;
import org.jvirtualenv.util.FileTrees;
import org.jvirtualenv.util.StaleTemporaries;

/**
 * cds/ in the app-data cache. It holds
 * <ul>
 * <li>{@code jvirtualenv-<build>-<size>-<mtime>.jsa} or {@code .aot}: a published static archive
 *     or AOT cache (JDK 25+), where {@code <build>} is the launcher's name for the tool file and
 *     JVM, and size and mtime (seconds) are the archive's own when it was published. The launcher
 *     maps an archive only while its file still has them, so one truncated or rewritten since is
 *     never mapped;</li>
 * <li>{@code crash-*}: the JVM's crash reports (the launcher sends them here);</li>
 * <li>{@code .classes.*}, {@code .dump-*}, {@code .dump.lock}: a recording, a dump in progress,
 *     and the lock that lets one run at a time dump (and sweep).</li>
 * </ul>
 */
record CdsDirectory(Path dir) {
    /** The suffix of a static class-data archive, which the launcher maps with -XX:SharedArchiveFile. */
    static final String STATIC_ARCHIVE = ".jsa";
    /** The suffix of an AOT cache, which the launcher maps with -XX:AOTCache. */
    static final String AOT_CACHE = ".aot";
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    /** This build's archives whose names still match their size and mtime: those the launcher would map. */
    List<Path> archives(String build) throws IOException {
        List<Path> intact = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, build + "-*{" + STATIC_ARCHIVE + "," + AOT_CACHE + "}")) {
            for (Path entry : entries) {
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, NOFOLLOW);
                if (attributes.isRegularFile() && entry.equals(publishedName(build, attributes, suffix(entry)))) {
                    intact.add(entry);
                }
            }
        }
        return intact;
    }

    /**
     * Moves a finished archive (named {@code *.jsa} or {@code *.aot} for its kind) into place
     * under its published name, then removes this build's other archives of either kind and the
     * crash reports that kept them from being mapped.
     */
    Path publish(String build, Path archive) throws IOException {
        Path target = publishedName(build, Files.readAttributes(archive, BasicFileAttributes.class, NOFOLLOW), suffix(archive));
        Files.move(archive, target, StandardCopyOption.ATOMIC_MOVE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith("crash-") || name.startsWith(build + "-") && !suffix(entry).isEmpty() && !entry.equals(target)) {
                    Files.deleteIfExists(entry);
                }
            }
        }
        return target;
    }

    /**
     * Removes every recording but {@code keep} and every dump directory: left by killed runs (or
     * by this tool's older launchers, as .tmp-*), or being recorded by a run that will find this
     * one's archive. Only the holder of the dump lock may call this.
     */
    void sweep(Path keep) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (temporary(name) && !entry.equals(keep)) {
                    FileTrees.delete(entry);
                }
            }
        }
    }

    /**
     * Removes the recordings, dump directories and older launchers' temporaries that killed runs
     * left and nobody has written for an hour (a run's own recording, or a dump at work, is
     * younger). Any run that may write here calls it: with an archive in place, no dump ever
     * {@link #sweep}s again.
     */
    void removeStale() {
        StaleTemporaries.remove(dir, CdsDirectory::temporary);
    }

    private static boolean temporary(String name) {
        return name.startsWith(".classes.") || name.startsWith(".dump-") || name.startsWith(".tmp-");
    }

    /**
     * Whether this directory and the cache root above it are real directories (not links) of this
     * user that nobody else can write to: only then is an archive in them used or written.
     */
    boolean trusted() {
        return Ownership.isOurs(dir) && dir.getParent() != null && Ownership.isOurs(dir.getParent());
    }

    private Path publishedName(String build, BasicFileAttributes attributes, String suffix) {
        return dir.resolve(build + "-" + attributes.size() + "-" + attributes.lastModifiedTime().to(TimeUnit.SECONDS) + suffix);
    }

    /** {@link #STATIC_ARCHIVE} or {@link #AOT_CACHE} as the file is named, else empty. */
    private static String suffix(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : new String[] {STATIC_ARCHIVE, AOT_CACHE}) {
            if (name.endsWith(suffix)) {
                return suffix;
            }
        }
        return "";
    }
}
