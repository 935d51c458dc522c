package org.jvirtualenv.create;

import java.util.List;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.util.Resources;

/**
 * CPython 2.7 on POSIX, the way the original virtualenv made environments: Python 2 ignores
 * pyvenv.cfg and computes sys.prefix by looking for lib/python2.7/os.py above its (symlink-resolved)
 * executable, so the binary is always copied into bin/, the landmark and the modules the
 * interpreter imports before site.py has run are linked (or copied) from the base library, and
 * our own site.py finishes the job (base library on sys.path, sys.real_prefix, site-packages).
 * lib-dynload is there too: without it Python 2 warns that it cannot find its platform-dependent
 * libraries.
 */
public final class CPython2PosixCreator extends PosixCreator {
    /** Imported at start-up before (or by) site.py: os and what it needs, codecs, re. */
    static final List<String> BOOT_MODULES = List.of(
            "os", "posixpath", "stat", "genericpath", "warnings", "linecache", "types", "UserDict", "_abcoll", "abc",
            "_weakrefset", "copy_reg", "codecs", "re", "sre_compile", "sre_parse", "sre_constants", "traceback",
            "fnmatch", "locale");
    static final List<String> BOOT_PACKAGES = List.of("encodings", "lib-dynload");
    static final String SITE_RESOURCE = "/org/jvirtualenv/create/python2/site.py";

    public CPython2PosixCreator(PythonInfo python) {
        this(python, BaseFiles.LOCAL);
    }

    /** @param files the base installation as this creator sees it (tests describe one) */
    public CPython2PosixCreator(PythonInfo python, BaseFiles files) {
        super(python, files);
    }

    @Override
    public String name() {
        return "CPython2Posix";
    }

    @Override
    public CreationPlan plan(CreatorInput in) {
        PythonInfo py = python;
        String base = py.baseExecutable();
        String home = CommonFiles.home(py);
        String baseLib = py.stdlibDir();
        String lib = layout.libDir() + "/" + layout.libName();

        CreationPlan.Builder plan = CommonFiles.posixDirectories(layout);
        // First, as for CPython 3: what a killed run leaves is recognisably an environment.
        plan.text("pyvenv.cfg", CommonFiles.pyvenvCfg(py, in, home, files.realPath(base)).render());

        // A symlinked interpreter would resolve back to the base prefix: always a copy.
        List<String> names = layout.executableNames();
        plan.copy(layout.binDir() + "/" + names.get(0), base);
        for (String name : names.subList(1, names.size())) {
            if (in.copies()) {
                plan.copy(layout.binDir() + "/" + name, base);
            } else {
                plan.symlink(layout.binDir() + "/" + name, names.get(0));
            }
        }
        SharedLibraries.forCopiedBinary(base, layout.binDir(), files).forEach(c -> plan.copy(c.envPath(), c.source()));

        for (String module : BOOT_MODULES) {
            String source = baseLib + "/" + module + ".py";
            if (files.exists(source)) {
                linkOrCopy(plan, in.copies(), lib + "/" + module + ".py", source);
            }
        }
        for (String dir : BOOT_PACKAGES) {
            String source = baseLib + "/" + dir;
            if (files.isDirectory(source)) {
                linkOrCopyTree(plan, in.copies(), lib + "/" + dir, source);
            }
        }
        String include = py.sysconfigPaths().get("include");
        if (include != null && files.isDirectory(include)) {
            linkOrCopyTree(plan, in.copies(), layout.include() + "/" + layout.libName(), include);
        }

        plan.text(lib + "/site.py", Resources.text(SITE_RESOURCE));
        plan.text(lib + "/orig-prefix.txt", py.basePrefix());
        if (!in.systemSitePackages()) {
            plan.text(lib + "/no-global-site-packages.txt", "");
        }
        // Python 2 never reads it; tools (and --clear) recognise an environment by it.
        CommonFiles.addMarkers(plan, in);
        return plan.build();
    }

    private static void linkOrCopy(CreationPlan.Builder plan, boolean copies, String path, String source) {
        if (copies) {
            plan.copy(path, source);
        } else {
            plan.symlink(path, source);
        }
    }

    private void linkOrCopyTree(CreationPlan.Builder plan, boolean copies, String path, String source) {
        if (!copies) {
            plan.symlink(path, source);
            return;
        }
        plan.dir(path);
        for (String file : files.filesUnder(source)) {
            if (!file.endsWith(".pyc") && !file.endsWith(".pyo")) {
                plan.copy(path + "/" + file, source + "/" + file);
            }
        }
    }
}
