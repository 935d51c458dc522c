package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jvirtualenv.discovery.PythonVersion;
import org.junit.jupiter.api.Test;

class SeedScriptNamesTest {
    private final SeedScriptNames names = new SeedScriptNames(new PythonVersion(3, 12, 1, "final", 0));

    private List<String> apply(String... declared) {
        return names.apply(java.util.Arrays.stream(declared).map(n -> new EntryPoint(n, "m", "main")).toList())
                .stream().map(EntryPoint::name).toList();
    }

    @Test
    void namesFollowTheTargetNotTheWheelsBuildPython() {
        assertEquals(List.of("pip", "pip3", "pip-3.12", "pip3.12"), apply("pip", "pip3", "pip3.10"));
        assertEquals(List.of("wheel", "wheel3", "wheel-3.12", "wheel3.12"), apply("wheel"));
        assertEquals(List.of("easy_install", "easy_install3", "easy_install-3.12", "easy_install3.12"), apply("easy_install", "easy_install-3.8"));
    }

    @Test
    void aNameThatOnlyLooksVersionedIsKept() {
        assertEquals(List.of("2to3", "2to33", "2to3-3.12", "2to33.12", "py2", "py23", "py2-3.12", "py23.12"), apply("2to3", "py2"));
    }
}
