package org.jvirtualenv.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.testing.Described;
import org.junit.jupiter.api.Test;

/** The exact file plan for Windows interpreters, from described (not run) installations. */
class WindowsCreatorTest {
    private static final String PYVENV_311 = "home = C:\\Python311\n"
            + "implementation = CPython\n"
            + "python-version = 3.11\n"
            + "version_info = 3.11.7.final.0\n"
            + "version = 3.11.7\n"
            + "executable = C:\\Python311\\python.exe\n"
            + "virtualenv = 1.0\n"
            + "include-system-site-packages = false\n"
            + "base-prefix = C:\\Python311\n"
            + "base-exec-prefix = C:\\Python311\n"
            + "base-executable = C:\\Python311\\python.exe\n";

    private static CreationPlan plan(PythonInfo py, boolean copies) {
        CreatorInput in = new CreatorInput(Path.of("/unused"), false, copies, null, true, "1.0");
        PlannedCreator creator = Creators.forTarget(py);
        assertEquals("CPython3Windows", creator.name());
        return creator.plan(in);
    }

    @Test
    void withoutALauncherTheInterpreterIsCopiedWithItsDllsAndZip() {
        PythonInfo py = Described.windowsCPython(3, 11, 7, "C:\\Python311",
                List.of("python.exe", "python3.dll", "python311.dll", "python311.zip", "pythonw.exe",
                        "vcruntime140.dll", "vcruntime140_1.dll"),
                List.of("_ctypes.pyd", "_socket.pyd", "libffi-8.dll", "sqlite3.dll"),
                Map.of(),
                List.of("C:\\Python311\\python311.zip", "C:\\Python311\\DLLs", "C:\\Python311\\Lib", "C:\\Python311"));
        CreationPlan plan = plan(py, false);
        assertEquals(List.of(
                "mkdir Scripts",
                "mkdir Lib/site-packages",
                "mkdir Include",
                "write pyvenv.cfg",
                "copy Scripts/python.exe <- C:\\Python311\\python.exe",
                "copy Scripts/pythonw.exe <- C:\\Python311\\pythonw.exe",
                "copy Scripts/python3.dll <- C:\\Python311\\python3.dll",
                "copy Scripts/python311.dll <- C:\\Python311\\python311.dll",
                "copy Scripts/vcruntime140.dll <- C:\\Python311\\vcruntime140.dll",
                "copy Scripts/vcruntime140_1.dll <- C:\\Python311\\vcruntime140_1.dll",
                "copy Scripts/_ctypes.pyd <- C:\\Python311\\DLLs\\_ctypes.pyd",
                "copy Scripts/_socket.pyd <- C:\\Python311\\DLLs\\_socket.pyd",
                "copy Scripts/libffi-8.dll <- C:\\Python311\\DLLs\\libffi-8.dll",
                "copy Scripts/sqlite3.dll <- C:\\Python311\\DLLs\\sqlite3.dll",
                "copy Scripts/python311.zip <- C:\\Python311\\python311.zip",
                "write .gitignore unless present",
                "write CACHEDIR.TAG unless present"), plan.describe());
        assertEquals(PYVENV_311, PlanTexts.written(plan, "pyvenv.cfg"));
        // --symlinks or not, Windows gets copies.
        assertEquals(plan.describe(), plan(py, true).describe());
    }

    @Test
    void aZipThatIsNotOnSysPathIsLeftOut() {
        PythonInfo py = Described.windowsCPython(3, 11, 7, "C:\\Python311\\",
                List.of("python.exe", "python311.dll", "python311.zip"), List.of(), Map.of(), List.of("C:\\Python311\\Lib"));
        assertEquals(List.of("mkdir Scripts", "mkdir Lib/site-packages", "mkdir Include", "write pyvenv.cfg",
                "copy Scripts/python.exe <- C:\\Python311\\python.exe",
                "copy Scripts/python311.dll <- C:\\Python311\\python311.dll",
                "write .gitignore unless present", "write CACHEDIR.TAG unless present"), plan(py, false).describe());
        assertTrue(PlanTexts.written(plan(py, false), "pyvenv.cfg").startsWith("home = C:\\Python311\n"));
    }

    @Test
    void theVenvLauncherIsAllThatIsCopiedWhenThereIsOne() {
        Map<String, String> launchers = new LinkedHashMap<>();
        launchers.put("python.exe", "C:\\Program Files\\Python311\\Lib\\venv\\scripts\\nt\\python.exe");
        launchers.put("pythonw.exe", "C:\\Program Files\\Python311\\Lib\\venv\\scripts\\nt\\pythonw.exe");
        PythonInfo py = Described.windowsCPython(3, 11, 7, "C:\\Program Files\\Python311",
                List.of("python.exe", "python3.dll", "python311.dll", "pythonw.exe", "vcruntime140.dll"),
                List.of("_ctypes.pyd"), launchers, List.of());
        CreationPlan plan = plan(py, false);
        assertEquals(List.of(
                "mkdir Scripts",
                "mkdir Lib/site-packages",
                "mkdir Include",
                "write pyvenv.cfg",
                "copy Scripts/python.exe <- C:\\Program Files\\Python311\\Lib\\venv\\scripts\\nt\\python.exe",
                "copy Scripts/pythonw.exe <- C:\\Program Files\\Python311\\Lib\\venv\\scripts\\nt\\pythonw.exe",
                "write .gitignore unless present",
                "write CACHEDIR.TAG unless present"), plan.describe());
        assertTrue(PlanTexts.written(plan, "pyvenv.cfg").startsWith("home = C:\\Program Files\\Python311\n"), PlanTexts.written(plan, "pyvenv.cfg"));
    }

    @Test
    void python313UsesVenvlauncherExe() {
        Map<String, String> launchers = new LinkedHashMap<>();
        launchers.put("venvlauncher.exe", "C:\\Python313\\Lib\\venv\\scripts\\nt\\venvlauncher.exe");
        launchers.put("venvwlauncher.exe", "C:\\Python313\\Lib\\venv\\scripts\\nt\\venvwlauncher.exe");
        PythonInfo py = Described.windowsCPython(3, 13, 0, "C:\\Python313",
                List.of("python.exe", "python313.dll", "pythonw.exe"), List.of(), launchers, List.of());
        assertEquals(List.of(
                "mkdir Scripts",
                "mkdir Lib/site-packages",
                "mkdir Include",
                "write pyvenv.cfg",
                "copy Scripts/python.exe <- C:\\Python313\\Lib\\venv\\scripts\\nt\\venvlauncher.exe",
                "copy Scripts/pythonw.exe <- C:\\Python313\\Lib\\venv\\scripts\\nt\\venvwlauncher.exe",
                "write .gitignore unless present",
                "write CACHEDIR.TAG unless present"), plan(py, false).describe());
    }

    @Test
    void everyPlanPathIsRelativeAndSlashSeparated() {
        PythonInfo py = Described.windowsCPython(3, 12, 1, "D:\\tools\\py",
                List.of("python.exe", "pythonw.exe", "python312.dll"), List.of("_ssl.pyd"), Map.of(), List.of());
        for (PlanStep step : plan(py, false).steps()) {
            assertTrue(!step.path().contains("\\") && !step.path().startsWith("/") && !step.path().contains(":"),
                    step.toString());
        }
        EnvLayout layout = EnvLayout.forTarget(py);
        assertEquals("Scripts/python.exe", layout.pythonExecutable());
        assertEquals("Lib/site-packages", layout.purelib());
    }
}
