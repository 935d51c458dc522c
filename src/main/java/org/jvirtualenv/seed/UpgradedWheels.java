package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.appdata.CacheAccess;
import org.jvirtualenv.discovery.VersionSpecifier;
import org.jvirtualenv.util.FileTrees;
import org.jvirtualenv.util.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of wheels the last {@code --upgrade-embed-wheels} fetched
 * ({@link AppData#upgradedWheels()}) and its index {@value #INDEX}: one line per wheel holding,
 * tab-separated, the file name, its SHA-256, its Requires-Python and the target versions it was
 * fetched for (comma-separated). Only wheels the index lists are candidates, and each is checked
 * against its SHA-256 before use, as the bundled ones are against support-wheels/README.md.
 *
 * <p>The directory is replaced as a whole: the new one is built beside it and renamed into place,
 * so a reader sees the old set, the new set, or (for the instant between two renames) none.
 */
public final class UpgradedWheels {
    private static final Logger LOG = LoggerFactory.getLogger(UpgradedWheels.class);
    static final String INDEX = "wheels.tsv";
    private static final String HEADER = "# file\tsha256\trequires-python\ttargets";

    private UpgradedWheels() {
    }

    /**
     * The wheels recorded in {@code dir}: none when it does not exist, is not a real directory
     * (a link is not followed), or has no readable index. Lines that do not parse, and files that
     * are missing or not regular files, are left out.
     */
    public static List<UpgradedWheel> read(Path dir) {
        Path index = dir.resolve(INDEX);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<UpgradedWheel> wheels = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                UpgradedWheel wheel = parse(dir, line);
                if (wheel == null) {
                    LOG.debug("ignoring the line '{}' of {}", line, index);
                } else if (Files.isRegularFile(wheel.file(), LinkOption.NOFOLLOW_LINKS)) {
                    wheels.add(wheel);
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", index, e.getMessage());
            return List.of();
        }
        return wheels;
    }

    /** The cache, when this run may write it; a refusal naming what is wrong otherwise. */
    static CacheAccess writable(AppData cache) {
        CacheAccess access = CacheAccess.decide(cache.root(), false);
        if (!access.writes()) {
            String why = access.problem() != null ? access.problem() : "app-data cache " + cache.root() + " belongs to root";
            throw new VirtualenvException("cannot upgrade the embedded wheels: " + why
                    + ": refusing to write there (fix its owner/permissions or choose another with --app-data)");
        }
        return access;
    }

    private static UpgradedWheel parse(Path dir, String line) {
        String[] cells = line.split("\t", -1);
        if (cells.length != 4 || cells[0].contains("/") || cells[0].startsWith(".") || !cells[1].matches("[0-9a-f]{64}")) {
            return null;
        }
        try {
            List<String> targets = cells[3].isEmpty() ? List.of() : List.of(cells[3].split(","));
            return new UpgradedWheel(dir.resolve(cells[0]), Wheel.parse(cells[0]), cells[1],
                    VersionSpecifier.parse(cells[2]), targets);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Replaces the cache's upgrade directory with copies of these wheels and their index, under the
     * cache lock (shared: a reset waits) and the upgrade's own. Each copy is hashed again: what is
     * published is what was checked. A cache this user may not write, or others could, is refused.
     */
    static Path replace(AppData given, List<UpgradedWheel> wheels) {
        CacheAccess access = writable(given);
        AppData cache = access.cache();
        Path target = cache.upgradedWheels();
        try (AppData.Hold shared = cache.lockShared(true); AppData.Lock lock = cache.lock("embed-upgrade")) {
            AppData.ensureDirectory(cache.wheels());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new VirtualenvException(target + " is not a directory (a link?): refusing to replace it "
                        + "(remove it, or choose another place with --app-data)");
            }
            Path temp = Files.createTempDirectory(cache.wheels(), ".embed-upgrade-");
            Path old = null;
            try {
                StringBuilder index = new StringBuilder(HEADER).append('\n');
                for (UpgradedWheel w : wheels) {
                    Path copy = temp.resolve(w.wheel().fileName());
                    Files.copy(w.file(), copy, LinkOption.NOFOLLOW_LINKS);
                    if (!Sha256.hex(copy).equals(w.sha256())) {
                        throw new VirtualenvException(w.file() + " changed while it was being published: run again");
                    }
                    index.append(w.wheel().fileName()).append('\t').append(w.sha256()).append('\t')
                            .append(w.requiresPython()).append('\t').append(String.join(",", w.targets())).append('\n');
                }
                Files.writeString(temp.resolve(INDEX), index, StandardCharsets.UTF_8);
                // rename(2) does not replace a directory that has files: the old one is moved aside first
                // (a unique name is enough, the lock keeps other upgrades out) and put back on failure.
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    old = cache.wheels().resolve(".embed-upgrade-old-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    if (old != null) {
                        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                        old = null;
                    }
                    throw e;
                }
            } finally {
                FileTrees.delete(temp);
                if (old != null) {
                    FileTrees.delete(old);
                }
            }
            return target;
        } catch (IOException e) {
            throw new VirtualenvException("cannot write the upgraded wheels into the app-data cache " + target + ": "
                    + e.getMessage() + " (check its permissions, or choose another place with --app-data)", e);
        }
    }
}
