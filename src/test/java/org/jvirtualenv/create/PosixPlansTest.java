package org.jvirtualenv.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.PythonVersion;
import org.jvirtualenv.testing.Described;
import org.jvirtualenv.testing.Interpreters;
import org.jvirtualenv.util.ElfDynamic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** POSIX plans against described installations: Python 2's legacy layout, shared libraries, PyPy's names. */
class PosixPlansTest {
    /** A described base installation: these files exist, the binary links like this, these are links. */
    private record FakeBase(Set<String> files, Set<String> dirs, ElfDynamic elf, Map<String, String> links)
            implements BaseFiles {
        FakeBase(Set<String> files, Set<String> dirs, ElfDynamic elf) {
            this(files, dirs, elf, Map.of());
        }

        @Override
        public boolean exists(String path) {
            return files.contains(path) || dirs.contains(path);
        }

        @Override
        public boolean isDirectory(String path) {
            return dirs.contains(path);
        }

        @Override
        public List<String> filesUnder(String dir) {
            return files.stream().filter(f -> f.startsWith(dir + "/")).map(f -> f.substring(dir.length() + 1)).sorted().toList();
        }

        @Override
        public Optional<ElfDynamic> elf(String executable) {
            return Optional.ofNullable(elf);
        }

        @Override
        public String realPath(String path) {
            return links.getOrDefault(path, path);
        }
    }

    private static CreatorInput input(boolean copies, boolean system) {
        return new CreatorInput(Path.of("/env"), system, copies, null, false, "1.0");
    }

    @Test
    void python27GetsACopiedBinaryBootModulesAndOurSite() {
        PythonInfo py = Described.posixCPython(2, 7, 18, "/opt/py27");
        FakeBase base = new FakeBase(
                Set.of("/opt/py27/lib/python2.7/os.py", "/opt/py27/lib/python2.7/posixpath.py",
                        "/opt/py27/lib/python2.7/encodings/__init__.py", "/opt/py27/lib/python2.7/encodings/utf_8.py",
                        "/opt/py27/lib/python2.7/encodings/utf_8.pyc", "/opt/py27/lib/python2.7/lib-dynload/_ssl.so"),
                Set.of("/opt/py27/lib/python2.7/encodings", "/opt/py27/lib/python2.7/lib-dynload"),
                new ElfDynamic(List.of("libpython2.7.so.1.0", "libc.so.6"), List.of("/opt/py27/lib")));
        CreationPlan links = new CPython2PosixCreator(py, base).plan(input(false, false));
        assertEquals(List.of(
                "mkdir bin", "mkdir lib/python2.7/site-packages", "mkdir include", "link lib64 -> lib",
                "write pyvenv.cfg",
                "copy bin/python <- /opt/py27/bin/python2.7",
                "link bin/python2 -> python",
                "link bin/python2.7 -> python",
                "link lib/python2.7/os.py -> /opt/py27/lib/python2.7/os.py",
                "link lib/python2.7/posixpath.py -> /opt/py27/lib/python2.7/posixpath.py",
                "link lib/python2.7/encodings -> /opt/py27/lib/python2.7/encodings",
                "link lib/python2.7/lib-dynload -> /opt/py27/lib/python2.7/lib-dynload",
                "write lib/python2.7/site.py",
                "write lib/python2.7/orig-prefix.txt",
                "write lib/python2.7/no-global-site-packages.txt",
                "write CACHEDIR.TAG unless present"), links.describe());

        CreationPlan copies = new CPython2PosixCreator(py, base).plan(input(true, true));
        assertEquals(List.of(
                "mkdir bin", "mkdir lib/python2.7/site-packages", "mkdir include", "link lib64 -> lib",
                "write pyvenv.cfg",
                "copy bin/python <- /opt/py27/bin/python2.7",
                "copy bin/python2 <- /opt/py27/bin/python2.7",
                "copy bin/python2.7 <- /opt/py27/bin/python2.7",
                "copy lib/python2.7/os.py <- /opt/py27/lib/python2.7/os.py",
                "copy lib/python2.7/posixpath.py <- /opt/py27/lib/python2.7/posixpath.py",
                "mkdir lib/python2.7/encodings",
                "copy lib/python2.7/encodings/__init__.py <- /opt/py27/lib/python2.7/encodings/__init__.py",
                "copy lib/python2.7/encodings/utf_8.py <- /opt/py27/lib/python2.7/encodings/utf_8.py",
                "mkdir lib/python2.7/lib-dynload",
                "copy lib/python2.7/lib-dynload/_ssl.so <- /opt/py27/lib/python2.7/lib-dynload/_ssl.so",
                "write lib/python2.7/site.py",
                "write lib/python2.7/orig-prefix.txt",
                "write CACHEDIR.TAG unless present"), copies.describe());
        assertEquals("/opt/py27", PlanTexts.written(copies, "lib/python2.7/orig-prefix.txt"));
    }

