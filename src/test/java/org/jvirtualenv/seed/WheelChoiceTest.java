package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.VersionSpecifier;
import org.jvirtualenv.testing.Described;
import org.jvirtualenv.testing.TestWheels;
import org.jvirtualenv.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which wheel is seeded: bundled vs --extra-search-dir vs the interpreter's ensurepip. */
class WheelChoiceTest {
    @TempDir
    Path tmp;

    private static List<String> versions(List<WheelChoice.Source> sources) {
        return sources.stream().map(s -> s.wheel().version()).toList();
    }

    @Test
    void newestAcrossBundledAndExtraDirsWinsAndBundledWinsATie() throws IOException {
        Path extra = tmp.resolve("extra");
        TestWheels.demo(extra, "wheel", "0.99.0", "wheel");
        TestWheels.demo(extra, "wheel", "0.30.0", "wheel");
        Path tie = tmp.resolve("tie");
        Files.createDirectories(tie);
        Files.copy(TestWheels.demo(tmp.resolve("t"), "wheel", "0.38.4", "wheel"), tie.resolve("wheel-0.38.4-py3-none-any.whl"));
        Path downloaded = tmp.resolve("downloaded");
        TestWheels.demo(downloaded, "wheel", "0.55.0", "wheel");
        WheelChoice choice = new WheelChoice(BundledWheels.load().all(),
                List.of(extra, tie, tmp.resolve("missing-dir-is-ignored")), List.of(downloaded));
        PythonInfo py311 = Described.posixCPython(3, 11, 4, "/nowhere");

        List<WheelChoice.Source> bundle = choice.candidates("wheel", SeedChoice.BUNDLE, py311);
        assertEquals(List.of("0.99.0", "0.38.4", "0.38.4", "0.30.0"), versions(bundle));
        assertInstanceOf(WheelChoice.LocalFile.class, bundle.get(0));
        assertInstanceOf(WheelChoice.Bundled.class, bundle.get(1), "a bundled (verified) wheel wins a tie");

        assertEquals(List.of("0.38.4"), versions(choice.candidates("wheel", SeedChoice.EMBED, py311)),
                "embed ignores the extra search dirs");
        assertEquals(List.of("0.30.0"), versions(choice.candidates("wheel", SeedChoice.parse("0.30.0"), py311)),
                "an exact version is looked up in the extra dirs too");
        assertEquals(List.of("24.2"), versions(choice.candidates("pip", SeedChoice.parse("24.2"), py311)));
        assertEquals(List.of("0.55.0"), versions(choice.candidates("wheel", SeedChoice.parse("0.55.0"), py311)),
                "a wheel downloaded earlier is found for its exact version only");
        assertEquals(List.of(), choice.candidates("pip", SeedChoice.parse("1.0"), py311));
    }

    @Test
    void requiresPythonOfExtraWheelsIsRespected() throws IOException {
        Path extra = tmp.resolve("extra");
        Path wheel = TestWheels.build(extra, "pip", "99.0", Map.of("pip/__init__.py", ""), null);
        // Rebuild with a Requires-Python that excludes 3.11.
        Files.delete(wheel);
        TestWheels.withMetadata(extra, "pip", "99.0", "Requires-Python: >=3.99\n");
        WheelChoice choice = new WheelChoice(BundledWheels.load().all(), List.of(extra), List.of());
        assertEquals("26.2.1", choice.choose("pip", SeedChoice.BUNDLE, Described.posixCPython(3, 11, 4, "/nowhere"))
                .orElseThrow().wheel().version());
        assertEquals(List.of(), choice.candidates("pip", SeedChoice.parse("99.0"), Described.posixCPython(3, 11, 4, "/nowhere")));
    }

