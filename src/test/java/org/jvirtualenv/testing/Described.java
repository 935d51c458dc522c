package org.jvirtualenv.testing;

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
                "linux", "posix", "x86_64", 64, false, Map.of(), Map.of(), prefix + "/lib/python" + major + "." + minor);
    }
}
