package org.jvirtualenv.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jvirtualenv.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.util.FileModes;
import org.jvirtualenv.util.FileTrees;
import org.jvirtualenv.util.Processes;
import org.jvirtualenv.util.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One wheel unpacked for one target interpreter version, with its byte code compiled by that
 * interpreter: {@code site/} holds what goes into site-packages (the dist-info without INSTALLER
 * and RECORD, which depend on the environment), {@code manifest.csv} lists every file with its
 * hash and size. Images are built once under a cross-process lock, in a temporary directory that
 * is renamed into place, so a reader sees either no image or a complete one. Their files are made
 * read-only: an environment holding hardlinks to them cannot write through into the cache.
 */
public final class WheelImage {
    private static final Logger LOG = LoggerFactory.getLogger(WheelImage.class);
    static final String MANIFEST = "manifest.csv";

    /** How files reach an environment. */
    public enum Via {
        HARDLINK, COPY, SYMLINK;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

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

    public Path dir() {
        return dir;
    }

    public Path site() {
        return dir.resolve("site");
    }

    /** "cpython3.11", "pypy3.10": byte code is the same for every patch release of one X.Y. */
    public static String targetKey(PythonInfo target) {
        return target.implementation().toLowerCase(Locale.ROOT) + target.version().majorMinor();
    }

    /** The directory name of a wheel's image: its file stem plus a prefix of its SHA-256. */
    public static String imageName(Wheel wheel, String sha256Hex) {
        String stem = wheel.fileName().substring(0, wheel.fileName().length() - ".whl".length());
        return stem + "-" + sha256Hex.substring(0, 16);
    }

