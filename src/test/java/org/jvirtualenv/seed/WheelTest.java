package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jvirtualenv.testing.Described;
import org.junit.jupiter.api.Test;

class WheelTest {
    @Test
    void parsesTheFileName() {
        Wheel w = Wheel.parse("pip-24.2-py3-none-any.whl");
        assertEquals("pip", w.distribution());
        assertEquals("24.2", w.version());
        assertNull(w.build());
        assertEquals(List.of("py3"), w.pythonTags());
        Wheel built = Wheel.parse("demo_pkg-1.0-1b-py2.py3-none-any.whl");
        assertEquals("1b", built.build());
        assertEquals(List.of("py2", "py3"), built.pythonTags());
        assertEquals("demo-pkg", built.normalizedName());
    }

    @Test
    void rejectsNamesThatAreNotWheels() {
        assertThrows(IllegalArgumentException.class, () -> Wheel.parse("pip-24.2.tar.gz"));
        assertThrows(IllegalArgumentException.class, () -> Wheel.parse("pip-24.2-any.whl"));
    }

    @Test
    void tagsDecideWhichInterpretersCanUseAWheel() {
        var py311 = Described.posixCPython(3, 11, 7, "/opt/py");
        var py27 = Described.posixCPython(2, 7, 18, "/opt/py2");
        assertTrue(Wheel.parse("pip-24.2-py3-none-any.whl").supportsTags(py311));
        assertFalse(Wheel.parse("pip-24.2-py3-none-any.whl").supportsTags(py27));
        assertTrue(Wheel.parse("pip-19.2.3-py2.py3-none-any.whl").supportsTags(py27));
        assertTrue(Wheel.parse("x-1.0-py38-none-any.whl").supportsTags(py311));
        assertFalse(Wheel.parse("x-1.0-py312-none-any.whl").supportsTags(py311));
        assertTrue(Wheel.parse("x-1.0-cp311-cp311-any.whl").supportsTags(py311));
        assertFalse(Wheel.parse("x-1.0-cp310-cp310-any.whl").supportsTags(py311));
        assertFalse(Wheel.parse("x-1.0-cp311-cp311-manylinux_2_28_x86_64.whl").supportsTags(py311),
                "binary wheels are never seeded");
    }
}
