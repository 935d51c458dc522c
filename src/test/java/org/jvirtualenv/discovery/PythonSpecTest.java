package org.jvirtualenv.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonSpecTest {
    private static PythonInfo cpython(int major, int minor, int micro) {
        return info("CPython", major, minor, micro, false, 64);
    }

    static PythonInfo info(String impl, int major, int minor, int micro, boolean freeThreaded, int bits) {
        String exe = "/opt/py/bin/python" + major + "." + minor;
        return new PythonInfo(impl, new PythonVersion(major, minor, micro, "final", 0), major + "." + minor + "." + micro,
                exe, exe, "/opt/py", "/opt/py", "/opt/py", "/opt/py", false, "linux", "posix", "x86_64", bits,
                freeThreaded, Map.of(), Map.of(), "/opt/py/lib", List.of(), null);
    }

    private static final Map<String, PythonInfo> INTERPRETERS = Map.of(
            "cp27", cpython(2, 7, 18),
            "cp36", cpython(3, 6, 15),
            "cp39", cpython(3, 9, 18),
            "cp311", cpython(3, 11, 7),
            "cp3112", cpython(3, 11, 2),
            "cp313", cpython(3, 13, 0),
            "cp313t", info("CPython", 3, 13, 0, true, 64),
            "cp310-32", info("CPython", 3, 10, 4, false, 32),
            "pp39", info("PyPy", 3, 9, 16, false, 64));

    /** spec | interpreters it accepts (all others must be refused). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "3            | cp36 cp39 cp311 cp3112 cp313 cp310-32 pp39",
            "2            | cp27",
            "python2.7    | cp27",
            "27           | cp27",
            "3.11         | cp311 cp3112",
            "3.11.7       | cp311",
            "311          | cp311 cp3112",
            "python3.12   | ''",
            "python3.13   | cp313",
            "python3.13t  | cp313t",
            "3.13t        | cp313t",
            "cpython3.9   | cp39",
            "CPython3.9   | cp39",
            "pypy3        | pp39",
            "pypy3.9      | pp39",
            "pypy         | pp39",
            "py3.10-32    | cp310-32",
            "py3.10-64    | ''",
            "python3-64   | cp36 cp39 cp311 cp3112 cp313 pp39",
            "python       | cp27 cp36 cp39 cp311 cp3112 cp313 cp310-32 pp39",
            ">=3.10       | cp311 cp3112 cp313 cp310-32",
            "'>=3.6,<3.10' | cp36 cp39 pp39",
            "cpython~=3.11.0 | cp311 cp3112",
            "cpython>=3.9 | cp39 cp311 cp3112 cp313 cp310-32",
            "pypy>=3.9    | pp39",
            "==3.11.*     | cp311 cp3112",
            "!=3.11.*     | cp27 cp36 cp39 cp313 cp310-32 pp39",
    })
    void tableOfSpecs(String text, String expected) {
        PythonSpec spec = PythonSpec.parse(text);
        assertFalse(spec.isPathOrName(), text + " must be a description");
        java.util.Set<String> want = expected.isBlank() ? java.util.Set.of() : java.util.Set.of(expected.split(" "));
        for (Map.Entry<String, PythonInfo> e : INTERPRETERS.entrySet()) {
            assertEquals(want.contains(e.getKey()), spec.satisfiedBy(e.getValue()), text + " vs " + e.getKey());
        }
    }

    @Test
    void fieldsOfParsedSpecs() {
        assertEquals(new PythonSpec(null, 3, 11, null, false, null, null, null), PythonSpec.parse("311"));
        assertEquals(new PythonSpec("CPython", 3, 9, 1, false, 64, null, null), PythonSpec.parse("cpython3.9.1-64"));
        assertEquals(new PythonSpec("PyPy", 3, null, null, false, null, null, null), PythonSpec.parse("pypy3"));
        assertEquals(new PythonSpec(null, 3, 13, null, true, null, null, null), PythonSpec.parse("python3.13t"));
        PythonSpec pep = PythonSpec.parse("cpython~=3.11.0");
        assertEquals("CPython", pep.implementation());
        assertEquals("~=3.11.0", pep.specifier().toString());
        assertNull(pep.major());
    }

    @ParameterizedTest
    @CsvSource({"/usr/bin/python3", "./venv/bin/python", "bin/python", "mypython", "python3-config", "'>=abc'"})
    void pathsAndOddNamesAreNotDescriptions(String text) {
        PythonSpec spec = PythonSpec.parse(text);
        assertTrue(spec.isPathOrName());
        assertEquals(text, spec.path());
        assertEquals(text.contains("/"), spec.isFilePath());
    }

    @ParameterizedTest(name = "{0} could be {1}: {2}")
    @CsvSource({
            "3.9, python3.9, true", "3.9, python3.11, false", "3.9, python3, true", "3.9, python, true",
            "3.9, python2, false", "pypy3, python3, true", "cpython3, pypy3, false", ">=3.10, python3.9, false",
            ">=3.10, python3.12, true", "3.13, python3.13t, false", "3.13t, python3.13t, true"})
    void namesRuleOutInterpretersWithoutRunningThem(String spec, String name, boolean could) {
        assertEquals(could, PythonSpec.parse(spec).couldBeNamed(name));
    }
}