    /** The complete image at this place, or null when there is none. */
    public static WheelImage find(Path imageDir) {
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

    /**
     * Whether an image can stand for the wheel: only files for site-packages. Scripts, headers and
     * data files are left to a direct install.
     */
    public static boolean imageable(Path wheelFile) {
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

    /**
     * Finds or builds the image of a wheel for a target in {@code imagesDir}, under a lock of
     * {@code locks}. The wheel is verified while unpacking (names, RECORD hashes).
     */
    public static WheelImage obtain(AppData locks, Path imagesDir, Path wheelFile, String sha256Hex, PythonInfo target) {
        Wheel wheel = Wheel.parse(wheelFile.getFileName().toString());
        String name = imageName(wheel, sha256Hex);
        Path finalDir = imagesDir.resolve(name);
        WheelImage existing = find(finalDir);
        if (existing != null) {
            return existing;
        }
        try (AppData.Lock lock = locks.lock(targetKey(target) + "-" + name)) {
            existing = find(finalDir);
            if (existing != null) {
                return existing;
            }
            AppData.ensureDirectory(imagesDir.getParent());
            AppData.ensureDirectory(imagesDir);
            if (Files.exists(finalDir, LinkOption.NOFOLLOW_LINKS)) {
                // A directory without a manifest: left by something else; rebuild it.
                FileTrees.delete(finalDir);
            }
            Path temp = Files.createTempDirectory(imagesDir, ".tmp-" + name + "-");
            try {
                build(wheelFile, temp, target);
                Files.move(temp, finalDir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                    FileTrees.delete(temp);
                }
            }
            LOG.debug("built app-data image {}", finalDir);
            WheelImage built = find(finalDir);
            if (built == null) {
                throw new VirtualenvException("app-data image " + finalDir + " vanished while in use "
                        + "(is another process resetting the cache?); run again");
            }
            return built;
        } catch (IOException e) {
            throw new VirtualenvException("cannot build the app-data image of " + wheelFile.getFileName() + " in "
                    + imagesDir + ": " + e.getMessage() + " (check permissions, or use --app-data DIR)", e);
        }
    }

    private static void build(Path wheelFile, Path temp, PythonInfo target) throws IOException {
        Path tree = temp.resolve("tree");
        Path site = temp.resolve("site");
        InstallScheme scheme = new InstallScheme(temp, site, site, tree.resolve("scripts"), tree.resolve("include"),
                tree.resolve("data"), "/nonexistent/python", "");
        InstalledDistribution dist = new WheelInstaller().install(wheelFile, scheme);
        // INSTALLER, RECORD and the scripts name the environment: each environment gets its own.
        Files.deleteIfExists(dist.distInfo().resolve("INSTALLER"));
        Files.deleteIfExists(dist.distInfo().resolve("RECORD"));
        FileTrees.delete(tree);
        compile(site, target);
        List<RecordFile.Row> rows = new ArrayList<>();
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
            rows.add(new RecordFile.Row(WheelInstaller.relative(site, file), Sha256.recordHash(md.digest()),
                    Long.toString(size)));
            makeReadOnly(file);
        }
        Files.writeString(temp.resolve(MANIFEST), RecordFile.render(rows), StandardCharsets.UTF_8);
    }

    /**
     * Byte code compiled once, by the target itself, so the first run of pip in a new environment
     * is not slowed by compiling it. Its timestamps refer to the sources' mtimes, which links and
     * attribute-preserving copies keep. Failure to compile only costs speed.
     */
    private static void compile(Path site, PythonInfo target) {
        List<String> command = new ArrayList<>(List.of(target.executable(), "-E", "-s", "-m", "compileall", "-q"));
        if (target.version().atLeast(3, 5)) {
            command.add("-j0");
        }
        command.add(site.toString());
        Map<String, String> env = new HashMap<>();
        env.put("SOURCE_DATE_EPOCH", null); // would make 3.7+ write hash-checked .pyc
        env.put("PYTHONDONTWRITEBYTECODE", null);
        try {
            Processes.Result r = Processes.run(command, site, env, 300);
            if (!r.ok()) {
                LOG.debug("compiling {} with {} reported: {}", site, target.executable(), r.firstErrorLine());
            }
        } catch (IOException e) {
            LOG.debug("could not compile {}: {}", site, e.getMessage());
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

    /**
     * Puts the image into an environment's site-packages by {@code via} (hardlinks fall back to
     * copies where the filesystem refuses them), then writes the console scripts, INSTALLER and a
     * RECORD that lists every file, byte code included, so uninstalling removes it all.
     *
     * @return the installed distribution; {@code usedVia[0]} receives the way actually used
     */
    public InstalledDistribution install(InstallScheme scheme, SeedScriptNames names, Via via, Via[] usedVia)
            throws IOException {
        Path site = site();
        Path purelib = scheme.purelib();
        // Directories first (parents before children: the manifest is sorted), then the files.
        // Parents are collected as strings: cheaper to hash than paths, for a thousand files.
        Set<String> dirs = new LinkedHashSet<>();
        for (RecordFile.Row row : manifest) {
            int slash = row.path().lastIndexOf('/');
            if (slash > 0) {
                dirs.add(row.path().substring(0, slash));
            }
        }
        for (String d : dirs) {
            Files.createDirectories(purelib.resolve(d));
        }
        // One thread per distribution already places files (see Seeder): a second level of
        // threads here would only compete for the same cores.
        Via current = via;
        for (RecordFile.Row row : manifest) {
            current = place(site.resolve(row.path()), purelib.resolve(row.path()), current);
        }
        usedVia[0] = current;
        // The rows this environment adds after the image's: its scripts, INSTALLER and RECORD.
        List<RecordFile.Row> own = new ArrayList<>();

        Path distInfoDir = purelib.resolve(distInfo);
        Path entryPoints = site.resolve(distInfo).resolve("entry_points.txt");
        Wheel wheel = Wheel.parse(distInfo.substring(0, distInfo.length() - ".dist-info".length()) + "-py3-none-any.whl");
        if (Files.isRegularFile(entryPoints)) {
            String text = Files.readString(entryPoints, StandardCharsets.UTF_8);
            List<EntryPoint> declared;
            try {
                declared = EntryPoint.scripts(text);
            } catch (IllegalArgumentException e) {
                throw new WheelRejectedException("app-data image " + dir + " refused: " + e.getMessage(), true);
            }
            String shebang = Shebang.forInterpreter(scheme.python());
            Files.createDirectories(scheme.scripts());
            for (EntryPoint ep : names.apply(declared)) {
                Path script = scheme.scripts().resolve(ep.name() + scheme.scriptSuffix());
                byte[] content = ep.script(shebang, wheel.distribution()).getBytes(StandardCharsets.UTF_8);
                own.add(write(purelib, script, content, true));
            }
        }
        own.add(write(purelib, distInfoDir.resolve("INSTALLER"),
                (WheelInstaller.INSTALLER_NAME + "\n").getBytes(StandardCharsets.UTF_8), false));
        Path record = distInfoDir.resolve("RECORD");
        own.add(new RecordFile.Row(WheelInstaller.relative(purelib, record), "", ""));
        Files.deleteIfExists(record);
        Files.writeString(record, manifestText + RecordFile.render(own), StandardCharsets.UTF_8);
        return new InstalledDistribution(wheel.distribution(), wheel.version(), distInfoDir);
    }

    private static Via place(Path source, Path target, Via via) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                switch (via) {
                    case HARDLINK -> Files.createLink(target, source);
                    case SYMLINK -> Files.createSymbolicLink(target, source);
                    case COPY -> {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                        target.toFile().setWritable(true, true);
                    }
                }
                return via;
            } catch (FileAlreadyExistsException e) {
                // Re-creating over an environment: replace, never write into what is there.
                Files.delete(target);
            } catch (IOException | UnsupportedOperationException e) {
                if (via != Via.HARDLINK) {
                    throw e;
                }
                LOG.debug("hardlinks refused ({}): copying from the app-data cache instead", e.toString());
                via = Via.COPY;
                attempt--;
            }
        }
        throw new IOException("cannot replace " + target);
    }

    private static RecordFile.Row write(Path base, Path file, byte[] content, boolean executable) throws IOException {
        Files.deleteIfExists(file);
        Files.write(file, content);
        if (executable) {
            FileModes.makeExecutable(file);
        }
        MessageDigest md = Sha256.digest();
        return new RecordFile.Row(WheelInstaller.relative(base, file), Sha256.recordHash(md.digest(content)),
                Integer.toString(content.length));
    }
}