    @Test
    void targetsEnsurepipWheelIsTheFallbackWhenNothingBundledRuns() throws IOException {
        Path prefix = tmp.resolve("py27");
        Path bundledDir = prefix.resolve("lib/python2.7/ensurepip/_bundled");
        TestWheels.demo(bundledDir, "wheel", "0.30.0", "wheel");
        PythonInfo py27 = Described.posixCPython(2, 7, 18, prefix.toString());
        WheelChoice choice = new WheelChoice(BundledWheels.load().all());
        WheelChoice.Source source = choice.choose("wheel", SeedChoice.BUNDLE, py27).orElseThrow();
        assertInstanceOf(WheelChoice.LocalFile.class, source);
        assertTrue(((WheelChoice.LocalFile) source).file().startsWith(bundledDir));
        // A bundled wheel that runs is preferred to ensurepip's.
        TestWheels.demo(bundledDir, "pip", "9.0.1", "pip");
        assertEquals(List.of("19.2.3", "9.0.1"), versions(choice.candidates("pip", SeedChoice.BUNDLE, py27)));
        // Nothing anywhere: no candidate, and the seeder reports the distribution as skipped.
        assertEquals(List.of(), choice.candidates("wheel", SeedChoice.BUNDLE, Described.posixCPython(3, 6, 15, "/nowhere")));
    }

    @Test
    void upgradedWheelsCountForBundleAndExactVersionsButNotForEmbed() throws IOException {
        Path dir = tmp.resolve("upgraded");
        Path newer = TestWheels.demo(dir, "wheel", "0.99.0", "wheel");
        Path sameAsBundled = TestWheels.demo(dir, "wheel", "0.38.4", "wheel");
        Path newOnly312 = TestWheels.demo(dir, "pip", "99.0", "pip");
        List<UpgradedWheel> upgraded = List.of(
                new UpgradedWheel(newer, Wheel.parse(newer.getFileName().toString()), Sha256.hex(newer),
                        VersionSpecifier.any(), List.of("3.11")),
                new UpgradedWheel(sameAsBundled, Wheel.parse(sameAsBundled.getFileName().toString()),
                        Sha256.hex(sameAsBundled), VersionSpecifier.any(), List.of("3.11")),
                new UpgradedWheel(newOnly312, Wheel.parse(newOnly312.getFileName().toString()), Sha256.hex(newOnly312),
                        VersionSpecifier.parse(">=3.12"), List.of("3.12")));
        Path extra = tmp.resolve("extra");
        TestWheels.demo(extra, "wheel", "0.38.4", "wheel");
        WheelChoice choice = new WheelChoice(BundledWheels.load().all(), List.of(extra), List.of(), upgraded);
        PythonInfo py311 = Described.posixCPython(3, 11, 4, "/nowhere");

        List<WheelChoice.Source> bundle = choice.candidates("wheel", SeedChoice.BUNDLE, py311);
        assertEquals(List.of("0.99.0", "0.38.4", "0.38.4", "0.38.4"), versions(bundle));
        assertInstanceOf(WheelChoice.Upgraded.class, bundle.get(0), "the newest wins");
        assertInstanceOf(WheelChoice.Bundled.class, bundle.get(1), "on a tie: bundled, then upgraded, then extra");
        assertInstanceOf(WheelChoice.Upgraded.class, bundle.get(2));
        assertInstanceOf(WheelChoice.LocalFile.class, bundle.get(3));
        assertEquals(List.of("0.38.4"), versions(choice.candidates("wheel", SeedChoice.EMBED, py311)));
        assertEquals(List.of("0.99.0"), versions(choice.candidates("wheel", SeedChoice.parse("0.99.0"), py311)));
        assertEquals("26.2.1", choice.choose("pip", SeedChoice.BUNDLE, py311).orElseThrow().wheel().version(),
                "the recorded Requires-Python is respected");
        assertEquals("99.0", choice.choose("pip", SeedChoice.BUNDLE, Described.posixCPython(3, 12, 1, "/nowhere"))
                .orElseThrow().wheel().version());
    }
}
