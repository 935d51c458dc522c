package org.jvirtualenv.create;

import java.util.Locale;
import java.util.Map;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.discovery.PythonInfo;

/**
 * CPython 3 on Windows. Executables are copied, never linked. When the base ships a venv launcher
 * (Lib\venv\scripts\nt\python.exe and pythonw.exe, or venvlauncher.exe and venvwlauncher.exe
 * from 3.13), only the launchers are copied, as python.exe and pythonw.exe: they read
 * pyvenv.cfg's home and start the base interpreter. Otherwise the interpreter itself is copied
 * with what it loads from beside itself: the DLLs next to python.exe, the extension modules and
 * DLLs of DLLs\, and the zipped standard library when it is on sys.path.
 *
 * <p>Sources are Windows paths as the interpreter reported them; plan paths stay '/'-separated
 * and relative to the environment.
 */
public final class WindowsCreator implements PlannedCreator {
    private final PythonInfo python;
    private final WindowsLayout layout;

    public WindowsCreator(PythonInfo python) {
        this.python = python;
        this.layout = WindowsLayout.forTarget(python);
    }

    @Override
    public WindowsLayout layout() {
        return layout;
    }

    @Override
    public String name() {
        return "CPython3Windows";
    }

    @Override
    public CreationPlan plan(CreatorInput in) {
        PythonInfo py = python;
        PythonInfo.NtFiles nt = py.nt();
        if (nt == null) {
            throw new VirtualenvException(py.executable() + " did not report its Windows files: it cannot be used");
        }
        String scripts = layout.binDir();
        CreationPlan.Builder plan = new CreationPlan.Builder();
        plan.dir(scripts).dir(layout.purelib());
        layout.extraDirs().forEach(plan::dir);
        // First, as on POSIX: what a killed run leaves is recognisably an environment.
        plan.text("pyvenv.cfg",
                CommonFiles.pyvenvCfg(py, in, trimSeparator(nt.exeDir()), py.baseExecutable()).render());

        Map<String, String> launchers = nt.launchers();
        if (launchers.containsKey("python.exe") && launchers.containsKey("pythonw.exe")) {
            plan.copy(scripts + "/python.exe", launchers.get("python.exe"));
            plan.copy(scripts + "/pythonw.exe", launchers.get("pythonw.exe"));
        } else if (launchers.containsKey("venvlauncher.exe") && launchers.containsKey("venvwlauncher.exe")) {
            plan.copy(scripts + "/python.exe", launchers.get("venvlauncher.exe"));
            plan.copy(scripts + "/pythonw.exe", launchers.get("venvwlauncher.exe"));
        } else {
            for (String exe : new String[] {"python.exe", "pythonw.exe"}) {
                if (nt.exeDirFiles().stream().anyMatch(f -> f.equalsIgnoreCase(exe))) {
                    plan.copy(scripts + "/" + exe, join(nt.exeDir(), exe));
                }
            }
            for (String file : nt.exeDirFiles()) {
                if (file.toLowerCase(Locale.ROOT).endsWith(".dll")) {
                    plan.copy(scripts + "/" + file, join(nt.exeDir(), file));
                }
            }
            for (String file : nt.dllsDirFiles()) {
                plan.copy(scripts + "/" + file, join(nt.dllsDir(), file));
            }
            String zip = "python" + py.version().major() + py.version().minor() + ".zip";
            String zipInExeDir = join(nt.exeDir(), zip);
            boolean zipOnPath = py.sysPath().stream().anyMatch(p -> p.equalsIgnoreCase(zipInExeDir));
            if (zipOnPath && nt.exeDirFiles().stream().anyMatch(f -> f.equalsIgnoreCase(zip))) {
                plan.copy(scripts + "/" + zip, zipInExeDir);
            }
        }
        CommonFiles.addMarkers(plan, in);
        return plan.build();
    }

    /** Joins a Windows directory and a file name with exactly one backslash. */
    static String join(String dir, String name) {
        return dir.endsWith("\\") || dir.endsWith("/") ? dir + name : dir + "\\" + name;
    }

    private static String trimSeparator(String dir) {
        // "C:\" stays as it is: without the backslash it would mean the current folder of drive C.
        if (dir.length() > 3 && (dir.endsWith("\\") || dir.endsWith("/"))) {
            return dir.substring(0, dir.length() - 1);
        }
        return dir;
    }
}
