package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.util.Sha256;

/**
 * Installs a wheel into an environment the way PEP 427 and PEP 376 describe: root contents to
 * purelib or platlib, {@code .data/KEY/} to the scheme's directories, {@code #!python} scripts
 * re-pointed, console scripts generated, then INSTALLER and a RECORD listing every file written
 * ({@link DistInfoWriter}).
 * Before anything is inflated the file must look like a zip and declare sizes within
 * {@link WheelLimits}; before anything is written its dist-info must match its file name and every
 * entry and console script must land inside the environment without replacing the environment's
 * own files ({@link InstallScheme#reservedBy}). Hashes are checked against the wheel's RECORD
 * while extracting, and no entry may inflate past its declared size.
 * A wheel that cannot be read is {@link WheelRejectedException} (another candidate may be tried);
 * a file that cannot be written is a {@link WriteFailure} (the wheel is fine; the place is not).
 */
public final class WheelInstaller {
    private static final Pattern DIST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._]*");

    /** Turns a wheel's declared console scripts into the ones to write (e.g. adding pip3.11). */
    private final UnaryOperator<List<EntryPoint>> scriptNames;

    public WheelInstaller() {
        this(UnaryOperator.identity());
    }

    public WheelInstaller(UnaryOperator<List<EntryPoint>> scriptNames) {
        this.scriptNames = scriptNames;
    }

    public InstalledDistribution install(Path wheelFile, InstallScheme scheme) throws IOException {
        return open(wheelFile, scheme, true);
    }

    /**
     * Refuses, as {@link #install} would, a wheel that is hostile or damaged in its structure, and
     * writes nothing: for wheels another installer (pip) is handed. File hashes are not checked.
     */
    public void check(Path wheelFile, InstallScheme scheme) throws IOException {
        open(wheelFile, scheme, false);
    }

    private InstalledDistribution open(Path wheelFile, InstallScheme scheme, boolean write) throws IOException {
        Wheel wheel = Wheel.parse(wheelFile.getFileName().toString());
        if (!DIST_NAME.matcher(wheel.distribution()).matches() || !DIST_NAME.matcher(wheel.version()).matches()) {
            throw new WheelRejectedException("wheel " + wheelFile + " has an invalid name", false);
        }
        WheelLimits.checkFile(wheelFile);
        try (ZipFile zip = ZipFile.builder().setPath(wheelFile).get()) {
            return new Installation(wheelFile, wheel, zip, scheme).run(write);
        } catch (VirtualenvException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WheelRejectedException("wheel " + wheelFile + " is corrupt or unreadable: " + e.getMessage(), false, e);
        }
    }

    /** The state of one wheel being installed. */
    private final class Installation {
        private final Path wheelFile;
        private final Wheel wheel;
        private final ZipFile zip;
        private final InstallScheme scheme;
        private String distInfo;
        private String dataDir;

        Installation(Path wheelFile, Wheel wheel, ZipFile zip, InstallScheme scheme) {
            this.wheelFile = wheelFile;
            this.wheel = wheel;
            this.zip = zip;
            this.scheme = scheme;
        }

        /** @param write false to stop once everything is checked that can be before a write */
        InstalledDistribution run(boolean write) throws IOException {
            WheelLimits.checkDeclared(zip, wheelFile);
            distInfo = findDistInfo();
            WheelLimits.checkDistInfo(distInfo, wheel, "wheel " + wheelFile);
            dataDir = distInfo.substring(0, distInfo.length() - ".dist-info".length()) + ".data";
            Map<String, String> wheelMeta = headers(text(distInfo + "/WHEEL"));
            Path root = "true".equalsIgnoreCase(wheelMeta.getOrDefault("Root-Is-Purelib", "true"))
                    ? scheme.purelib() : scheme.platlib();
            Map<String, String> expectedHashes = expectedHashes();

            // Plan every destination first: a bad entry must refuse the wheel before any write.
            Map<ZipArchiveEntry, Path> plan = new LinkedHashMap<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String name = entry.getName();
                checkEntryName(name, entry);
                if (entry.isDirectory() || isSignature(name)) {
                    continue;
                }
                plan.put(entry, destination(name, root));
            }
            List<EntryPoint> scripts = List.of();
            if (zip.getEntry(distInfo + "/entry_points.txt") != null) {
                scripts = DistInfoWriter.plannedScripts(text(distInfo + "/entry_points.txt"), scriptNames, scheme,
                        "wheel " + wheelFile);
            }
            if (!write) {
                return null;
            }

            DistInfoWriter writer = new DistInfoWriter(root.resolve(distInfo));
            for (Map.Entry<ZipArchiveEntry, Path> item : plan.entrySet()) {
                ZipArchiveEntry entry = item.getKey();
                if (entry.getName().equals(distInfo + "/RECORD")) {
                    continue;
                }
                extract(entry, item.getValue(), expectedHashes.get(entry.getName()), writer);
            }
            try {
                writer.writeScripts(scripts, scheme, wheel.distribution());
            } catch (IOException e) {
                throw WriteFailure.of(scheme.scripts(), e);
            }
            try {
                return writer.finish(wheel.distribution(), wheel.version(), "");
            } catch (IOException e) {
                throw WriteFailure.of(root.resolve(distInfo), e);
            }
        }

        private String findDistInfo() {
            String wanted = null;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String n = entry.getName();
                if (n.endsWith(".dist-info/WHEEL") && n.indexOf('/') == n.lastIndexOf('/')) {
                    if (wanted != null) {
                        throw new WheelRejectedException("wheel " + wheelFile + " has more than one .dist-info directory", false);
                    }
                    wanted = n.substring(0, n.indexOf('/'));
                }
            }
            if (wanted == null) {
                throw new WheelRejectedException("wheel " + wheelFile + " has no .dist-info/WHEEL: it is not a valid wheel", false);
            }
            return wanted;
        }

        private void checkEntryName(String name, ZipArchiveEntry entry) {
            boolean bad = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                    || name.matches("^[A-Za-z]:.*");
            for (String segment : name.split("/")) {
                if (segment.equals("..")) {
                    bad = true;
                }
            }
            if (bad) {
                throw new WheelRejectedException("wheel " + wheelFile + " refused: entry '" + name.replace("\0", "\\0")
                        + "' would be written outside the environment", true);
            }
            if (entry.isUnixSymlink()) {
                throw new WheelRejectedException("wheel " + wheelFile + " refused: entry '" + name + "' is a symbolic link", true);
            }
        }

        private Path destination(String name, Path root) {
            Path base = root;
            String rest = name;
            if (name.startsWith(dataDir + "/")) {
                String inData = name.substring(dataDir.length() + 1);
                int slash = inData.indexOf('/');
                String key = slash < 0 ? inData : inData.substring(0, slash);
                base = scheme.forDataKey(key, wheel.distribution());
                if (base == null || slash < 0) {
                    throw new WheelRejectedException("wheel " + wheelFile + " has an unknown data directory '" + key + "'", false);
                }
                rest = inData.substring(slash + 1);
            }
            Path target = base.resolve(rest).normalize();
            if (!target.startsWith(base) || !target.startsWith(scheme.root())) {
                throw new WheelRejectedException("wheel " + wheelFile + " refused: entry '" + name
                        + "' would be written outside the environment", true);
            }
            String reserved = scheme.reservedBy(target);
            if (reserved != null) {
                throw new WheelRejectedException("wheel " + wheelFile + " refused: entry '" + name
                        + "' would replace " + reserved, false);
            }
            return target;
        }

        private void extract(ZipArchiveEntry entry, Path target, String expectedHash, DistInfoWriter writer)
                throws IOException {
            if (expectedHash == null) {
                throw new WheelRejectedException("wheel " + wheelFile + " is not consistent: '" + entry.getName()
                        + "' is missing from its RECORD", false);
            }
            boolean script = entry.getName().startsWith(dataDir + "/scripts/");
            MessageDigest md = Sha256.digest();
            byte[] content = WheelLimits.read(zip, entry, wheelFile);
            md.update(content);
            String actual = Sha256.recordHash(md.digest());
            if (!expectedHash.equals(actual)) {
                throw new WheelRejectedException("wheel " + wheelFile + " is corrupt: the hash of '" + entry.getName()
                        + "' does not match its RECORD", false);
            }
            if (script) {
                content = repointScript(content);
            }
            int mode = entry.getUnixMode();
            try {
                writer.write(target, content, script || (mode & 0111) != 0);
            } catch (IOException e) {
                // The wheel was read: what failed is the place it goes (a full disk is not a corrupt wheel).
                throw WriteFailure.of(target, e);
            }
        }

        /** PEP 427: a script whose first line is "#!python" (or "#!pythonw") gets the env's interpreter. */
        private byte[] repointScript(byte[] content) {
            String head = new String(content, 0, Math.min(content.length, 16), StandardCharsets.ISO_8859_1);
            if (!head.startsWith("#!python")) {
                return content;
            }
            int eol = 0;
            while (eol < content.length && content[eol] != '\n') {
                eol++;
            }
            byte[] shebang = Shebang.forInterpreter(scheme.python()).getBytes(StandardCharsets.UTF_8);
            byte[] rest = java.util.Arrays.copyOfRange(content, Math.min(eol + 1, content.length), content.length);
            byte[] out = new byte[shebang.length + rest.length];
            System.arraycopy(shebang, 0, out, 0, shebang.length);
            System.arraycopy(rest, 0, out, shebang.length, rest.length);
            return out;
        }

        private Map<String, String> expectedHashes() {
            ZipArchiveEntry recordEntry = zip.getEntry(distInfo + "/RECORD");
            if (recordEntry == null) {
                throw new WheelRejectedException("wheel " + wheelFile + " has no RECORD: it is not a valid wheel", false);
            }
            Map<String, String> hashes = new HashMap<>();
            for (RecordFile.Row row : RecordFile.parse(text(distInfo + "/RECORD"))) {
                hashes.put(row.path(), row.hash());
            }
            return hashes;
        }

        private boolean isSignature(String name) {
            return name.equals(distInfo + "/RECORD.jws") || name.equals(distInfo + "/RECORD.p7s");
        }

        private String text(String entryName) {
            ZipArchiveEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new WheelRejectedException("wheel " + wheelFile + " has no " + entryName, false);
            }
            try {
                return new String(WheelLimits.read(zip, entry, wheelFile), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new WheelRejectedException("wheel " + wheelFile + " is corrupt: cannot read " + entryName, false, e);
            }
        }
    }

    static Map<String, String> headers(String text) {
        Map<String, String> map = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                map.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return map;
    }
}
