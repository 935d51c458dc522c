package org.jvirtualenv.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.PythonVersion;
import org.jvirtualenv.testing.Described;
import org.jvirtualenv.util.Processes;
import org.junit.jupiter.api.Test;

/**
 * The typed {@code --creator} value, which creators fit which target (described, not run), and
 * the pure parts of the venv creator: the pyvenv.cfg it ends with, the environment it runs the
 * interpreter in, the one line a failed run becomes.
 */
class CreatorChoiceTest {
    private static final PythonInfo CPYTHON_311 = Described.posixCPython(3, 11, 7, "/opt/py311");
    private static final PythonInfo CPYTHON_27 = Described.posixCPython(2, 7, 18, "/opt/py27");
    private static final PythonInfo PYPY_39 = new PythonInfo("PyPy", new PythonVersion(3, 9, 16, "final", 0), "3.9.16",
            "/usr/bin/pypy3.9", "/usr/bin/pypy3.9", "/usr", "/usr", "/usr", "/usr", false, "linux", "posix", "x86_64", 64,
            false, Map.of(), Map.of(), "/usr/lib/pypy3.9", List.of(), null);
    private static final PythonInfo WINDOWS_312 = Described.windowsCPython(3, 12, 1, "C:\\Python312",
            List.of("python.exe", "pythonw.exe"), List.of(), Map.of(), List.of());

    @Test
    void everyNameParsesToItselfInHelpOrder() {
        assertEquals(List.of("builtin", "venv", "cpython3-posix", "cpython2-posix", "pypy3-posix", "cpython3-win"),
                CreatorChoice.names());
        for (String name : CreatorChoice.names()) {
            assertEquals(name, CreatorChoice.parse(name).text());
            assertEquals(name, CreatorChoice.parse(name).toString());
        }
        assertEquals(CreatorChoice.VENV, CreatorChoice.parse(" Venv\n"), "blanks and case do not matter");
        assertEquals(CreatorChoice.CPYTHON3_POSIX, CreatorChoice.parse("CPython3-Posix"));
        assertFalse(CreatorChoice.BUILTIN.concrete());
        assertFalse(CreatorChoice.VENV.concrete());
        assertTrue(CreatorChoice.PYPY3_POSIX.concrete());
    }

