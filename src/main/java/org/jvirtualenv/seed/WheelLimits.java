package org.jvirtualenv.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * What a seed wheel may claim before any of it is hashed or inflated, so that a hostile file costs
 * a few reads, never time or disk in proportion to what it claims.
 * <p>
 * The limits are generous for a seed wheel: the largest we bundle (pip) is under 8 MB unpacked in
 * about 500 files, and real Python files compress about 4 to 17 times. A wheel of 100 MB, or one
 * unpacking to more than 100 MB, or holding more than 20,000 entries, is not a seed package. The
 * ratio limit (an entry over 1 MB that inflates more than 100 times) catches a bomb that stays
 * under the total, which would still cost memory and seconds per creation; deflate cannot exceed
 * about 1,000 times, so this is the only shape such a bomb can take. Declared sizes are also
 * enforced while inflating ({@link #read}): an archive that lies in its central directory is
 * refused at the first byte past what it declared.
 */
final class WheelLimits {
    static final long MAX_FILE_BYTES = 100L << 20;
    static final long MAX_UNPACKED_BYTES = 100L << 20;
    static final int MAX_ENTRIES = 20_000;
    static final long RATIO_CHECKED_FROM = 1L << 20;
    static final long MAX_RATIO = 100;

    /** The local file header signature every zip starts with, "PK\3\4". */
    private static final int ZIP_MAGIC = 0x04034b50;

    private WheelLimits() {
    }

    /**
     * Refuses at once a file too large to be a seed wheel or that does not start like a zip:
     * a stat and four bytes, whatever the file's size.
     */
    static void checkFile(Path file) {
        long size;
        int magic;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // a regular file gives its four bytes in one read; the loop is for the rule
            }
            magic = head.position() == 4 ? head.getInt(0) : 0;
        } catch (IOException e) {
            throw new WheelRejectedException("wheel " + file + " is unreadable: " + e.getMessage(), false, e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new WheelRejectedException("wheel " + file + " refused: " + mb(size) + " is more than a seed wheel may be ("
                    + mb(MAX_FILE_BYTES) + ")", false);
        }
        if (magic != ZIP_MAGIC) {
            throw new WheelRejectedException("wheel " + file + " refused: it is not a zip archive", false);
        }
    }

    /** Refuses an archive whose central directory declares more than a seed wheel may unpack to. */
    static void checkDeclared(ZipFile zip, Path file) {
        long total = 0;
        int count = 0;
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (++count > MAX_ENTRIES) {
                throw new WheelRejectedException("wheel " + file + " refused: more than " + MAX_ENTRIES
                        + " entries, more than a seed wheel may hold", false);
            }
            if (size < 0) {
                throw new WheelRejectedException("wheel " + file + " refused: entry '" + entry.getName()
                        + "' does not declare its size", false);
            }
            total += size;
            if (total > MAX_UNPACKED_BYTES) {
                throw new WheelRejectedException("wheel " + file + " refused: it would unpack to more than "
                        + mb(MAX_UNPACKED_BYTES) + ", more than a seed wheel may", false);
            }
            if (size > RATIO_CHECKED_FROM && (compressed <= 0 || size / compressed > MAX_RATIO)) {
                throw new WheelRejectedException("wheel " + file + " refused: entry '" + entry.getName() + "' would inflate "
                        + (compressed <= 0 ? "from nothing" : size / compressed + " times") + " (a zip bomb?)", false);
            }
        }
    }

    /** An entry's content, refused as soon as it inflates past its declared size. */
    static byte[] read(ZipFile zip, ZipArchiveEntry entry, Path file) throws IOException {
        long declared = entry.getSize();
        if (declared < 0 || declared > MAX_UNPACKED_BYTES) {
            throw new WheelRejectedException("wheel " + file + " refused: entry '" + entry.getName()
                    + "' declares no size or too large a one", false);
        }
        byte[] content;
        try (InputStream in = zip.getInputStream(entry)) {
            content = in.readNBytes((int) declared + 1);
        }
        if (content.length != declared) {
            throw new WheelRejectedException("wheel " + file + " is corrupt: entry '" + entry.getName() + "' holds "
                    + (content.length > declared ? "more" : "less") + " than the " + declared + " bytes it declares", false);
        }
        return content;
    }

    /**
     * Refuses a wheel whose .dist-info names another distribution or version than its file name:
     * it would be seeded, and reported, as something else.
     *
     * @param origin what is refused, for the message ("wheel X")
     */
    static void checkDistInfo(String distInfo, Wheel wheel, String origin) {
        String stem = distInfo.substring(0, distInfo.length() - ".dist-info".length());
        int dash = stem.lastIndexOf('-');
        String name = dash < 0 ? stem : stem.substring(0, dash);
        String version = dash < 0 ? "" : stem.substring(dash + 1);
        if (!Wheel.normalize(name).equals(wheel.normalizedName()) || !version.equals(wheel.version())) {
            throw new WheelRejectedException(origin + " refused: it holds " + distInfo + ", not the "
                    + wheel.distribution() + " " + wheel.version() + " its file name says", false);
        }
    }

    private static String mb(long bytes) {
        return (bytes >> 20) + " MB";
    }
}
