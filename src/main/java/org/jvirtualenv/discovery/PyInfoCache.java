package org.jvirtualenv.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.appdata.CacheAccess;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.util.Json;
import org.jvirtualenv.util.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interpreter facts, remembered between runs. Each native interpreter binary has one JSON file in
 * the cache directory, named by a hash of its real path and holding that path, the binary's size
 * and modification time and the introspection answer. An entry is used only while the binary
 * still has that size and time, so an upgraded interpreter is introspected again; checking an
 * entry reads two files and starts no process.
 *
 * <p>Scripts (pyenv/asdf shims, wrappers) are never cached: what they run can change without the
 * script changing. A cache directory we cannot write to (read-only app data) only costs speed.
 */
public final class PyInfoCache {
    private static final Logger LOG = LoggerFactory.getLogger(PyInfoCache.class);
    private static final int FORMAT = 1;

    /** Produces the introspection JSON for an interpreter; the real one starts a process. */
    @FunctionalInterface
    public interface Probe {
        String describeJson(Path interpreter);

        /**
         * For a shim that is run through: what it runs depends on the environment and folder it
         * runs in, which are the request's, not necessarily this process's. A probe that starts
         * nothing may ignore them.
         */
        default String describeJson(Path interpreter, Map<String, String> environment, Path workDir) {
            return describeJson(interpreter);
        }
    }

    private final Path dir;
    private final Probe probe;
    private final boolean writable;

    /** @param dir the cache directory, or null to cache nothing */
    public PyInfoCache(Path dir, Probe probe) {
        this(dir, probe, true);
    }

    /** @param writable false to read entries but never write one (--read-only-app-data) */
    public PyInfoCache(Path dir, Probe probe, boolean writable) {
        this.dir = dir;
        this.probe = probe;
        this.writable = writable;
    }

    /**
     * The cache of the run's app-data cache as it may use it: read and written, read only, or (a
     * cache others could have written) not at all: what another user planted there must not tell
     * us what an interpreter is.
     */
    public static PyInfoCache of(CacheAccess access, Probe probe) {
        return new PyInfoCache(access.reads() ? access.cache().pyInfo() : null, probe, access.writes());
    }

    /** Facts about the interpreter at this path (a symlink is followed to the real binary). */
    public PythonInfo describe(Path interpreter) {
        Path real;
        BasicFileAttributes attrs;
        try {
            real = interpreter.toRealPath();
            attrs = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new VirtualenvException("Python interpreter " + interpreter + " does not exist");
        }
        if (dir == null || !attrs.isRegularFile() || !isNativeBinary(real)) {
            return parse(interpreter, probe.describeJson(interpreter));
        }
        Path entry = entryFile(real);
        String size = Long.toString(attrs.size());
        String mtime = Long.toString(attrs.lastModifiedTime().toMillis());
        PythonInfo cached = read(entry, real, size, mtime);
        if (cached != null) {
            LOG.debug("interpreter facts for {} from {}", real, entry);
            return cached;
        }
        String json = probe.describeJson(real);
        PythonInfo info = parse(real, json);
        if (writable) {
            write(entry, real, size, mtime, json);
        }
        return info;
    }

    /**
     * Facts from running this very path, never cached and no link followed first: for shims,
     * whose answer can change without the file changing, and which may tell what to run from
     * the name they were started by and from the environment and folder they are run in.
     */
    public PythonInfo describeUncached(Path interpreter, Map<String, String> environment, Path workDir) {
        if (!Files.exists(interpreter)) {
            throw new VirtualenvException("Python interpreter " + interpreter + " does not exist");
        }
        return parse(interpreter, probe.describeJson(interpreter, environment, workDir));
    }

    /** The cache file of one interpreter binary. */
    public Path entryFile(Path realPath) {
        byte[] hash = Sha256.digest().digest(realPath.toString().getBytes(StandardCharsets.UTF_8));
        return dir.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".json");
    }

    private static PythonInfo parse(Path interpreter, String json) {
        try {
            return PythonInfo.fromJson(Json.parseObject(json));
        } catch (RuntimeException e) {
            throw new VirtualenvException(interpreter + " gave an answer we cannot read: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static PythonInfo read(Path entry, Path real, String size, String mtime) {
        // Neither py-info/ nor the entry is read through a link.
        if (!Files.isDirectory(entry.getParent(), LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(entry, LinkOption.NOFOLLOW_LINKS)) {
            Map<String, Object> json = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!Long.valueOf(FORMAT).equals(json.get("format")) || !real.toString().equals(json.get("path"))
                    || !size.equals(json.get("size")) || !mtime.equals(json.get("mtime"))) {
                return null;
            }
            return PythonInfo.fromJson((Map<String, Object>) json.get("info"));
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring unreadable cache entry {}: {}", entry, e.getMessage());
            return null;
        }
    }

    private static void write(Path entry, Path real, String size, String mtime, String json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("path", real.toString());
        doc.put("size", size);
        doc.put("mtime", mtime);
        doc.put("info", Json.parseObject(json));
        Path temp = null;
        try {
            // A private directory, never a link; a new temp file (O_EXCL) renamed over the entry.
            AppData.ensureDirectory(entry.getParent());
            temp = Files.createTempFile(entry.getParent(), ".tmp-", ".json");
            Files.writeString(temp, Json.write(doc), StandardCharsets.UTF_8);
            try {
                Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException | UnsupportedOperationException | VirtualenvException e) {
            LOG.debug("cannot cache interpreter facts in {}: {}", entry.getParent(), e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: a stray temp file in the cache is harmless.
                }
            }
        }
    }

    /** ELF, Mach-O or PE: a compiled program, not a script that may run something else tomorrow. */
    static boolean isNativeBinary(Path file) {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            return false;
        }
        if (n >= 2 && head[0] == 'M' && head[1] == 'Z') {
            return true;
        }
        if (n < 4) {
            return false;
        }
        int magic = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        return magic == 0x7f454c46 || magic == 0xfeedface || magic == 0xfeedfacf || magic == 0xcefaedfe
                || magic == 0xcffaedfe || magic == 0xcafebabe;
    }
}
