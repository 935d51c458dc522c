package org.jvirtualenv.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.util.FileTrees;
import org.jvirtualenv.util.StaleTemporaries;
import org.jvirtualenv.util.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link WheelImage}s of one target version in one store (the app-data cache, or a scratch
 * directory when the cache may not be written), under {@code images/<impl><X.Y>/<wheel-stem>-<sha>/}.
 * An image is built once, under a cross-process lock, in a temporary directory that is renamed into
 * place, so a reader sees either no image or a complete one. The wheel is verified while it is
 * unpacked (entry names, RECORD hashes); the image's files are made read-only. An environment
 * holding hardlinks to them shares their inodes, so an edit there (as root, or after chmod) changes
 * the image: each file's size and modification time are recorded at publication and checked
 * ({@link WheelImage#damage()}) before the image is used again, and an image that changed (or lost
 * or truncated a file) is rebuilt from its wheel with fresh files, the old one renamed away.
 */
final class ImageCache {
    private static final Logger LOG = LoggerFactory.getLogger(ImageCache.class);

    /** Where an image is built, beside its place: {@code .tmp-<image name>-<random>}. */
    private static final String TEMP_PREFIX = ".tmp-";
    /** A replaced image on its way out: {@code <temp name>-stale}. */
    private static final String STALE_SUFFIX = "-stale";

    private final AppData store;
    private final PythonInfo target;
    private final String targetKey;
    private final Path images;

    ImageCache(AppData store, PythonInfo target) {
        this.store = store;
        this.target = target;
        // Byte code is the same for every patch release of one X.Y: "cpython3.11", "pypy3.10".
        this.targetKey = target.implementation().toLowerCase(Locale.ROOT) + target.version().majorMinor();
        this.images = store.images(targetKey);
    }

    /** The complete, unchanged image of this wheel, or null when there is none (yet, or any more). */
    WheelImage find(Wheel wheel, String sha256Hex) {
        return intact(images.resolve(imageName(wheel, sha256Hex)), true);
    }

    /**
     * The image at this place when it is complete and unchanged since published; null otherwise.
     *
     * @param explain log why an image there is not used (once per creation: {@link #find} is asked first)
     */
    private static WheelImage intact(Path dir, boolean explain) {
        WheelImage image;
        try {
            image = WheelImage.find(dir);
        } catch (RuntimeException e) {
            // Whatever a damaged manifest makes the parser throw: the wheel can always build it again.
            if (explain) {
                LOG.debug("app-data image {} is damaged ({}): rebuilding it from its wheel", dir, e.getMessage());
            }
            return null;
        }
        if (image == null) {
            return null;
        }
        long start = System.nanoTime();
        String damage = image.damage();
        if (explain && LOG.isDebugEnabled()) {
            LOG.debug("checked the size and modification time of {} files of app-data image {} in {} ms",
                    image.manifest().size(), dir.getFileName(), (System.nanoTime() - start) / 1_000_000);
        }
        if (damage != null && explain) {
            LOG.debug("app-data image {} changed since it was published ({}): rebuilding it from its wheel "
                    + "with fresh files", dir, damage);
        }
        return damage == null ? image : null;
    }

    /**
     * The image of a wheel file whose SHA-256 is {@code sha256Hex}, built now when there is none;
     * null when the target could not compile it (nothing is published then: the caller installs
     * the wheel directly).
     */
    WheelImage obtain(Path wheelFile, String sha256Hex) {
        String name = imageName(Wheel.parse(wheelFile.getFileName().toString()), sha256Hex);
        Path finalDir = images.resolve(name);
        WheelImage existing = intact(finalDir, false);
        if (existing != null) {
            return existing;
        }
        try (AppData.Lock lock = store.lock(targetKey + "-" + name)) {
            existing = intact(finalDir, false);
            if (existing != null) {
                return existing;
            }
            if (!publish(wheelFile, name, finalDir)) {
                return null;
            }
            WheelImage built = WheelImage.find(finalDir);
            if (built == null) {
                throw new VirtualenvException("app-data image " + finalDir + " vanished while in use "
                        + "(is another process resetting the cache?); run again");
            }
            return built;
        } catch (IOException e) {
            WriteFailure full = WriteFailure.recognise(images, e);
            if (full != null) {
                throw full;
            }
            throw new VirtualenvException("cannot build the app-data image of " + wheelFile.getFileName() + " in "
                    + images + ": " + e.getMessage() + " (check permissions, or use --app-data DIR)", e);
        }
    }

    /**
     * Whether an image can stand for the wheel: only files for site-packages. Scripts, headers and
     * data files are left to a direct install.
     */
    static boolean imageable(Path wheelFile) {
        try (ZipFile zip = ZipFile.builder().setPath(wheelFile).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String[] parts = entry.getName().split("/");
                if (parts.length > 2 && parts[0].endsWith(".data") && !parts[1].equals("purelib")
                        && !parts[1].equals("platlib")) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            throw new WheelRejectedException("wheel " + wheelFile + " is corrupt or unreadable: " + e.getMessage(), false, e);
        }
    }

    /** The directory name of a wheel's image: its file stem plus a prefix of its SHA-256. */
    private static String imageName(Wheel wheel, String sha256Hex) {
        String stem = wheel.fileName().substring(0, wheel.fileName().length() - ".whl".length());
        return stem + "-" + sha256Hex.substring(0, 16);
    }

    /**
     * Builds the image beside its place and renames it there, when the target compiled all of it;
     * the caller holds the lock. An image already there (damaged, changed, or without a manifest)
     * is renamed away first and then deleted: environments holding hardlinks to its files keep
     * them; the new image's files are new inodes, shared with none of them.
     *
     * @return whether the image was published
     */
    private boolean publish(Path wheelFile, String name, Path finalDir) throws IOException {
        AppData.ensureDirectory(images.getParent());
        AppData.ensureDirectory(images);
        // Left by killed runs; ours (and any run's still at work) are younger than the sweep's hour.
        StaleTemporaries.remove(images, entry -> entry.startsWith(TEMP_PREFIX));
        Path temp = Files.createTempDirectory(images, TEMP_PREFIX + name + "-");
        Path stale = null;
        try {
            if (!build(wheelFile, temp)) {
                return false;
            }
            if (Files.exists(finalDir, LinkOption.NOFOLLOW_LINKS)) {
                stale = images.resolve(temp.getFileName() + STALE_SUFFIX);
                // Young again: another run's sweep (which goes by age) must not race this one's delete.
                touch(finalDir);
                Files.move(finalDir, stale, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temp, finalDir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                FileTrees.delete(temp);
            }
            if (stale != null) {
                try {
                    FileTrees.delete(stale);
                } catch (IOException e) {
                    LOG.debug("could not remove the replaced image {} ({}): a later build removes it", stale, e.toString());
                }
            }
        }
        LOG.debug("built app-data image {}", finalDir);
        return true;
    }

    /** @return false when the target did not compile every module it can (then nothing is to be published) */
    private boolean build(Path wheelFile, Path temp) throws IOException {
        Path tree = temp.resolve("tree");
        Path site = temp.resolve("site");
        InstalledDistribution dist = new WheelInstaller().install(wheelFile, InstallScheme.unpacked(temp, site, tree));
        // INSTALLER, RECORD and the scripts name the environment: each environment gets its own.
        Files.deleteIfExists(dist.distInfo().resolve("INSTALLER"));
        Files.deleteIfExists(dist.distInfo().resolve("RECORD"));
        FileTrees.delete(tree);
        ByteCode.Outcome compiled = new ByteCode(target).compile(site);
        if (!compiled.complete()) {
            LOG.debug("app-data image of {} not published: {}; installing the wheel directly",
                    wheelFile.getFileName(), compiled.problem());
            return false;
        }
        if (!compiled.notCompilable().isEmpty()) {
            LOG.debug("{} cannot compile {} module(s) of {} for their syntax (never imported there): {}",
                    target.executable(), compiled.notCompilable().size(), wheelFile.getFileName(),
                    compiled.notCompilable());
        }
        List<RecordFile.Row> rows = new ArrayList<>();
        List<Long> mtimes = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path file : files) {
            MessageDigest md = Sha256.digest();
            long size;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] data = in.readAllBytes();
                md.update(data);
                size = data.length;
            }
            rows.add(new RecordFile.Row(RecordFile.pathOf(site, file), Sha256.recordHash(md.digest()),
                    Long.toString(size)));
            makeReadOnly(file);
            // After the last write (a chmod leaves the modification time alone).
            mtimes.add(WheelImage.mtimeOf(Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS)));
        }
        Files.writeString(temp.resolve(WheelImage.STAMPS), WheelImage.renderStamps(mtimes), StandardCharsets.US_ASCII);
        Files.writeString(temp.resolve(WheelImage.MANIFEST), RecordFile.render(rows), StandardCharsets.UTF_8);
        return true;
    }

    private static void touch(Path dir) {
        try {
            Files.setLastModifiedTime(dir, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // then it is as old as it is: at worst a sweep removes it first
        }
    }

    private static void makeReadOnly(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
            perms.removeAll(EnumSet.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_WRITE));
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException e) {
            file.toFile().setReadOnly();
        }
    }
}
