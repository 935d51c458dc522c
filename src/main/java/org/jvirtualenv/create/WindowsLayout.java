package org.jvirtualenv.create;

import java.util.List;
import org.jvirtualenv.discovery.PythonInfo;

/** Scripts\ + Lib\site-packages, the layout of Windows interpreters. */
public final class WindowsLayout implements EnvLayout {
    private final PythonInfo info;

    public WindowsLayout(PythonInfo info) {
        this.info = info;
    }

    @Override
    public String binDir() {
        return "Scripts";
    }

    @Override
    public String purelib() {
        return info.isPyPy() && !info.version().atLeast(3, 8) ? "site-packages" : "Lib/site-packages";
    }

    @Override
    public String platlib() {
        return purelib();
    }

    @Override
    public String include() {
        return "Include";
    }

    @Override
    public String pythonExecutable() {
        return "Scripts/python.exe";
    }

    @Override
    public List<String> executableNames() {
        return info.isPyPy() ? List.of("python.exe", "pythonw.exe", "pypy3.exe", "pypy3w.exe")
                : List.of("python.exe", "pythonw.exe");
    }

    @Override
    public List<String> extraDirs() {
        return List.of(include());
    }

    @Override
    public String scriptSuffix() {
        return ".exe";
    }

    @Override
    public boolean windows() {
        return true;
    }
}
