package org.jvirtualenv.create;

import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.PythonVersion;

/**
 * What an environment's file layout depends on, and nothing more: taken from a running
 * interpreter when an environment is made, or read back from an existing environment's
 * pyvenv.cfg (see {@link EnvLayout#read}), where no interpreter needs to run.
 *
 * @param implementation "CPython" or "PyPy", as pyvenv.cfg's {@code implementation} names it
 * @param version        the interpreter's version; layouts use its major and minor parts
 * @param freeThreaded   a free-threaded build (3.13t and later), whose library directory ends in "t"
 */
public record LayoutFacts(String implementation, PythonVersion version, boolean freeThreaded) {
    public static LayoutFacts of(PythonInfo info) {
        return new LayoutFacts(info.implementation(), info.version(), info.freeThreaded());
    }

    public boolean pypy() {
        return "PyPy".equals(implementation);
    }

    /** PyPy before 3.8 kept site-packages at the environment's root, on every platform. */
    boolean sitePackagesAtRoot() {
        return pypy() && !version.atLeast(3, 8);
    }
}
