package org.jvirtualenv.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.seed.SeedChoice;
import org.jvirtualenv.seed.SeederKind;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.testing.ProcessResult;
import org.jvirtualenv.testing.Run;
import org.jvirtualenv.testing.TestWheels;
import org.jvirtualenv.util.VirtualenvException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seed wheel in {@code --extra-search-dir} is input, not trusted code: it may not replace the
 * environment's interpreter, activators or pyvenv.cfg, pass for another distribution, or cost time
 * and disk in proportion to what it claims. Each hostile wheel is refused with one line naming it
 * and why; the genuine bundled wheel is seeded instead, or, when that exact version was asked for,
 * creation fails with that line and leaves nothing behind.
 */
class HostileSeedWheelTest {
    @TempDir
    Path tmp;

    private Map<String, String> env;
    private Interpreters.Found python;
    private Path extra;

    @BeforeEach
    void setUp() {
        env = Run.cleanEnvironment(tmp.resolve("home"));
        python = Interpreters.cpython3(10).stream().filter(f -> f.minor() <= 11).reduce((a, b) -> b)
                .orElse(Interpreters.any3());
        extra = tmp.resolve("extra");
    }

    private CreateRequest.Builder request(Path dest) {
        return CreateRequest.builder(dest).python(python.executable().toString()).environment(env).workDir(tmp)
                .appData(tmp.resolve("app-data")).extraSearchDir(extra)
                .seedChoice("setuptools", SeedChoice.parse("none")).seedChoice("wheel", SeedChoice.parse("none"));
    }

