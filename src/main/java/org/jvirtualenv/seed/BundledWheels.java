package org.jvirtualenv.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.discovery.VersionSpecifier;
import org.jvirtualenv.util.Resources;
import org.jvirtualenv.util.Sha256;

/**
 * The wheels vendored in {@code support-wheels/}. Their index is the table in that folder's
 * README.md (file, version, Requires-Python, SHA-256, source, licence): one list for people and
 * for the code, so the two cannot drift apart.
 */
public final class BundledWheels {
    private static final String DIR = "/support-wheels/";

    private final List<BundledWheel> wheels;

    private BundledWheels(List<BundledWheel> wheels) {
        this.wheels = List.copyOf(wheels);
    }

    private static BundledWheels loaded;

    /** The index, read once per process (it is part of the tool and cannot change while it runs). */
    public static synchronized BundledWheels load() {
        if (loaded == null) {
            loaded = new BundledWheels(parseIndex(Resources.text(DIR + "README.md")));
        }
        return loaded;
    }

    public List<BundledWheel> all() {
        return wheels;
    }

    /** Rows of the README table whose first cell names a .whl file. */
    static List<BundledWheel> parseIndex(String readme) {
        List<BundledWheel> result = new ArrayList<>();
        for (String line : readme.split("\n")) {
            if (!line.startsWith("|")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 5) {
                continue;
            }
            String file = cells[1].strip().replace("`", "");
            if (!file.endsWith(".whl")) {
                continue;
            }
            String requires = cells[3].strip().replace("`", "");
            String sha = cells[4].strip().replace("`", "");
            result.add(new BundledWheel(Wheel.parse(file), sha,
                    requires.isEmpty() || requires.equals("-") ? VersionSpecifier.any() : VersionSpecifier.parse(requires)));
        }
        return result;
    }

    /**
     * A verified copy of the bundled wheel in the app-data cache (pip and our installer need a
     * real file). Written under a temporary name (a new file, never through a link) and moved
     * into place, so a concurrent or interrupted run never sees half a wheel; a link in its place
     * is not taken for it.
     */
    public Path materialize(BundledWheel bundled, AppData appData) {
        Path dir = appData.wheels();
        Path target = dir.resolve(bundled.wheel().fileName());
        try {
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) > 0
                    && Sha256.hex(target).equals(bundled.sha256())) {
                return target;
            }
            AppData.ensureDirectory(dir);
            Path temp = Files.createTempFile(dir, ".tmp-", ".whl");
            try {
                try (InputStream in = Resources.open(DIR + bundled.wheel().fileName())) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                String actual = Sha256.hex(temp);
                if (!actual.equals(bundled.sha256())) {
                    throw new VirtualenvException("bundled wheel " + bundled.wheel().fileName()
                            + " does not match its SHA-256 in support-wheels/README.md: the build is damaged, rebuild the tool");
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            // A full disk (or quota, read-only place...) is told as such, naming the wheel's copy.
            WriteFailure known = WriteFailure.recognise(target, e);
            if (known != null) {
                throw known;
            }
            throw new VirtualenvException("cannot write to the app-data cache " + dir + ": " + e.getMessage()
                    + " (choose another place with --app-data)", e);
        }
    }
}
