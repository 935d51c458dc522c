package org.jvirtualenv.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.testing.Described;
import org.jvirtualenv.testing.TestWheels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeder chosen for the options, and what it says it will do before it does anything. */
class SeedersTest {
    private static final PythonInfo PY311 = Described.posixCPython(3, 11, 7, "/nowhere");
    private static final PythonInfo PY312 = Described.posixCPython(3, 12, 1, "/nowhere");

    @TempDir
    Path tmp;

    private SeedOptions options(boolean enabled, Map<String, String> choices, List<Path> extraSearchDirs,
                                SeederKind kind, boolean symlink) {
        return new SeedOptions(enabled, choices, tmp.resolve("app-data"), extraSearchDirs, kind, false, false, false,
                symlink ? LinkMode.SYMLINK : LinkMode.HARDLINK);
    }

    @Test
    void describesTheDecidedChoicesAndHowFilesArrive() {
        assertEquals("app-data (pip=bundle, setuptools=bundle, via=hardlink)",
                Seeders.forOptions(options(true, Map.of(), List.of(), SeederKind.APP_DATA, false), Map.of())
                        .describe(PY311));
        assertEquals("app-data (pip=bundle, via=symlink)",
                Seeders.forOptions(options(true, Map.of(), List.of(), SeederKind.APP_DATA, true), Map.of())
                        .describe(PY312));
        assertEquals("pip (pip=24.2, setuptools=embed, wheel=bundle, via=pip)",
                Seeders.forOptions(options(true, Map.of("pip", "24.2", "setuptools", "embed", "wheel", "bundle"),
                        List.of(), SeederKind.PIP, false), Map.of()).describe(PY311));
        assertEquals("none", Seeders.forOptions(options(false, Map.of(), List.of(), SeederKind.APP_DATA, false),
                Map.of()).describe(PY311));
        assertFalse(Files.exists(tmp.resolve("app-data")), "describing writes nothing");
    }

    @Test
    void theWheelDefaultFollowsTheSetuptoolsThatWouldBeSeeded() throws Exception {
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        TestWheels.withMetadata(extra, "setuptools", "66.0.0", "");
        assertEquals("app-data (pip=bundle, setuptools=66.0.0, wheel=bundle, via=hardlink)",
                Seeders.forOptions(options(true, Map.of("setuptools", "66.0.0"), List.of(extra), SeederKind.APP_DATA,
                        false), Map.of()).describe(PY311));
    }

    @Test
    void noSeedSeedsNothing() {
        SeedResult result = Seeders.forOptions(options(false, Map.of(), List.of(), SeederKind.PIP, false), Map.of())
                .seed(new SeedTarget(InstallScheme.unpacked(tmp, tmp.resolve("site"), tmp), PY311));
        assertEquals(List.of(), result.installed());
        assertFalse(Files.exists(tmp.resolve("site")));
    }

    @Test
    void choicesThatAreNotChoicesAreRefusedWhenTheOptionsAreMade() {
        assertThrows(IllegalArgumentException.class,
                () -> options(true, Map.of("pip", "bundel"), List.of(), SeederKind.APP_DATA, false));
    }
}
