package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jvirtualenv.testing.Cli;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while seeding (issue 12, item 14) is told as what it is, not as a corrupt
 * wheel: one line naming the file that could not be written and what to do, a non-zero exit,
 * no environment left half-made, nothing published in the cache, and no older wheel tried (the
 * wheel is fine). The full disk is a real one: a tmpfs of a few megabytes, which needs root and a
 * system that lets tests mount (the test is skipped, saying so, otherwise).
 */
class DiskFullTest {
    /** Holds the seed wheels copied into a cache there (2.6 MB), not pip unpacked and compiled. */
    private static final String SIZE = "5m";

    @TempDir
    Path tmp;

    private Path small;
    private Map<String, String> env;
    private Interpreters.Found python;

    @BeforeEach
    void mountSmallDisk() throws IOException {
        Assumptions.assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0,
                "mounting a small tmpfs needs root");
        small = Files.createDirectory(tmp.resolve("small"));
        ProcessResult mount = Run.command(Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), tmp,
                "mount", "-t", "tmpfs", "-o", "size=" + SIZE + ",mode=0700", "tmpfs", small.toString());
        if (mount.exitCode() != 0) {
            small = null;
            Assumptions.abort("cannot mount a tmpfs here: " + mount.stderr().strip());
        }
        env = Run.cleanEnvironment(tmp.resolve("home"));
        python = Interpreters.any3();
    }

    @AfterEach
    void unmount() {
        if (small != null) {
            ProcessResult r = Run.command(Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), tmp, "umount", small.toString());
            assertEquals(0, r.exitCode(), r.describe());
        }
    }

    private ProcessResult create(Path dest, Path appData) {
        return Cli.run(env, tmp, "-p", python.executable().toString(), "--app-data", appData.toString(),
                "--activators", "", dest.toString());
    }

    private static void assertToldAsDiskFull(ProcessResult r, Path where) {
        assertNotEquals(0, r.exitCode(), r.describe());
        String err = r.stderr().strip();
        assertEquals(1, err.lines().count(), "one line: " + r.describe());
        assertTrue(err.startsWith("virtualenv: error: no space left on device writing " + where)
                && err.endsWith(": free some space and run again"), r.describe());
        assertFalse(err.contains("corrupt"), r.describe());
    }

    private static List<Path> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    @Test
    void aCacheOnAFullDiskStopsTheCreationWithOneLine() throws IOException {
        Path dest = small.resolve("env");
        Path appData = small.resolve("app-data");
        ProcessResult r = create(dest, appData);
        assertToldAsDiskFull(r, appData.resolve("images"));
        // The same wheels would fill the same disk: none is tried in place of the newest.
        assertFalse(r.stdout().contains("instead") || r.stderr().contains("instead"), r.describe());
        assertFalse(Files.exists(dest), "nothing half-made: " + entries(small));
        assertEquals(List.of(), entries(appData.resolve("images/cpython" + python.major() + "." + python.minor())),
                "no image published, no temporary directory left");
    }

    /** Fuller still: no room for the bundled wheels' copy in the cache, the first thing it writes. */
    @Test
    void aCacheWithNoRoomForTheSeedWheelsStopsTheCreationWithOneLine() throws IOException {
        Files.write(small.resolve("filler"), new byte[4_800 * 1024]);
        Path dest = small.resolve("env");
        Path appData = small.resolve("app-data");
        ProcessResult r = create(dest, appData);
        assertToldAsDiskFull(r, appData.resolve("wheels"));
        assertFalse(Files.exists(dest), "nothing half-made: " + entries(small));
        assertEquals(List.of(), entries(appData.resolve("wheels")), "no wheel, no temporary file left");
    }

    @Test
    void anEnvironmentOnAFullDiskStopsTheCreationWithOneLine() throws IOException {
        Path dest = small.resolve("env");
        ProcessResult r = create(dest, tmp.resolve("app-data"));
        assertToldAsDiskFull(r, dest);
        assertFalse(Files.exists(dest), "nothing half-made: " + entries(small));

        // Once there is room, the same command works: the cache was not spoiled.
        ProcessResult roomy = create(tmp.resolve("env"), tmp.resolve("app-data"));
        assertEquals(0, roomy.exitCode(), roomy.describe());
    }
}
