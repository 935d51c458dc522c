package org.jvirtualenv.create;

import org.jvirtualenv.discovery.PythonInfo;

/** Files every environment gets whatever its interpreter: pyvenv.cfg, .gitignore, CACHEDIR.TAG. */
final class CommonFiles {
    private CommonFiles() {
    }

    /** The directory of the base executable: what pyvenv.cfg's home names. */
    static String home(PythonInfo py) {
        String base = py.baseExecutable();
        return base.substring(0, base.lastIndexOf('/'));
    }

    /** A POSIX plan's start: bin, site-packages, the layout's other directories and lib64. */
    static CreationPlan.Builder posixDirectories(PosixLayout layout) {
        CreationPlan.Builder plan = new CreationPlan.Builder();
        plan.dir(layout.binDir()).dir(layout.purelib());
        layout.extraDirs().forEach(plan::dir);
        if (layout.wantsLib64()) {
            plan.symlink("lib64", "lib");
        }
        return plan;
    }

    /**
     * virtualenv 21's keys, in its order; {@code command} only when the input knows it.
     *
     * @param executable the base interpreter with its links resolved, as venv's key names it
     */
    static PyvenvCfg pyvenvCfg(PythonInfo py, CreatorInput in, String home, String executable) {
        PyvenvCfg cfg = new PyvenvCfg()
                .put("home", home)
                .put("implementation", py.implementation())
                .put("python-version", py.version().majorMinor())
                .put("version_info", py.version().full())
                .put("version", py.version().dotted())
                .put("executable", executable);
        if (in.command() != null) {
            cfg.put("command", in.command());
        }
        cfg.put("virtualenv", in.toolVersion());
        String prompt = cfgPrompt(in);
        if (prompt != null) {
            cfg.put("prompt", prompt);
        }
        return cfg.put("include-system-site-packages", Boolean.toString(in.systemSitePackages()))
                .put("base-prefix", py.basePrefix())
                .put("base-exec-prefix", py.baseExecPrefix())
                .put("base-executable", py.baseExecutable());
    }

    /**
     * The prompt as pyvenv.cfg records it, or null for none. In double quotes, as virtualenv 21
     * writes it: a prompt's leading or trailing blanks survive a reader that strips the value
     * (readers, {@link PyvenvCfg#parse} among them, take one pair of surrounding quotes off). An
     * empty prompt is an empty value, as virtualenv 21 writes it too.
     */
    static String cfgPrompt(CreatorInput in) {
        String prompt = in.prompt();
        // The file is line-based: a prompt with a line break lives only in the activators.
        if (prompt == null || prompt.indexOf('\n') >= 0 || prompt.indexOf('\r') >= 0) {
            return null;
        }
        return prompt.isEmpty() ? "" : "\"" + prompt + "\"";
    }

    static void addMarkers(CreationPlan.Builder plan, CreatorInput in) {
        if (in.vcsIgnore()) {
            plan.textUnlessPresent(".gitignore", "# created by jvirtualenv automatically\n*\n");
        }
        // The standard signature makes backup and archiving tools skip the environment.
        plan.textUnlessPresent("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                + "# This file is a cache directory tag created by jvirtualenv.\n"
                + "# For information about cache directory tags, see https://bford.info/cachedir/\n");
    }
}
