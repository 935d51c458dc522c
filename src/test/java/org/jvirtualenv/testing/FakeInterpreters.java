package org.jvirtualenv.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jvirtualenv.discovery.PyInfoCache;
import org.jvirtualenv.util.Json;

/**
 * Executable files that look like native interpreters (ELF magic) and carry the introspection
 * answer they stand for, so discovery and its cache can be tested without running anything. The
 * {@link #probe} reads that answer back and counts how often it was asked.
 */
public final class FakeInterpreters {
    public final AtomicInteger probes = new AtomicInteger();

    /** Reads the JSON a fake interpreter carries; counts each call as one introspection process. */
    public final PyInfoCache.Probe probe = interpreter -> {
        probes.incrementAndGet();
        try {
            String text = Files.readString(interpreter, StandardCharsets.ISO_8859_1);
            return text.substring(text.indexOf('\n') + 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    };

    /** A fake interpreter at file describing itself as impl X.Y.Z; returns the file. */
    public Path create(Path file, String implementation, int major, int minor, int micro) throws IOException {
        return create(file, describe(file.toString(), implementation, major, minor, micro, null));
    }

    public Path create(Path file, Map<String, Object> description) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "\u007fELF\n" + Json.write(description), StandardCharsets.ISO_8859_1);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** The introspection answer of a POSIX interpreter; baseExecutable null means "not in a venv". */
    public static Map<String, Object> describe(String executable, String implementation, int major, int minor, int micro,
                                               String baseExecutable) {
        String prefix = Path.of(executable).getParent().getParent().toString();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("implementation", implementation);
        d.put("version_info", List.of(major, minor, micro, "final", 0));
        d.put("version", major + "." + minor + "." + micro);
        d.put("executable", executable);
        d.put("base_executable", baseExecutable == null ? executable : baseExecutable);
        d.put("prefix", prefix);
        d.put("exec_prefix", prefix);
        String basePrefix = baseExecutable == null ? prefix : Path.of(baseExecutable).getParent().getParent().toString();
        d.put("base_prefix", basePrefix);
        d.put("base_exec_prefix", basePrefix);
        d.put("in_venv", baseExecutable != null);
        d.put("platform", "linux");
        d.put("os", "posix");
        d.put("machine", "x86_64");
        d.put("pointer_bits", 64);
        d.put("free_threaded", false);
        d.put("sysconfig_paths", Map.of());
        d.put("sysconfig_vars", Map.of());
        d.put("stdlib_dir", prefix + "/lib/python" + major + "." + minor);
        return d;
    }
}
