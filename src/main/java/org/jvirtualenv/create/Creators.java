package org.jvirtualenv.create;

import org.jvirtualenv.VirtualenvException;
import org.jvirtualenv.discovery.PythonInfo;

/** Chooses the creator for a target interpreter. */
public final class Creators {
    private Creators() {
    }

    public static PlannedCreator forTarget(PythonInfo info) {
        int major = info.version().major();
        if (info.isWindows()) {
            if (info.isCPython() && major == 3) {
                return new WindowsCreator();
            }
        } else if (info.isCPython() && major == 3) {
            return new CPython3PosixCreator();
        } else if (info.isCPython() && major == 2 && info.version().minor() == 7) {
            return new CPython2PosixCreator();
        } else if (info.isPyPy() && major == 3) {
            return new PyPy3PosixCreator();
        }
        throw new VirtualenvException("creating environments for " + info.displayName() + " on "
                + info.platform() + " is not supported: use CPython 2.7 or 3, or PyPy 3");
    }
}
