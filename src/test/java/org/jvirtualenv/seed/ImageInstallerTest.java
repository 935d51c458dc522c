package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.Introspector;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.TestWheels;
import org.jvirtualenv.util.Json;
import org.jvirtualenv.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image built into a cache and placed into an environment: linked files, then the same
 * dist-info writing as a direct install (console scripts, INSTALLER, a RECORD of every file).
 * The target is a real interpreter: an image is published only with the byte code it compiled.
 */
class ImageInstallerTest {
    private static final PythonInfo TARGET = PythonInfo.fromJson(
            Json.parseObject(new Introspector().describeJson(Interpreters.any3().executable())));

    @TempDir
    Path tmp;

    @Test
    void anImageIsBuiltOnceAndPlacedWithItsOwnRecord() throws IOException {
        Path wheel = TestWheels.demo(tmp.resolve("wheels"), "demo_pkg", "1.0", "demo-cli");
        String sha = Sha256.hex(wheel);
        ImageCache cache = new ImageCache(new AppData(tmp.resolve("cache")), TARGET);
        assertEquals(null, cache.find(Wheel.parse(wheel.getFileName().toString()), sha));
        WheelImage image = cache.obtain(wheel, sha);
        assertNotNull(cache.find(Wheel.parse(wheel.getFileName().toString()), sha), "found once built");
        assertFalse(Files.getPosixFilePermissions(image.site().resolve("demo_pkg/__init__.py"))
                .contains(PosixFilePermission.OWNER_WRITE), "cache files are read-only");
        assertFalse(Files.exists(image.site().resolve("demo_pkg-1.0.dist-info/RECORD")), "RECORD is per environment");
        assertTrue(Files.isDirectory(image.site().resolve("demo_pkg/__pycache__")), "compiled by the target");

        Path env = tmp.resolve("env");
        String xy = TARGET.version().majorMinor();
        Path site = env.resolve("lib/python" + xy + "/site-packages");
        InstallScheme scheme = new InstallScheme(env, site, site, env.resolve("bin"), env.resolve("include"), env,
                env.resolve("bin/python").toString(), "");
        ImageInstaller.Placed placed = ImageInstaller.install(image, scheme, new SeedScriptNames(TARGET.version()),
                LinkMode.HARDLINK);

        assertEquals(LinkMode.HARDLINK, placed.via());
        assertEquals("demo_pkg==1.0", placed.distribution().pinned());
        assertTrue(Files.isSameFile(image.site().resolve("demo_pkg/__init__.py"), site.resolve("demo_pkg/__init__.py")));
        for (String name : List.of("demo-cli", "demo-cli3", "demo-cli" + xy)) {
            assertTrue(Files.isExecutable(env.resolve("bin").resolve(name)), name);
        }
        assertEquals("jvirtualenv\n", Files.readString(site.resolve("demo_pkg-1.0.dist-info/INSTALLER")));
        Set<Path> listed = new HashSet<>();
        for (RecordFile.Row row : RecordFile.parse(Files.readString(site.resolve("demo_pkg-1.0.dist-info/RECORD")))) {
            Path file = site.resolve(row.path()).normalize();
            listed.add(file);
            if (!row.path().endsWith("RECORD")) {
                assertEquals(Sha256.recordHash(Sha256.digest().digest(Files.readAllBytes(file))), row.hash(), row.path());
            }
        }
        Set<Path> present;
        try (Stream<Path> walk = Files.walk(env)) {
            present = walk.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
        assertEquals(present, listed, "RECORD lists exactly the files the install left");
    }
}
