package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jvirtualenv.testing.TestWheels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks a seed wheel passes before anything of it is inflated or written. */
class WheelLimitsTest {
    @TempDir
    Path tmp;

    private InstallScheme scheme(String suffix) {
        Path env = tmp.resolve("env");
        Path site = env.resolve("lib/python3.11/site-packages");
        return new InstallScheme(env, site, site, env.resolve("bin"), env.resolve("include"), env,
                env.resolve("bin/python" + suffix).toString(), suffix, Set.of("python", "python3", "python.exe"))
                .reserving(Set.of("activate", "Activate.ps1"));
    }

    @Test
    void theEnvironmentsOwnFilesAreReservedWhateverTheCaseOrSuffix() {
        InstallScheme posix = scheme("");
        Path env = posix.root();
        assertEquals("the environment's bin/python3", posix.reservedBy(env.resolve("bin/python3")));
        assertEquals("the environment's bin/ACTIVATE.PS1", posix.reservedBy(env.resolve("bin/ACTIVATE.PS1")));
        assertEquals("the environment's pyvenv.cfg", posix.reservedBy(env.resolve("pyvenv.cfg")));
        assertNull(posix.reservedBy(env.resolve("bin/pip")));
        assertNull(posix.reservedBy(env.resolve("bin/sub/python")), "only the scripts directory itself");
        assertNull(posix.reservedBy(env.resolve("lib/pyvenv.cfg")), "only pyvenv.cfg at the root");
        InstallScheme windows = scheme(".exe");
        assertEquals("the environment's bin/Python.exe", windows.reservedBy(env.resolve("bin/Python.exe")));
        assertEquals("the environment's bin/python3.exe", windows.reservedBy(env.resolve("bin/python3.exe")));
    }

    @Test
    void anEntryThatInflatesPastItsDeclaredSizeIsRefusedAtTheFirstExtraByte() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("liar/__init__.py", "x = 1\n".repeat(50_000));
        Path wheel = TestWheels.build(tmp.resolve("w"), "liar", "1.0", files, null);
        // The central directory now says 10 bytes for a 300 kB file (and the RECORD is right).
        patchCentralDirectorySize(wheel, "liar/__init__.py", 10);
        Path env = tmp.resolve("env");
        WheelRejectedException e = assertThrows(WheelRejectedException.class,
                () -> new WheelInstaller().install(wheel, scheme("")));
        assertTrue(e.getMessage().contains("holds more than the 10 bytes it declares"), e.getMessage());
        assertFalse(Files.exists(env.resolve("lib/python3.11/site-packages/liar/__init__.py")));
    }

    @Test
    void anEntryThatInflatesAThousandTimesIsRefusedFromItsDeclaration() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("dense/__init__.py", "\n".repeat(4 << 20));
        Path wheel = TestWheels.build(tmp.resolve("w"), "dense", "1.0", files, null);
        WheelRejectedException e = assertThrows(WheelRejectedException.class,
                () -> new WheelInstaller().check(wheel, scheme("")));
        assertTrue(e.getMessage().contains("'dense/__init__.py' would inflate") && e.getMessage().contains("zip bomb"),
                e.getMessage());
        assertFalse(e.unsafe(), "the next candidate may be used");
    }

    @Test
    void checkingWritesNothing() throws IOException {
        Path wheel = TestWheels.demo(tmp.resolve("w"), "demo", "1.0", "demo");
        new WheelInstaller().check(wheel, scheme(""));
        assertFalse(Files.exists(tmp.resolve("env")));
    }

    /** Rewrites the uncompressed size of one entry in the central directory. */
    private static void patchCentralDirectorySize(Path zip, String entry, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (buf.getInt(i) == 0x02014b50 && buf.getShort(i + 28) == name.length
                    && new String(bytes, i + 46, name.length, StandardCharsets.UTF_8).equals(entry)) {
                buf.putInt(i + 24, size);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalStateException("no central directory header for " + entry);
    }
}
