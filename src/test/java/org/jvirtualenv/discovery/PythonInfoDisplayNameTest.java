package org.jvirtualenv.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jvirtualenv.testing.Described;

/** The identifier "created virtual environment ..." shows, spelled as virtualenv 21 spells it. */
class PythonInfoDisplayNameTest {
    private static PythonInfo on(String machine, boolean freeThreaded) {
        return new PythonInfo("CPython", new PythonVersion(3, 13, 0, "final", 0), "3.13.0", "/opt/py/bin/python3.13",
                "/opt/py/bin/python3.13", "/opt/py", "/opt/py", "/opt/py", "/opt/py", false, "linux", "posix", machine,
                64, freeThreaded, Map.of(), Map.of(), "/opt/py/lib/python3.13", List.of(), null);
    }

    @Test
    void versionPointerSizeAndInstructionSet() {
        // What virtualenv 21.14.1 printed for pyenv's 3.11.7 on the build machine.
        assertEquals("CPython3.11.7.final.0-64-x86_64", Described.posixCPython(3, 11, 7, "/opt/py").displayName());
        assertEquals("CPython3.13.0.final.0t-64-x86_64", on("x86_64", true).displayName());
    }

    @Test
    void oneNamePerInstructionSet() {
        assertEquals("x86_64", on("AMD64", false).instructionSet());
        assertEquals("arm64", on("aarch64", false).instructionSet());
        assertEquals("arm64", on("arm64", false).instructionSet());
        assertEquals("x86", on("i686", false).instructionSet());
        assertEquals("ppc64le", on("ppc64le", false).instructionSet());
        assertEquals("riscv64", on("riscv64", false).instructionSet());
        assertEquals("unknown", on("", false).instructionSet());
        assertEquals("unknown", on(null, false).instructionSet());
    }
}
