package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertFalse(Seeder.buildsWheels(setuptools("41.2.0")));
        assertFalse(Seeder.buildsWheels(setuptools("66.1.1")));
        assertFalse(Seeder.buildsWheels(setuptools("70.0.0")));
        assertTrue(Seeder.buildsWheels(setuptools("70.1.0")));
        assertTrue(Seeder.buildsWheels(setuptools("70.1")));
        assertTrue(Seeder.buildsWheels(setuptools("80.9.0")));
        assertTrue(Seeder.buildsWheels(setuptools("100.0")));
    }

    @Test
    void pipAlwaysSetuptoolsUpTo311WheelOnlyBesideAnOldSetuptools() {
        PythonInfo py311 = Described.posixCPython(3, 11, 7, "/nowhere");
        PythonInfo py312 = Described.posixCPython(3, 12, 1, "/nowhere");
        assertEquals("bundle", Seeder.defaultChoice("pip", py311, null));
        assertEquals("bundle", Seeder.defaultChoice("pip", py312, null));
        assertEquals("bundle", Seeder.defaultChoice("setuptools", py311, null));
        assertEquals("none", Seeder.defaultChoice("setuptools", py312, null));
        // Decided by the setuptools chosen, whatever the target.
        assertEquals("none", Seeder.defaultChoice("wheel", py311, setuptools("84.0.0")));
        assertEquals("bundle", Seeder.defaultChoice("wheel", py311, setuptools("66.1.1")));
        assertEquals("bundle", Seeder.defaultChoice("wheel", py312, setuptools("66.1.1")));
        assertEquals("none", Seeder.defaultChoice("wheel", py311, null), "no setuptools, no wheel");
        assertThrows(IllegalArgumentException.class, () -> Seeder.defaultChoice("numpy", py311, null));
    }

    @Test
    void withTheBundledWheelsAloneWheelIsWantedUpTo38() {
        for (int minor : new int[] {6, 7, 8, 9, 10, 11, 12, 13}) {
            String expected = minor <= 8 ? "bundle" : "none";
            assertEquals(expected, Seeder.defaultChoice("wheel", Described.posixCPython(3, minor, 0, "/nowhere")),
                    "3." + minor);
        }
        assertEquals("bundle", Seeder.defaultChoice("wheel", Described.posixCPython(2, 7, 18, "/nowhere")));
    }
}