    @Test
    void anUnknownNameListsWhatIsAllowed() {
        for (String bad : new String[] {"virtualenv", "", "cpython3", "builtin,venv"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CreatorChoice.parse(bad));
            assertEquals("expected builtin, venv, cpython3-posix, cpython2-posix, pypy3-posix or cpython3-win",
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> CreatorChoice.parse(null));
    }

    @Test
    void builtinIsTheNativeCreatorOfEachTarget() {
        assertEquals("CPython3Posix", Creators.forTarget(CPYTHON_311).name());
        assertEquals("CPython2Posix", Creators.forTarget(CPYTHON_27).name());
        assertEquals("PyPy3Posix", Creators.forTarget(PYPY_39).name());
        assertEquals("CPython3Windows", Creators.forTarget(WINDOWS_312).name());
        assertEquals("CPython3Posix", Creators.forChoice(CreatorChoice.BUILTIN, CPYTHON_311, Map.of(), Path.of("/")).name());
    }

    @Test
    void eachTargetListsTheChoicesThatFitIt() {
        assertEquals(List.of(CreatorChoice.BUILTIN, CreatorChoice.VENV, CreatorChoice.CPYTHON3_POSIX),
                Creators.applicable(CPYTHON_311));
        assertEquals(List.of(CreatorChoice.BUILTIN, CreatorChoice.CPYTHON2_POSIX), Creators.applicable(CPYTHON_27));
        assertEquals(List.of(CreatorChoice.BUILTIN, CreatorChoice.VENV, CreatorChoice.PYPY3_POSIX),
                Creators.applicable(PYPY_39));
        assertEquals(List.of(CreatorChoice.BUILTIN, CreatorChoice.VENV, CreatorChoice.CPYTHON3_WIN),
                Creators.applicable(WINDOWS_312));
    }

    @Test
    void aConcreteCreatorThatFitsIsUsedAndOneThatDoesNotIsAUsageError() {
        assertEquals("CPython3Posix",
                Creators.forChoice(CreatorChoice.CPYTHON3_POSIX, CPYTHON_311, Map.of(), Path.of("/")).name());
        assertEquals("PyPy3Posix", Creators.forChoice(CreatorChoice.PYPY3_POSIX, PYPY_39, Map.of(), Path.of("/")).name());

        VirtualenvException e = assertThrows(VirtualenvException.class,
                () -> Creators.forChoice(CreatorChoice.CPYTHON2_POSIX, CPYTHON_311, Map.of(), Path.of("/")));
        assertEquals(VirtualenvException.USAGE, e.exitCode());
        assertEquals("creator cpython2-posix cannot create a CPython 3.11 environment on linux: "
                + "use builtin, venv or cpython3-posix", e.getMessage());

        e = assertThrows(VirtualenvException.class,
                () -> Creators.forChoice(CreatorChoice.CPYTHON3_POSIX, CPYTHON_27, Map.of(), Path.of("/")));
        assertEquals("creator cpython3-posix cannot create a CPython 2.7 environment on linux: "
                + "use builtin or cpython2-posix", e.getMessage());

        e = assertThrows(VirtualenvException.class,
                () -> Creators.forChoice(CreatorChoice.CPYTHON3_WIN, PYPY_39, Map.of(), Path.of("/")));
        assertEquals("creator cpython3-win cannot create a PyPy 3.9 environment on linux: "
                + "use builtin, venv or pypy3-posix", e.getMessage());
    }

    @Test
    void venvIsRefusedForPython2WithoutRunningIt() {
        // The described 2.7 does not exist: refusing must not need to run it.
        VirtualenvException e = assertThrows(VirtualenvException.class,
                () -> Creators.forChoice(CreatorChoice.VENV, CPYTHON_27, Map.of(), Path.of("/")));
        assertEquals(VirtualenvException.USAGE, e.exitCode());
        assertEquals("creator venv needs the venv module, which CPython 2.7 does not have: use creator builtin",
                e.getMessage());
    }

    @Test
    void pyvenvCfgKeepsVenvsKeysAndAddsVirtualenvsInItsOrder() {
        String venv311 = "home = /opt/py311/bin\n"
                + "include-system-site-packages = false\n"
                + "version = 3.11.7\n"
                + "executable = /opt/py311/bin/python3.11\n"
                + "command = /opt/py311/bin/python3.11 -m venv --without-pip --symlinks /work/env\n";
        CreatorInput in = new CreatorInput(Path.of("/work/env"), true, false, "my env", true, "9.9");
        assertEquals("home = /opt/py311/bin\n"
                + "implementation = CPython\n"
                + "python-version = 3.11\n"
                + "version_info = 3.11.7.final.0\n"
                + "version = 3.11.7\n"
                + "executable = /opt/py311/bin/python3.11\n"
                + "command = /opt/py311/bin/python3.11 -m venv --without-pip --symlinks /work/env\n"
                + "virtualenv = 9.9\n"
                + "prompt = \"my env\"\n"
                + "include-system-site-packages = true\n",
                VenvCreator.pyvenvCfg(venv311, CPYTHON_311, in, "/elsewhere/python3.11", "not used: venv wrote its own"));

        // 3.7's venv writes three keys; a prompt with a line break stays out of the file.
        String venv37 = "home = /opt/py37/bin\ninclude-system-site-packages = false\nversion = 3.7.16\n";
        PythonInfo py37 = Described.posixCPython(3, 7, 16, "/opt/py37");
        CreatorInput in37 = new CreatorInput(Path.of("/work/env"), false, false, "two\nlines", true, "9.9");
        assertEquals("home = /opt/py37/bin\n"
                + "implementation = CPython\n"
                + "python-version = 3.7\n"
                + "version_info = 3.7.16.final.0\n"
                + "version = 3.7.16\n"
                + "executable = /opt/py37/bin/python3.7\n"
                + "command = /opt/py37/bin/python3.7 -m venv --without-pip --symlinks /work/env\n"
                + "virtualenv = 9.9\n"
                + "include-system-site-packages = false\n", VenvCreator.pyvenvCfg(venv37, py37, in37,
                "/opt/py37/bin/python3.7", "/opt/py37/bin/python3.7 -m venv --without-pip --symlinks /work/env"));
    }

    @Test
    void venvGetsTheOptionsVirtualenvPassesIt() {
        PythonInfo py313 = Described.posixCPython(3, 13, 0, "/opt/py313");
        CreatorInput links = new CreatorInput(Path.of("/work/env"), false, false, "p", true, "9.9");
        assertEquals(List.of("-m", "venv", "--without-pip", "--without-scm-ignore-files", "--symlinks", "/work/env"),
                VenvCreator.argumentsFor(py313, EnvLayout.forTarget(py313), links));
        CreatorInput copies = new CreatorInput(Path.of("/work/env"), true, true, null, false, "9.9");
        assertEquals(List.of("-m", "venv", "--without-pip", "--system-site-packages", "--copies", "/work/env"),
                VenvCreator.argumentsFor(CPYTHON_311, EnvLayout.forTarget(CPYTHON_311), copies));
        CreatorInput windows = new CreatorInput(Path.of("C:\\env"), false, false, null, true, "9.9");
        assertEquals(List.of("-m", "venv", "--without-pip", "C:\\env"),
                VenvCreator.argumentsFor(WINDOWS_312, EnvLayout.forTarget(WINDOWS_312), windows));
    }

    @Test
    void theInterpreterRunsWithoutWhatSteersPythonPipOrVirtualenv() {
        Map<String, String> env = VenvCreator.childEnvironment(Map.of("PATH", "/usr/bin", "HOME", "/home/u",
                "LANG", "C.UTF-8", "PYTHONPATH", "/evil", "PYTHONHOME", "/evil", "PYTHONDONTWRITEBYTECODE", "1",
                "PIP_INDEX_URL", "http://x", "VIRTUALENV_CREATOR", "venv", "VIRTUAL_ENV", "/other",
                "__PYVENV_LAUNCHER__", "/x"));
        assertEquals(Map.of("PATH", "/usr/bin", "HOME", "/home/u", "LANG", "C.UTF-8"), env);
    }

    @Test
    void aFailedRunBecomesOneLine() {
        assertEquals("Error: [Errno 13] Permission denied: '/x'",
                VenvCreator.summary(new Processes.Result(1, "", "Error: [Errno 13] Permission denied: '/x'\n")));
        assertEquals("ModuleNotFoundError: No module named 'venv'", VenvCreator.summary(new Processes.Result(1, "",
                "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n"
                        + "ModuleNotFoundError: No module named 'venv'\n")));
        // Debian's venv explains a missing ensurepip over several lines of stdout.
        assertEquals("The virtual environment was not created successfully because ensurepip is not available. "
                + "On Debian/Ubuntu systems, you need to install the python3-venv package.",
                VenvCreator.summary(new Processes.Result(1, "The virtual environment was not created successfully "
                        + "because ensurepip is not\navailable. On Debian/Ubuntu systems, you need to install the "
                        + "python3-venv package.\n\n", "")));
        assertEquals("exit code 3", VenvCreator.summary(new Processes.Result(3, "", "")));
    }
}
