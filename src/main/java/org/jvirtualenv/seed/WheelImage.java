package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jvirtualenv.util.VirtualenvException;

/**
 * One wheel unpacked for one target interpreter version, as {@link ImageCache} built it:
 * {@code site/} holds what goes into site-packages, byte code included (the dist-info without
 * INSTALLER and RECORD, which depend on the environment); {@code manifest.csv} lists every file with
 * its hash and size, in RECORD's form; {@code stamps.txt} the modification time of each of those
 * files, line for line. An image is read only once complete (the manifest is written last, and the
 * whole renamed into place), and refused when its manifest names a path that would leave
 * site-packages.
 *
 * <p>Size and modification time are what {@link #damage()} checks before an image is used: an
 * environment holding hardlinks to the image shares its inodes, so an in-place edit there (or a
 * truncated or deleted file in the cache) shows in the image, and must not reach the next
 * environment. A stat per file is cheap next to the link it precedes; hashing every file would not be.
 */
final class WheelImage {
    static final String MANIFEST = "manifest.csv";
    static final String STAMPS = "stamps.txt";

    private final Path dir;
    private final List<RecordFile.Row> manifest;
    /** The manifest as written: RECORD's rows for these files, ready to be copied into each RECORD. */
    private final String manifestText;
    private final String distInfo;
    /** Each manifest file's modification time in nanoseconds, or null when the image has no stamps. */
    private final long[] mtimes;

    private WheelImage(Path dir, String manifestText, long[] mtimes) {
        this.dir = dir;
        this.mtimes = mtimes;
        this.manifestText = manifestText.isEmpty() || manifestText.endsWith("\n") ? manifestText : manifestText + "\n";
        this.manifest = parseManifest(manifestText);
        String found = null;
        for (RecordFile.Row row : manifest) {
            String p = row.path();
            if (p.endsWith(".dist-info/METADATA") && p.indexOf('/') == p.lastIndexOf('/')) {
                found = p.substring(0, p.indexOf('/'));
            }
        }
        if (found == null) {
            throw new VirtualenvException("app-data image " + dir + " has no .dist-info: it is damaged "
                    + "(run again with --reset-app-data)");
        }
        this.distInfo = found;
        for (RecordFile.Row row : manifest) {
            String p = row.path();
            // (Only paths with ".." are looked at closely: this runs over every file of every creation.)
            if (p.isEmpty() || p.startsWith("/") || p.contains("\\")
                    || (p.contains("..") && ("/" + p + "/").contains("/../"))) {
                throw new VirtualenvException("app-data image " + dir + " lists an unsafe path '" + p
                        + "': it is damaged (run again with --reset-app-data)");
            }
        }
    }

    /** The complete image at this place, or null when there is none. */
    static WheelImage find(Path imageDir) {
        Path manifest = imageDir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return new WheelImage(imageDir, Files.readString(manifest, StandardCharsets.UTF_8), stamps(imageDir));
        } catch (IOException e) {
            return null;
        }
    }

    /** The stamps file's times, or null when it is missing or unreadable (then the image counts as changed). */
    private static long[] stamps(Path imageDir) {
        try {
            String text = Files.readString(imageDir.resolve(STAMPS), StandardCharsets.US_ASCII);
            String[] lines = text.isEmpty() ? new String[0] : text.split("\n");
            long[] times = new long[lines.length];
            for (int i = 0; i < lines.length; i++) {
                times[i] = Long.parseLong(lines[i]);
            }
            return times;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** The stamps file's text for these files' times, in manifest order. */
    static String renderStamps(List<Long> mtimes) {
        StringBuilder text = new StringBuilder();
        for (long t : mtimes) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    /** A file's modification time as the stamps record it. */
    static long mtimeOf(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    /**
     * Null when every file still has the size and modification time recorded when the image was
     * published; otherwise what differs, for the debug log. One stat per file.
     */
    String damage() {
        if (mtimes == null) {
            return "it has no readable " + STAMPS;
        }
        if (mtimes.length != manifest.size()) {
            return MANIFEST + " and " + STAMPS + " disagree";
        }
        Path site = site();
        for (int i = 0; i < mtimes.length; i++) {
            RecordFile.Row row = manifest.get(i);
            Path file = site.resolve(row.path());
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return file + " is missing";
            } catch (IOException e) {
                return file + " cannot be read (" + e.getMessage() + ")";
            }
            if (!attributes.isRegularFile()) {
                return file + " is not a regular file";
            }
            if (!Long.toString(attributes.size()).equals(row.size())) {
                return file + " has " + attributes.size() + " bytes, not " + row.size();
            }
            if (mtimeOf(attributes) != mtimes[i]) {
                return file + " was modified";
            }
        }
        return null;
    }

    Path dir() {
        return dir;
    }

    /** The files for site-packages, laid out as they go there. */
    Path site() {
        return dir.resolve("site");
    }

    /** Every file of {@link #site()}, sorted (a directory comes before what it holds). */
    List<RecordFile.Row> manifest() {
        return manifest;
    }

    /** {@link #manifest()} as RECORD rows, each line ended. */
    String manifestText() {
        return manifestText;
    }

    /** The name of the .dist-info directory ("pip-24.2.dist-info"). */
    String distInfo() {
        return distInfo;
    }

    /** RECORD rows, fast for the common unquoted line (this runs on every creation). */
    private static List<RecordFile.Row> parseManifest(String text) {
        List<RecordFile.Row> rows = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            int c2 = line.lastIndexOf(',');
            int c1 = c2 < 0 ? -1 : line.lastIndexOf(',', c2 - 1);
            if (line.indexOf('"') >= 0 || c1 < 0) {
                rows.addAll(RecordFile.parse(line));
            } else {
                rows.add(new RecordFile.Row(line.substring(0, c1), line.substring(c1 + 1, c2), line.substring(c2 + 1)));
            }
        }
        return rows;
    }
}
