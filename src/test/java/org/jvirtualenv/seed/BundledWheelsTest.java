package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.jvirtualenv.testing.Described;
import org.jvirtualenv.util.Sha256;
import org.junit.jupiter.api.Test;

/** support-wheels/README.md is the index the tool trusts: every row must describe its file exactly. */
class BundledWheelsTest {
    private static final Path DIR = Path.of("support-wheels");

    @Test
    void everyWheelIsListedWithItsRealHashAndRequiresPython() throws IOException {
        List<BundledWheel> rows = BundledWheels.load().all();
        Set<String> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".whl")).collect(Collectors.toSet());
        }
        assertEquals(files, rows.stream().map(r -> r.wheel().fileName()).collect(Collectors.toSet()));
        for (BundledWheel row : rows) {
            Path file = DIR.resolve(row.wheel().fileName());
            assertEquals(Sha256.hex(file), row.sha256(), file + " hash");
            assertEquals(requiresPython(file), row.requiresPython().toString(), file + " Requires-Python");
        }
    }

    private static String requiresPython(Path wheel) throws IOException {
        Wheel w = Wheel.parse(wheel.getFileName().toString());
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            String meta = new String(zip.getInputStream(zip.getEntry(w.distribution() + "-" + w.version()
                    + ".dist-info/METADATA")).readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("(?m)^Requires-Python:\\s*(.*)$").matcher(meta);
            return m.find() ? m.group(1).strip() : "";
        }
    }

    @Test
    void newestWheelThatRunsOnEachTargetIsChosen() {
        WheelChoice choice = new WheelChoice(BundledWheels.load().all());
        assertEquals("26.2.1", version(choice, "pip", 3, 13));
        assertEquals("26.0.1", version(choice, "pip", 3, 9));
        assertEquals("24.2", version(choice, "pip", 3, 8));
        assertEquals("23.2.1", version(choice, "pip", 3, 7));
        assertEquals("19.2.3", version(choice, "pip", 3, 6));
        assertEquals("19.2.3", version(choice, "pip", 2, 7));
        assertEquals("84.0.0", version(choice, "setuptools", 3, 11));
        assertEquals("82.0.1", version(choice, "setuptools", 3, 9));
        assertEquals("66.1.1", version(choice, "setuptools", 3, 8));
        assertEquals("58.1.0", version(choice, "setuptools", 3, 6));
        assertEquals("41.2.0", version(choice, "setuptools", 2, 7));
        assertEquals("0.38.4", version(choice, "wheel", 3, 11));
        assertEquals("23.2.1", choice.choose("pip", SeedChoice.parse("23.2.1"), Described.posixCPython(3, 12, 0, "/nowhere"))
                .orElseThrow().wheel().version(), "an exact version is honoured when it runs on the target");
        assertFalse(choice.choose("pip", SeedChoice.parse("24.2"), Described.posixCPython(3, 7, 0, "/nowhere")).isPresent(),
                "an exact version that cannot run on the target is not offered");
    }

    @Test
    void noWheelOfWheelRunsOn27Or36() {
        WheelChoice choice = new WheelChoice(BundledWheels.load().all());
        assertTrue(choice.choose("wheel", SeedChoice.BUNDLE, Described.posixCPython(2, 7, 18, "/nowhere")).isEmpty());
    }

    private static String version(WheelChoice choice, String dist, int major, int minor) {
        return choice.choose(dist, SeedChoice.BUNDLE, Described.posixCPython(major, minor, 0, "/nowhere")).orElseThrow().wheel().version();
    }
}
