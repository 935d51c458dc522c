package org.jvirtualenv.create;

import org.jvirtualenv.discovery.PythonInfo;

/**
 * What every POSIX creator starts from: its target interpreter, the {@link PosixLayout} made for
 * it, and the base installation as the creator sees it (the real disk, or one a test describes).
 */
abstract class PosixCreator implements PlannedCreator {
    protected final PythonInfo python;
    protected final PosixLayout layout;
    protected final BaseFiles files;

    PosixCreator(PythonInfo python, BaseFiles files) {
        this.python = python;
        this.layout = PosixLayout.forTarget(python);
        this.files = files;
    }

    @Override
    public final PosixLayout layout() {
        return layout;
    }
}
