package org.jvirtualenv.create;

import java.util.List;
import org.jvirtualenv.discovery.PythonInfo;

/**
 * CPython 3 (and PyPy 3) on POSIX: the interpreter finds its environment through pyvenv.cfg next
 * to (or one level above) its executable, so a link (or copy) of the base interpreter is enough.
 * A copy also gets the interpreter's shared library when the binary looks for it relative to
 * itself.
 */
public class CPython3PosixCreator extends PosixCreator {
    public CPython3PosixCreator(PythonInfo python) {
        this(python, BaseFiles.LOCAL);
    }

    /** @param files the base installation as this creator sees it (tests describe one) */
    public CPython3PosixCreator(PythonInfo python, BaseFiles files) {
        super(python, files);
    }

    @Override
    public String name() {
        return "CPython3Posix";
    }

    @Override
    public CreationPlan plan(CreatorInput in) {
        PythonInfo py = python;
        String base = py.baseExecutable();
        String home = CommonFiles.home(py);

        CreationPlan.Builder plan = CommonFiles.posixDirectories(layout);
        // pyvenv.cfg first: a run killed half-way leaves a directory that is recognisably an
        // environment, which the next run (or --clear) may then finish or empty.
        plan.text("pyvenv.cfg", CommonFiles.pyvenvCfg(py, in, home, files.realPath(base)).render());
        List<String> names = layout.executableNames();
        String main = layout.binDir() + "/" + names.get(0);
        if (in.copies()) {
            names.forEach(n -> plan.copy(layout.binDir() + "/" + n, base));
            SharedLibraries.forCopiedBinary(base, layout.binDir(), files)
                    .forEach(c -> plan.copy(c.envPath(), c.source()));
        } else {
            plan.symlink(main, base);
            // The other names point at "python" so repointing one link retargets them all.
            names.stream().skip(1).forEach(n -> plan.symlink(layout.binDir() + "/" + n, names.get(0)));
        }
        CommonFiles.addMarkers(plan, in);
        return plan.build();
    }
}
