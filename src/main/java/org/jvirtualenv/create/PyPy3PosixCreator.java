package org.jvirtualenv.create;

import org.jvirtualenv.discovery.PythonInfo;

/**
 * PyPy 3 on POSIX. It reads pyvenv.cfg as CPython 3 does; the layout gives it its own names
 * (pypy3, pypy besides python*) and lib/pypy3.X/site-packages, and a copied binary takes
 * libpypy3*-c.so along when it loads it from beside itself ($ORIGIN), as PyPy's portable builds do.
 */
public final class PyPy3PosixCreator extends CPython3PosixCreator {
    public PyPy3PosixCreator(PythonInfo python) {
        super(python);
    }

    public PyPy3PosixCreator(PythonInfo python, BaseFiles files) {
        super(python, files);
    }

    @Override
    public String name() {
        return "PyPy3Posix";
    }
}
