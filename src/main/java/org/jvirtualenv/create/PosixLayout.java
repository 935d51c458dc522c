package org.jvirtualenv.create;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jvirtualenv.discovery.PythonInfo;

/** bin/ + lib/&lt;python&gt;X.Y/site-packages, the layout of every POSIX interpreter. */
public final class PosixLayout implements EnvLayout {
    private final LayoutFacts facts;
    private final boolean lib64;

    /** @param lib64 whether the environment has (or gets) lib64 as a link to lib */
    public PosixLayout(LayoutFacts facts, boolean lib64) {
        this.facts = facts;
        this.lib64 = lib64;
    }

    public static PosixLayout forTarget(PythonInfo info) {
        // venv links lib64 to lib on 64-bit Linux, where some tools look for it.
        boolean lib64 = info.pointerBits() == 64 && info.platform() != null && info.platform().startsWith("linux");
        return new PosixLayout(LayoutFacts.of(info), lib64);
    }

    @Override
    public LayoutFacts facts() {
        return facts;
    }

    /** "python3.11", "python3.13t" (free-threaded) or "pypy3.9". */
    public String libName() {
        String base = facts.pypy() ? "pypy" : "python";
        return base + facts.version().majorMinor() + (facts.freeThreaded() ? "t" : "");
    }

    @Override
    public String binDir() {
        return "bin";
    }

    @Override
    public String libDir() {
        return "lib";
    }

    @Override
    public String purelib() {
        return facts.sitePackagesAtRoot() ? "site-packages" : libDir() + "/" + libName() + "/site-packages";
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
        return binDir() + "/" + executableNames().get(0);
    }

    @Override
    public List<String> executableNames() {
        int major = facts.version().major();
        String t = facts.freeThreaded() ? "t" : "";
        Set<String> names = new LinkedHashSet<>();
        names.add("python");
        names.add("python" + major);
        names.add("python" + facts.version().majorMinor() + t);
        if (facts.pypy()) {
            names.add("pypy" + major);
            names.add("pypy");
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> extraDirs() {
        return List.of(include());
    }

    /** Whether lib64 is a link to lib in this environment. */
    public boolean wantsLib64() {
        return lib64;
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
