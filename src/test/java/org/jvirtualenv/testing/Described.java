package org.jvirtualenv.testing;

import java.util.List;
import java.util.Map;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.PythonVersion;

/** PythonInfo records for interpreters that are described, not run (unit tests of pure logic). */
public final class Described {
    private Described() {
    }

    public static PythonInfo posixCPython(int major, int minor, int micro, String prefix) {
        String exe = prefix + "/bin/python" + major + "." + minor;
        return new PythonInfo("CPython", new PythonVersion(major, minor, micro, "final", 0),
                major + "." + minor + "." + micro, exe, exe, prefix, prefix, prefix, prefix, false,
                "linux", "posix", "x86_64", 64, false, Map.of(), Map.of(), prefix + "/lib/python" + major + "." + minor,
                List.of(), null);
    }

    /**
     * CPython on Windows installed in {@code home} (e.g. {@code C:\\Python311}), with the files a
     * python.org installer puts there, and the venv launchers it ships when {@code launchers} is
     * not empty (names to full paths).
     */
    public static PythonInfo windowsCPython(int major, int minor, int micro, String home,
                                            java.util.List<String> exeDirFiles, java.util.List<String> dllsDirFiles,
                                            Map<String, String> launchers, java.util.List<String> sysPath) {
        String exe = home + "\\python.exe";
        return new PythonInfo("CPython", new PythonVersion(major, minor, micro, "final", 0),
                major + "." + minor + "." + micro, exe, exe, home, home, home, home, false,
                "win32", "nt", "AMD64", 64, false, Map.of("purelib", home + "\\Lib\\site-packages"), Map.of(),
                home + "\\Lib", sysPath,
                new PythonInfo.NtFiles(home, exeDirFiles, home + "\\DLLs", dllsDirFiles, launchers));
    }
}