    /** A pip-99.0 wheel with a real pip package and these extra entries. */
    private Path hostilePip(Map<String, String> more, String entryPoints) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pip/__init__.py", "def main():\n    print('pwned pip')\n");
        files.putAll(more);
        return TestWheels.build(extra, "pip", "99.0", files, entryPoints);
    }

    /**
     * Creates with the hostile wheel present, and checks the environment is whole: the genuine pip
     * seeded and running on the environment's own interpreter, the refusal in the warnings.
     */
    private CreateResult createPassingOver(Path dest, SeederKind seeder, String why) throws IOException {
        CreateResult r = Virtualenv.create(request(dest).seeder(seeder).build());
        String pip = r.seed().installed().stream().filter(d -> d.name().equals("pip")).findFirst().orElseThrow().version();
        assertNotEquals("99.0", pip);
        List<String> warnings = r.seed().warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("pip-99.0-py2.py3-none-any.whl") && warnings.get(0).contains(why)
                && !warnings.get(0).contains("\n"), warnings.get(0));
        ProcessResult version = Run.command(env, tmp, List.of(dest.resolve("bin/pip").toString(), "--version"));
        assertTrue(version.exitCode() == 0 && version.stdout().startsWith("pip " + pip + " "), version.describe());
        ProcessResult prefix = Run.command(env, tmp, List.of(dest.resolve("bin/python").toString(), "-c",
                "import sys; print(sys.prefix)"));
        assertEquals(dest.toRealPath().toString(), prefix.stdout().strip(), prefix.describe());
        return r;
    }

    private void assertExactVersionRefused(Path dest, String why) {
        VirtualenvException e = assertThrows(VirtualenvException.class,
                () -> Virtualenv.create(request(dest).seedChoice("pip", SeedChoice.parse("99.0")).build()));
        assertTrue(e.getMessage().contains("pip-99.0-py2.py3-none-any.whl") && e.getMessage().contains(why)
                && !e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(dest), "nothing half-made");
    }

    @ParameterizedTest
    @EnumSource(SeederKind.class)
    void dataScriptsCannotReplaceTheInterpreterOrAnActivator(SeederKind seeder) throws IOException {
        hostilePip(Map.of("pip-99.0.data/scripts/python", "#!/bin/sh\necho pwned\n"), null);
        createPassingOver(tmp.resolve("py"), seeder, "'pip-99.0.data/scripts/python' would replace the environment's bin/python");

        Files.delete(extra.resolve("pip-99.0-py2.py3-none-any.whl"));
        hostilePip(Map.of("pip-99.0.data/scripts/activate", "echo pwned\n"), null);
        Path dest = tmp.resolve("act");
        createPassingOver(dest, seeder, "would replace the environment's bin/activate");
        assertTrue(Files.readString(dest.resolve("bin/activate")).contains("deactivate"), "our activator");
        assertExactVersionRefused(tmp.resolve("exact"), "bin/activate");
    }

    @Test
    void dataFilesCannotReplacePyvenvCfgOrReachBinThroughTheDataKey() throws IOException {
        hostilePip(Map.of("pip-99.0.data/data/pyvenv.cfg", "home = /tmp/evil\n"), null);
        Path dest = tmp.resolve("cfg");
        createPassingOver(dest, SeederKind.APP_DATA, "would replace the environment's pyvenv.cfg");
        assertFalse(Files.readString(dest.resolve("pyvenv.cfg")).contains("evil"));

        Files.delete(extra.resolve("pip-99.0-py2.py3-none-any.whl"));
        hostilePip(Map.of("pip-99.0.data/data/bin/python3", "#!/bin/sh\necho pwned\n"), null);
        createPassingOver(tmp.resolve("data-bin"), SeederKind.APP_DATA, "would replace the environment's bin/python3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "python3", "activate.fish", "Activate.ps1"})
    void consoleScriptsCannotTakeTheEnvironmentsNames(String script) throws IOException {
        hostilePip(Map.of(), "[console_scripts]\n" + script + " = pip:main\n");
        createPassingOver(tmp.resolve("cs"), SeederKind.APP_DATA, "console script '" + script + "' would replace");
        assertExactVersionRefused(tmp.resolve("exact"), "console script '" + script + "'");
    }

    @Test
    void aWheelCannotPassForAnotherDistribution() throws IOException {
        Path evil = TestWheels.demo(tmp.resolve("build"), "evil", "1.0", "evil");
        Files.createDirectories(extra);
        Files.move(evil, extra.resolve("pip-99.0-py2.py3-none-any.whl"));
        for (SeederKind seeder : SeederKind.values()) {
            Path dest = tmp.resolve("impostor-" + seeder);
            CreateResult r = createPassingOver(dest, seeder, "it holds evil-1.0.dist-info, not the pip 99.0");
            assertTrue(r.seed().installed().stream().noneMatch(d -> d.name().equals("evil")), r.seed().installed().toString());
            assertFalse(Files.exists(dest.resolve("bin/evil")));
        }
        assertExactVersionRefused(tmp.resolve("exact"), "evil-1.0.dist-info");
    }

    @Test
    void aZipBombIsRefusedFromItsDeclaredSizesAtOnce() throws IOException {
        TestWheels.zipBomb(extra, "pip", "99.0", 1L << 30);
        long start = System.nanoTime();
        createPassingOver(tmp.resolve("bomb"), SeederKind.APP_DATA, "would unpack to more than 100 MB");
        long millis = (System.nanoTime() - start) / 1_000_000;
        // A normal cold creation with pip takes about a second here; inflating the bomb took 19 s.
        assertTrue(millis < 5_000, "took " + millis + " ms");
        start = System.nanoTime();
        assertExactVersionRefused(tmp.resolve("exact"), "would unpack to more than 100 MB");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000, "refusing a bomb is instant");
    }

    @Test
    void aHugeFileNamedLikeAWheelIsRefusedWithoutReadingIt() throws IOException {
        Files.createDirectories(extra);
        try (RandomAccessFile sparse = new RandomAccessFile(extra.resolve("pip-99.0-py2.py3-none-any.whl").toFile(), "rw")) {
            sparse.setLength(2L << 30);
        }
        long start = System.nanoTime();
        assertExactVersionRefused(tmp.resolve("exact"), "more than a seed wheel may be");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
        createPassingOver(tmp.resolve("sparse"), SeederKind.APP_DATA, "more than a seed wheel may be");

        // Small but not a zip: refused from its first four bytes.
        Files.delete(extra.resolve("pip-99.0-py2.py3-none-any.whl"));
        Files.write(extra.resolve("pip-99.0-py2.py3-none-any.whl"), "not a zip at all".getBytes(StandardCharsets.UTF_8));
        createPassingOver(tmp.resolve("notzip"), SeederKind.APP_DATA, "it is not a zip archive");
    }
}
