package org.jvirtualenv.create;

import java.util.List;
import org.jvirtualenv.discovery.PythonInfo;

/** Scripts\ + Lib\site-packages, the layout of Windows interpreters. */
public final class WindowsLayout implements EnvLayout {
    private final LayoutFacts facts;

    public WindowsLayout(LayoutFacts facts) {
        this.facts = facts;
    }

    public static WindowsLayout forTarget(PythonInfo info) {
        return new WindowsLayout(LayoutFacts.of(info));
    }

    @Override
    public LayoutFacts facts() {
        return facts;
    }

    @Override
    public String binDir() {
        return "Scripts";
    }

    @Override
    public String libDir() {
        return "Lib";
    }

    @Override
    public String purelib() {
        return facts.sitePackagesAtRoot() ? "site-packages" : libDir() + "/site-packages";
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
        return binDir() + "/python.exe";
    }

    @Override
    public List<String> executableNames() {
        return facts.pypy() ? List.of("python.exe", "pythonw.exe", "pypy3.exe", "pypy3w.exe")
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
