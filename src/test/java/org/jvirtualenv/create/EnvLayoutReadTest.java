package org.jvirtualenv.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.PythonVersion;
import org.jvirtualenv.testing.Described;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An existing environment's layout, read back from its pyvenv.cfg and disk without running an
 * interpreter: the same layout its creator wrote, and a sensible one for environments that venv,
 * uv or an older tool made.
 */
class EnvLayoutReadTest {
    @TempDir
    Path tmp;

    /** Every name a layout gives, in one comparable text. */
    private static String describe(EnvLayout layout) {
        return String.join("\n", "bin=" + layout.binDir(), "lib=" + layout.libDir(), "purelib=" + layout.purelib(),
                "platlib=" + layout.platlib(), "include=" + layout.include(), "headers=" + layout.headers(),
                "python=" + layout.pythonExecutable(), "names=" + layout.executableNames(),
                "extra=" + layout.extraDirs(), "suffix=" + layout.scriptSuffix(), "windows=" + layout.windows(),
                "version=" + layout.pythonVersion(), "sites=" + layout.sitePackages(),
                "implementation=" + layout.facts().implementation(),
                "freeThreaded=" + layout.facts().freeThreaded(),
                "lib64=" + (layout instanceof PosixLayout posix && posix.wantsLib64()));
    }

    /** A described POSIX interpreter whose binary really exists (as a plain file) under tmp. */
    private PythonInfo posix(String implementation, int major, int minor, boolean freeThreaded) throws IOException {
        String name = (implementation.equals("PyPy") ? "pypy" : "python") + major + "." + minor + (freeThreaded ? "t" : "");
        Path prefix = tmp.resolve("base-" + name);
        Path exe = prefix.resolve("bin").resolve(name);
        Files.createDirectories(exe.getParent());
        Files.writeString(exe, "not really an interpreter\n");
        return new PythonInfo(implementation, new PythonVersion(major, minor, 4, "final", 0), major + "." + minor + ".4",
                exe.toString(), exe.toString(), prefix.toString(), prefix.toString(), prefix.toString(),
                prefix.toString(), false, "linux", "posix", "x86_64", 64, freeThreaded, Map.of(), Map.of(),
                prefix.resolve("lib").resolve(name).toString(), List.of(), null);
    }

    private Path make(PlannedCreator creator, String name) throws IOException {
        Path dest = tmp.resolve(name);
        Files.createDirectories(dest);
        new PlanExecutor().apply(creator.plan(new CreatorInput(dest, false, false, null, true, "1.0")), dest);
        return dest;
    }

    @Test
    void whatEachPosixCreatorWroteReadsBackAsItsLayout() throws IOException {
        List<PlannedCreator> creators = List.of(
                new CPython3PosixCreator(posix("CPython", 3, 11, false)),
                new CPython3PosixCreator(posix("CPython", 3, 13, true)),
                new CPython2PosixCreator(posix("CPython", 2, 7, false)),
                new PyPy3PosixCreator(posix("PyPy", 3, 10, false)),
                new PyPy3PosixCreator(posix("PyPy", 3, 7, false)));
        int n = 0;
        for (PlannedCreator creator : creators) {
            Path dest = make(creator, "env" + n++);
            EnvLayout read = EnvLayout.read(dest);
            assertEquals(describe(creator.layout()), describe(read), dest.toString());
            assertEquals(creator.layout().facts(), read.facts(), "the full version comes back from version_info");
        }
    }

    @Test
    void aWindowsEnvironmentIsRecognisedByItsScriptsFolder() throws IOException {
        PythonInfo py = Described.windowsCPython(3, 12, 1, "C:\\Python312", List.of("python.exe", "pythonw.exe"),
                List.of(), Map.of(), List.of());
        // What WindowsCreator writes, minus the copies of files that only exist on Windows.
        String cfg = PlanTexts.written(new WindowsCreator(py).plan(new CreatorInput(tmp, false, false, null, false,
                "1.0")), "pyvenv.cfg");
        Path dest = Files.createDirectories(tmp.resolve("win"));
        Files.createDirectories(dest.resolve("Scripts"));
        Files.createDirectories(dest.resolve("Lib/site-packages"));
        Files.writeString(dest.resolve("pyvenv.cfg"), cfg);
        assertEquals(describe(new WindowsCreator(py).layout()), describe(EnvLayout.read(dest)));
    }