    @Test
    void aCopyTakesTheSharedLibraryOnlyWhenTheBinaryLoadsItFromBesideItself() {
        PythonInfo py = Described.posixCPython(3, 12, 1, "/opt/py");
        ElfDynamic origin = new ElfDynamic(List.of("libpython3.12.so.1.0", "libc.so.6"), List.of("$ORIGIN/../lib"));
        FakeBase portable = new FakeBase(Set.of("/opt/py/lib/libpython3.12.so.1.0"), Set.of(), origin);
        List<String> copied = new CPython3PosixCreator(py, portable).plan(input(true, false)).describe();
        assertTrue(copied.contains("copy lib/libpython3.12.so.1.0 <- /opt/py/lib/libpython3.12.so.1.0"), copied.toString());
        // Symlinks: the loader resolves $ORIGIN through the link, nothing to copy.
        assertFalse(new CPython3PosixCreator(py, portable).plan(input(false, false)).describe().stream()
                .anyMatch(s -> s.contains("libpython")));
        // An absolute RUNPATH (pyenv) or none at all (system library path) needs nothing either.
        FakeBase absolute = new FakeBase(Set.of("/opt/py/lib/libpython3.12.so.1.0"), Set.of(),
                new ElfDynamic(List.of("libpython3.12.so.1.0"), List.of("/opt/py/lib")));
        assertFalse(new CPython3PosixCreator(py, absolute).plan(input(true, false)).describe().stream()
                .anyMatch(s -> s.contains("libpython")));
        // $ORIGIN naming a folder without the library: nothing to copy.
        FakeBase debianPypy = new FakeBase(Set.of(), Set.of(), new ElfDynamic(List.of("libpypy3.9-c.so"), List.of("$ORIGIN/")));
        assertEquals(List.of(), SharedLibraries.forCopiedBinary("/usr/bin/pypy3.9", "bin", debianPypy));
        FakeBase portablePypy = new FakeBase(Set.of("/opt/pypy/bin/libpypy3.9-c.so"), Set.of(),
                new ElfDynamic(List.of("libpypy3.9-c.so"), List.of("${ORIGIN}")));
        assertEquals(List.of(new SharedLibraries.Copy("bin/libpypy3.9-c.so", "/opt/pypy/bin/libpypy3.9-c.so")),
                SharedLibraries.forCopiedBinary("/opt/pypy/bin/pypy3.9", "bin", portablePypy));
        // Never outside the environment.
        FakeBase escaping = new FakeBase(Set.of("/opt/libpython3.12.so"), Set.of(),
                new ElfDynamic(List.of("libpython3.12.so"), List.of("$ORIGIN/../..")));
        assertEquals(List.of(), SharedLibraries.forCopiedBinary("/opt/py/bin/python3.12", "bin", escaping));
    }

    /** virtualenv 21.14.1's keys, order and values, read off the file it writes for the same base. */
    @Test
    void pyvenvCfgHasVirtualenv21sKeysInItsOrder() {
        PythonInfo py = Described.posixCPython(3, 12, 1, "/opt/py");
        FakeBase linked = new FakeBase(Set.of("/opt/py/bin/python3.12"), Set.of(), null,
                Map.of("/opt/py/bin/python3.12", "/opt/py/libexec/python3.12-real"));
        CreatorInput in = new CreatorInput(Path.of("/env"), false, false, "p", true, "1.0",
                "/usr/local/bin/virtualenv /env");
        assertEquals("""
                home = /opt/py/bin
                implementation = CPython
                python-version = 3.12
                version_info = 3.12.1.final.0
                version = 3.12.1
                executable = /opt/py/libexec/python3.12-real
                command = /usr/local/bin/virtualenv /env
                virtualenv = 1.0
                prompt = "p"
                include-system-site-packages = false
                base-prefix = /opt/py
                base-exec-prefix = /opt/py
                base-executable = /opt/py/bin/python3.12
                """, PlanTexts.written(new CPython3PosixCreator(py, linked).plan(in), "pyvenv.cfg"));
        // Not started as a command (a library call): no command line, the rest the same.
        String withoutCommand = PlanTexts.written(new CPython3PosixCreator(py, linked).plan(input(false, false)),
                "pyvenv.cfg");
        assertFalse(withoutCommand.contains("command ="), withoutCommand);
        assertTrue(withoutCommand.contains("\nexecutable = /opt/py/libexec/python3.12-real\nvirtualenv = 1.0\n"),
                withoutCommand);
    }

    @Test
    void pypyHasItsOwnNamesAndSitePackages() {
        PythonInfo py = new PythonInfo("PyPy", new PythonVersion(3, 9, 16, "final", 0), "3.9.16", "/usr/bin/pypy3.9",
                "/usr/bin/pypy3.9", "/usr", "/usr", "/usr", "/usr", false, "linux", "posix", "x86_64", 64, false,
                Map.of(), Map.of(), "/usr/lib/pypy3.9", List.of(), null);
        PlannedCreator creator = Creators.forTarget(py);
        assertEquals("PyPy3Posix", creator.name());
        List<String> plan = creator.plan(input(false, false)).describe();
        assertTrue(plan.containsAll(List.of("mkdir lib/pypy3.9/site-packages", "link bin/python -> /usr/bin/pypy3.9",
                "link bin/python3 -> python", "link bin/python3.9 -> python", "link bin/pypy3 -> python",
                "link bin/pypy -> python")), plan.toString());
    }

    @Test
    void elfReaderReadsRealInterpreters() {
        List<Interpreters.Found> found = Interpreters.all();
        Assumptions.assumeFalse(found.isEmpty(), "no interpreter on this machine");
        for (Interpreters.Found f : found) {
            Path exe = f.executable();
            Optional<ElfDynamic> elf = ElfDynamic.read(exe);
            assertTrue(elf.isPresent(), exe + " is a dynamically linked ELF binary");
            assertTrue(elf.get().needed().stream().anyMatch(n -> n.startsWith("libc.so")), elf.toString());
            if (exe.toString().contains("/.pyenv/versions/") && f.label().startsWith("pyenv")) {
                assertTrue(elf.get().needed().stream().anyMatch(n -> n.startsWith("libpython")), elf.toString());
            }
        }
        assertTrue(ElfDynamic.read(Path.of("/etc/hostname")).isEmpty() || !Files.exists(Path.of("/etc/hostname")));
    }
}
