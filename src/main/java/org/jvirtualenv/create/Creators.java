package org.jvirtualenv.create;

import org.jvirtualenv.VirtualenvException;
import org.jvirtualenv.discovery.PythonInfo;

/** Chooses the creator for a target interpreter. */
public final class Creators {
    private Creators() {
    }

    public static Creator forTarget(PythonInfo info) {
        if (info.isCPython() && info.version().major() == 3 && !info.isWindows()) {
            return new CPython3PosixCreator();
        }
        throw new VirtualenvException("creating environments for " + info.displayName() + " on "
                + info.platform() + " is not supported yet: use a CPython 3 interpreter");
    }
}