    @Test
    void venvsOwnPyvenvCfgGivesTheVersionAndTheDiskTheRest() throws IOException {
        // python3.12 -m venv: no implementation or version_info keys.
        Path dest = tmp.resolve("venv");
        Files.createDirectories(dest.resolve("bin"));
        Files.createDirectories(dest.resolve("lib/python3.12/site-packages"));
        Files.writeString(dest.resolve("pyvenv.cfg"),
                "home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.12.3\n");
        EnvLayout layout = EnvLayout.read(dest);
        assertEquals("lib/python3.12/site-packages", layout.purelib());
        assertEquals("CPython", layout.facts().implementation());
        assertEquals(new PythonVersion(3, 12, 3, "final", 0), layout.facts().version());

        // A PyPy venv says so only through its library directory's name.
        Path pypy = tmp.resolve("pypy-venv");
        Files.createDirectories(pypy.resolve("bin"));
        Files.createDirectories(pypy.resolve("lib/pypy3.9/site-packages"));
        Files.writeString(pypy.resolve("pyvenv.cfg"), "home = /usr/bin\nversion = 3.9.18\n");
        assertEquals("lib/pypy3.9/site-packages", EnvLayout.read(pypy).purelib());
        assertEquals("PyPy", EnvLayout.read(pypy).facts().implementation());
    }

    @Test
    void withoutAVersionInPyvenvCfgTheLibraryDirectoryTells() throws IOException {
        Path dest = tmp.resolve("bare");
        Files.createDirectories(dest.resolve("bin"));
        Files.createDirectories(dest.resolve("lib/python3.10/site-packages"));
        Files.writeString(dest.resolve("pyvenv.cfg"), "home = /usr/bin\nrelocatable = true\n");
        EnvLayout layout = EnvLayout.read(dest);
        assertEquals("3.10", layout.pythonVersion());
        assertEquals(List.of("lib/python3.10/site-packages"), layout.sitePackages());
    }

    @Test
    void anEnvironmentThatTellsNoVersionIsRefusedWithWhatToDo() throws IOException {
        Path dest = tmp.resolve("unknown");
        Files.createDirectories(dest.resolve("bin"));
        Files.writeString(dest.resolve("pyvenv.cfg"), "home = /usr/bin\n");
        VirtualenvException e = assertThrows(VirtualenvException.class, () -> EnvLayout.read(dest));
        assertEquals("cannot tell the Python version of " + dest + ": its pyvenv.cfg names none and no "
                + "lib/pythonX.Y is there; add version = X.Y.Z to its pyvenv.cfg", e.getMessage());
        assertThrows(IOException.class, () -> EnvLayout.read(tmp.resolve("missing")));
    }

    @Test
    void versionsAreReadInEveryFormToolsWrite() {
        assertEquals(new PythonVersion(3, 11, 7, "final", 0), ExistingLayout.parseVersion("3.11.7.final.0").orElseThrow());
        assertEquals(new PythonVersion(3, 13, 0, "candidate", 1),
                ExistingLayout.parseVersion("3.13.0.candidate.1").orElseThrow());
        assertEquals(new PythonVersion(3, 12, 1, "final", 0), ExistingLayout.parseVersion("3.12.1").orElseThrow());
        assertEquals("3.13", ExistingLayout.parseVersion("3.13.0rc1").orElseThrow().majorMinor());
        assertEquals("2.7", ExistingLayout.parseVersion("2.7").orElseThrow().majorMinor());
        assertTrue(ExistingLayout.parseVersion("unknown").isEmpty());
        assertTrue(ExistingLayout.parseVersion(null).isEmpty());
    }
}
