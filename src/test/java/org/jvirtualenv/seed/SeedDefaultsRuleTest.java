package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.testing.Described;
import org.junit.jupiter.api.Test;

/** The default seed choices as a rule, for described (not run) targets. */
class SeedDefaultsRuleTest {
    private static Wheel setuptools(String version) {
        return Wheel.parse("setuptools-" + version + "-py3-none-any.whl");
    }

    @Test
    void setuptoolsFrom70point1BuildsWheelsByItself() {
        assertFalse(SeedDefaults.buildsWheels(setuptools("41.2.0")));
        assertFalse(SeedDefaults.buildsWheels(setuptools("66.1.1")));
        assertFalse(SeedDefaults.buildsWheels(setuptools("70.0.0")));
        assertTrue(SeedDefaults.buildsWheels(setuptools("70.1.0")));
        assertTrue(SeedDefaults.buildsWheels(setuptools("70.1")));
        assertTrue(SeedDefaults.buildsWheels(setuptools("80.9.0")));
        assertTrue(SeedDefaults.buildsWheels(setuptools("100.0")));
    }

    @Test
    void pipAlwaysSetuptoolsUpTo311WheelOnlyBesideAnOldSetuptools() {
        PythonInfo py311 = Described.posixCPython(3, 11, 7, "/nowhere");
        PythonInfo py312 = Described.posixCPython(3, 12, 1, "/nowhere");
        assertEquals("bundle", SeedDefaults.choice("pip", py311, null).text());
        assertEquals("bundle", SeedDefaults.choice("pip", py312, null).text());
        assertEquals("bundle", SeedDefaults.choice("setuptools", py311, null).text());
        assertEquals("none", SeedDefaults.choice("setuptools", py312, null).text());
        // Decided by the setuptools chosen, whatever the target.
        assertEquals("none", SeedDefaults.choice("wheel", py311, setuptools("84.0.0")).text());
        assertEquals("bundle", SeedDefaults.choice("wheel", py311, setuptools("66.1.1")).text());
        assertEquals("bundle", SeedDefaults.choice("wheel", py312, setuptools("66.1.1")).text());
        assertEquals("none", SeedDefaults.choice("wheel", py311, null).text(), "no setuptools, no wheel");
        assertThrows(IllegalArgumentException.class, () -> SeedDefaults.choice("numpy", py311, null));
    }

    /** The default as seeding decides it with no choices given, no extra search dir and an empty cache. */
    private static String bundledAloneDefault(String distribution, PythonInfo target) {
        SeedOptions defaults = new SeedOptions(true, Map.of(), Path.of("/nonexistent/app-data"), List.of(),
                SeederKind.APP_DATA, false, false, false, LinkMode.HARDLINK);
        return new SeedSelection(defaults, SeedSelection.wheelsFor(defaults, BundledWheels.load()), null)
                .decide(target).get(distribution).text();
    }

    @Test
    void withTheBundledWheelsAloneWheelIsWantedUpTo38() {
        for (int minor : new int[] {6, 7, 8, 9, 10, 11, 12, 13}) {
            String expected = minor <= 8 ? "bundle" : "none";
            assertEquals(expected, bundledAloneDefault("wheel", Described.posixCPython(3, minor, 0, "/nowhere")),
                    "3." + minor);
        }
        assertEquals("bundle", bundledAloneDefault("wheel", Described.posixCPython(2, 7, 18, "/nowhere")));
    }
}
