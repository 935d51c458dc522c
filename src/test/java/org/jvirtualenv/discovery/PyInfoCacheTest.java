package org.jvirtualenv.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.jvirtualenv.testing.FakeInterpreters;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyInfoCacheTest {
    @TempDir
    Path tmp;

    private final FakeInterpreters fakes = new FakeInterpreters();

    @Test
    void secondLookupStartsNoIntrospection() throws IOException {
        Path python = fakes.create(tmp.resolve("py/bin/python3.11"), "CPython", 3, 11, 7);
        PyInfoCache cache = new PyInfoCache(tmp.resolve("cache"), fakes.probe);
        assertEquals("3.11.7", cache.describe(python).version().dotted());
        assertEquals(1, fakes.probes.get());
        // A new cache object (a new run of the tool) reads the file and runs nothing.
        PythonInfo again = new PyInfoCache(tmp.resolve("cache"), fakes.probe).describe(python);
        assertEquals("3.11.7", again.version().dotted());
        assertEquals(1, fakes.probes.get());
        assertTrue(Files.isRegularFile(cache.entryFile(python.toRealPath())));
    }

    @Test
    void aReadOnlyCacheIsReadButNeverWritten() throws IOException {
        Path python = fakes.create(tmp.resolve("py/bin/python3.11"), "CPython", 3, 11, 7);
        PyInfoCache readOnly = new PyInfoCache(tmp.resolve("cache"), fakes.probe, false);
        readOnly.describe(python);
        assertFalse(Files.exists(tmp.resolve("cache")), "--read-only-app-data writes no entry");
        new PyInfoCache(tmp.resolve("cache"), fakes.probe).describe(python);
        readOnly.describe(python);
        assertEquals(2, fakes.probes.get(), "an entry written earlier is still used");
    }

    @Test
    void aSymlinkSharesTheEntryOfItsTarget() throws IOException {
        Path python = fakes.create(tmp.resolve("py/bin/python3.11"), "CPython", 3, 11, 7);
        Path link = Files.createSymbolicLink(tmp.resolve("py/bin/python3"), python.getFileName());
        PyInfoCache cache = new PyInfoCache(tmp.resolve("cache"), fakes.probe);
        cache.describe(python);
        cache.describe(link);
        assertEquals(1, fakes.probes.get());
    }

    @Test
    void aChangedInterpreterIsIntrospectedAgain() throws IOException {
        Path python = fakes.create(tmp.resolve("py/bin/python3.11"), "CPython", 3, 11, 7);
        PyInfoCache cache = new PyInfoCache(tmp.resolve("cache"), fakes.probe);
        cache.describe(python);
        // Upgraded in place: new content (size) and time.
        fakes.create(python, "CPython", 3, 11, 10);
        Files.setLastModifiedTime(python, FileTime.fromMillis(Files.getLastModifiedTime(python).toMillis() + 5000));
        assertEquals("3.11.10", cache.describe(python).version().dotted());
        assertEquals(2, fakes.probes.get());
        // Only the time changes (same size): still a new entry.
        Files.setLastModifiedTime(python, FileTime.fromMillis(Files.getLastModifiedTime(python).toMillis() + 5000));
        cache.describe(python);
        assertEquals(3, fakes.probes.get());
        cache.describe(python);
        assertEquals(3, fakes.probes.get());
    }

    @Test
    void aDamagedEntryIsReplaced() throws IOException {
        Path python = fakes.create(tmp.resolve("py/bin/python3.11"), "CPython", 3, 11, 7);
        PyInfoCache cache = new PyInfoCache(tmp.resolve("cache"), fakes.probe);
        cache.describe(python);
        Files.writeString(cache.entryFile(python.toRealPath()), "{not json");
        assertEquals("3.11.7", cache.describe(python).version().dotted());
        assertEquals(2, fakes.probes.get());
        new PyInfoCache(tmp.resolve("cache"), fakes.probe).describe(python);
        assertEquals(2, fakes.probes.get());
    }

    @Test
    void scriptsAreNeverCached() throws IOException {
        Path real = fakes.create(tmp.resolve("py/bin/python3.11"), "CPython", 3, 11, 7);
        Path shim = tmp.resolve("shims/python3");
        Files.createDirectories(shim.getParent());
        // A script's first line is its interpreter; the fake probe answers with what follows.
        Files.writeString(shim, "#!/bin/sh\n" + Files.readString(real).substring(5));
        PyInfoCache cache = new PyInfoCache(tmp.resolve("cache"), fakes.probe);
        cache.describe(shim);
        cache.describe(shim);
        assertEquals(2, fakes.probes.get());
        assertTrue(Files.notExists(tmp.resolve("cache")) || isEmpty(tmp.resolve("cache")));
    }

    @Test
    void aReadOnlyCacheStillWorks() throws IOException {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")) && canWriteReadOnly(),
                "running as root: permissions do not stop writes");
        Path python = fakes.create(tmp.resolve("py/bin/python3.11"), "CPython", 3, 11, 7);
        Path dir = Files.createDirectories(tmp.resolve("cache"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            PyInfoCache cache = new PyInfoCache(dir, fakes.probe);
            assertEquals("3.11.7", cache.describe(python).version().dotted());
            assertEquals("3.11.7", cache.describe(python).version().dotted());
            assertEquals(2, fakes.probes.get());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aCacheDirectoryThatIsAFileOnlyCostsSpeed() throws IOException {
        Path python = fakes.create(tmp.resolve("py/bin/python3.11"), "CPython", 3, 11, 7);
        Path notADir = Files.writeString(tmp.resolve("cache"), "I am a file");
        PyInfoCache cache = new PyInfoCache(notADir, fakes.probe);
        assertEquals("3.11.7", cache.describe(python).version().dotted());
        assertEquals("3.11.7", cache.describe(python).version().dotted());
        assertEquals(2, fakes.probes.get());
    }

    private boolean canWriteReadOnly() throws IOException {
        Path probe = Files.createDirectories(tmp.resolve("probe"));
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Files.writeString(probe.resolve("x"), "x");
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
