package org.jvirtualenv.create;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jvirtualenv.discovery.PythonInfo;

/** bin/ + lib/&lt;python&gt;X.Y/site-packages, the layout of every POSIX interpreter. */
public final class PosixLayout implements EnvLayout {
    private final PythonInfo info;

    public PosixLayout(PythonInfo info) {
        this.info = info;
    }

    /** "python3.11", "python3.13t" (free-threaded) or "pypy3.9". */
    public String libName() {
        String base = info.isPyPy() ? "pypy" : "python";
        return base + info.version().majorMinor() + (info.freeThreaded() ? "t" : "");
    }

    @Override
    public String binDir() {
        return "bin";
    }

    @Override
    public String purelib() {
        // PyPy before 3.8 kept site-packages at the prefix root.
        if (info.isPyPy() && !info.version().atLeast(3, 8)) {
            return "site-packages";
        }
        return "lib/" + libName() + "/site-packages";
    }

    @Override
    public String platlib() {
        return purelib();
    }

    @Override
    public String include() {
        return "include";
    }

    @Override
    public String pythonExecutable() {
        return "bin/" + executableNames().get(0);
    }

    @Override
    public List<String> executableNames() {
        int major = info.version().major();
        String majorMinor = info.version().majorMinor();
        String t = info.freeThreaded() ? "t" : "";
        Set<String> names = new LinkedHashSet<>();
        names.add("python");
        names.add("python" + major);
        names.add("python" + majorMinor + t);
        if (info.isPyPy()) {
            names.add("pypy" + major);
            names.add("pypy");
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> extraDirs() {
        List<String> dirs = new ArrayList<>();
        dirs.add(include());
        return dirs;
    }

    /** venv links lib64 to lib on 64-bit Linux, where some tools look for it. */
    public boolean wantsLib64() {
        return info.pointerBits() == 64 && info.platform() != null && info.platform().startsWith("linux");
    }

    @Override
    public String scriptSuffix() {
        return "";
    }

    @Override
    public boolean windows() {
        return false;
    }
}
