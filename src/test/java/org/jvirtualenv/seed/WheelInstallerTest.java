package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.testing.TestWheels;
import org.jvirtualenv.util.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelInstallerTest {
    @TempDir
    Path tmp;

    private Path env;
    private InstallScheme scheme;

    @BeforeEach
    void scheme() {
        env = tmp.resolve("env");
        Path site = env.resolve("lib/python3.11/site-packages");
        scheme = new InstallScheme(env, site, site, env.resolve("bin"), env.resolve("include/site/python3.11"), env,
                env.resolve("bin/python").toString(), "");
    }

    @Test
    void installsFilesScriptsInstallerAndACompleteRecord() throws IOException {
        Path wheel = TestWheels.demo(tmp.resolve("wheels"), "demo_pkg", "1.0", "demo-cli");
        InstalledDistribution dist = new WheelInstaller().install(wheel, scheme);

        Path site = scheme.purelib();
        assertEquals("demo_pkg==1.0", dist.pinned());
        assertTrue(Files.isRegularFile(site.resolve("demo_pkg/__init__.py")));
        Path script = env.resolve("bin/demo-cli");
        assertTrue(Files.isExecutable(script), "console script is executable");
        String text = Files.readString(script);
        assertTrue(text.startsWith("#!" + env.resolve("bin/python") + "\n"), text);
        assertTrue(text.contains("from demo_pkg import main"), text);
        assertEquals("jvirtualenv\n", Files.readString(site.resolve("demo_pkg-1.0.dist-info/INSTALLER")));

        // RECORD lists every file that now exists, each with its real hash and size.
        List<RecordFile.Row> rows = RecordFile.parse(Files.readString(site.resolve("demo_pkg-1.0.dist-info/RECORD")));
        Set<Path> listed = new HashSet<>();
        for (RecordFile.Row row : rows) {
            Path file = site.resolve(row.path()).normalize();
            listed.add(file);
            if (row.path().endsWith("RECORD")) {
                assertEquals("", row.hash());
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(Sha256.recordHash(Sha256.digest().digest(bytes)), row.hash(), row.path());
            assertEquals(Integer.toString(bytes.length), row.size(), row.path());
        }
        Set<Path> present;
        try (Stream<Path> walk = Files.walk(env)) {
            present = walk.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
        assertEquals(present, listed);
        assertTrue(rows.stream().anyMatch(r -> r.path().equals("../../../bin/demo-cli")));
    }

    @Test
    void refusesAnEntryThatClimbsOutAndWritesNothing() throws IOException {
        Path wheel = TestWheels.build(tmp.resolve("wheels"), "evil", "1.0",
                Map.of("evil/__init__.py", "", "../../../../escaped.py", "print('pwned')\n"), null);
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> new WheelInstaller().install(wheel, scheme));
        assertTrue(e.getMessage().contains("outside the environment"), e.getMessage());
        assertTrue(e.getMessage().contains("escaped.py"), e.getMessage());
        assertFalse(Files.exists(env), "nothing is written for a refused wheel");
        try (Stream<Path> all = Files.walk(tmp)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("escaped.py")));
        }
    }

    @Test
    void refusesAbsoluteEntries() throws IOException {
        Path wheel = TestWheels.build(tmp.resolve("wheels"), "evil", "1.0", Map.of("/tmp/abs.py", ""), null);
        assertThrows(VirtualenvException.class, () -> new WheelInstaller().install(wheel, scheme));
        assertFalse(Files.exists(env));
    }

    @Test
    void refusesAFileWhoseHashDoesNotMatchItsRecord() throws IOException {
        Path wheel = TestWheels.demo(tmp.resolve("wheels"), "demo_pkg", "1.0", null);
        // Rewrite the wheel with one file changed but the old RECORD kept.
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipFile(wheel.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        entries.put("demo_pkg/util.py", "VALUE = 666\n".getBytes(StandardCharsets.UTF_8));
        TestWheels.writeZip(wheel, entries);
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> new WheelInstaller().install(wheel, scheme));
        assertTrue(e.getMessage().contains("demo_pkg/util.py"), e.getMessage());
    }

    @Test
    void aTruncatedWheelIsReportedByName() throws IOException {
        Path wheel = TestWheels.demo(tmp.resolve("wheels"), "demo_pkg", "1.0", null);
        byte[] bytes = Files.readAllBytes(wheel);
        Files.write(wheel, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> new WheelInstaller().install(wheel, scheme));
        assertTrue(e.getMessage().contains(wheel.getFileName().toString()), e.getMessage());
    }

    @Test
    void dataScriptsArePointedAtTheEnvironmentAndHeadersGoToInclude() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("tool/__init__.py", "");
        files.put("tool-2.0.data/scripts/tool-run", "#!python\nprint('hi')\n");
        files.put("tool-2.0.data/headers/tool.h", "int x;\n");
        files.put("tool-2.0.data/data/share/tool/readme.txt", "doc\n");
        Path wheel = TestWheels.build(tmp.resolve("wheels"), "tool", "2.0", files, null);
        new WheelInstaller().install(wheel, scheme);
        assertEquals("#!" + env.resolve("bin/python") + "\nprint('hi')\n", Files.readString(env.resolve("bin/tool-run")));
        assertTrue(Files.isExecutable(env.resolve("bin/tool-run")));
        assertTrue(Files.isRegularFile(env.resolve("include/site/python3.11/tool/tool.h")));
        assertTrue(Files.isRegularFile(env.resolve("share/tool/readme.txt")));
    }

    @Test
    void refusesAnEntryPointThatWouldInjectCode() throws IOException {
        Path wheel = TestWheels.build(tmp.resolve("wheels"), "bad", "1.0", Map.of("bad/__init__.py", ""),
                "[console_scripts]\nbad = os:system('touch x') or print\n");
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> new WheelInstaller().install(wheel, scheme));
        assertTrue(e.getMessage().contains("invalid target"), e.getMessage());
        Path badName = TestWheels.build(tmp.resolve("wheels2"), "bad", "1.0", Map.of("bad/__init__.py", ""),
                "[console_scripts]\n../../evil = bad:main\n");
        assertThrows(VirtualenvException.class, () -> new WheelInstaller().install(badName, scheme));
        assertFalse(Files.exists(tmp.resolve("evil")));
    }
}
