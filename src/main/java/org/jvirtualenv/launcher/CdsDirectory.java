package org.jvirtualenv.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * Each upgrade of the tool, each JDK update and each copy of the tool file is a build of its
     * own, with an archive of about 15 MB that nothing else would ever remove. Which builds are
     * still run cannot be told from here (a build is named by inodes, not paths), so the newest
     * published are kept: enough for a tool run on two JDKs, or installed twice. An older build
     * that runs again records and dumps its archive once more, the cost of one first run.
     */
    static final int OTHER_BUILDS_KEPT = 3;

    /** The name every archive of this tool starts with, whatever its build. */
    private static final String PREFIX = "jvirtualenv-";

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
     * under its published name, then removes this build's other archives of either kind, the
     * crash reports that kept them from being mapped, and all but the {@link #OTHER_BUILDS_KEPT}
     * newest archives of other builds.
     */
    Path publish(String build, Path archive) throws IOException {
        Path target = publishedName(build, Files.readAttributes(archive, BasicFileAttributes.class, NOFOLLOW), suffix(archive));
        Files.move(archive, target, StandardCopyOption.ATOMIC_MOVE);
        List<Path> otherBuilds = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith("crash-") || name.startsWith(build + "-") && !suffix(entry).isEmpty() && !entry.equals(target)) {
                    Files.deleteIfExists(entry);
                } else if (name.startsWith(PREFIX) && !suffix(entry).isEmpty() && !entry.equals(target)) {
                    otherBuilds.add(entry);
                }
            }
        }
        removeAllButNewest(otherBuilds, OTHER_BUILDS_KEPT);
        return target;
    }

    /**
     * Deletes all of {@code archives} but the {@code kept} most recently published (newest
     * modification time; an archive's is when it was dumped, as its name records). A run of
     * another build that maps one of them meanwhile keeps its mapping; one that is about to start
     * finds it gone and runs without an archive.
     */
    private static void removeAllButNewest(List<Path> archives, int kept) throws IOException {
        if (archives.size() <= kept) {
            return;
        }
        List<Published> byAge = new ArrayList<>();
        for (Path archive : archives) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(archive, BasicFileAttributes.class, NOFOLLOW);
                if (attributes.isRegularFile()) {
                    byAge.add(new Published(archive, attributes.lastModifiedTime().toMillis()));
                }
            } catch (NoSuchFileException e) {
                // Removed by someone else meanwhile: nothing to keep or delete.
            }
        }
        byAge.sort(Comparator.comparingLong(Published::modified).reversed()
                .thenComparing(published -> published.file().getFileName().toString()));
        for (Published stale : byAge.subList(Math.min(kept, byAge.size()), byAge.size())) {
            Files.deleteIfExists(stale.file());
        }
    }

    /** An archive in cds/ and its modification time in milliseconds. */
    private record Published(Path file, long modified) {
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
