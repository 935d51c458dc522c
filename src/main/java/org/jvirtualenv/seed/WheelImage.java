package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jvirtualenv.util.VirtualenvException;

/**
 * One wheel unpacked for one target interpreter version, as {@link ImageCache} built it:
 * {@code site/} holds what goes into site-packages, byte code included (the dist-info without
 * INSTALLER and RECORD, which depend on the environment); {@code manifest.csv} lists every file with
 * its hash and size, in RECORD's form. An image is read only once complete (the manifest is written
 * last, and the whole renamed into place), and refused when its manifest names a path that would
 * leave site-packages.
 */
final class WheelImage {
    static final String MANIFEST = "manifest.csv";

    private final Path dir;
    private final List<RecordFile.Row> manifest;
    /** The manifest as written: RECORD's rows for these files, ready to be copied into each RECORD. */
    private final String manifestText;
    private final String distInfo;

    private WheelImage(Path dir, String manifestText) {
        this.dir = dir;
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
            return new WheelImage(imageDir, Files.readString(manifest, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
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
