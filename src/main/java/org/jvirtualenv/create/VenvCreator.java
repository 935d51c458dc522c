package org.jvirtualenv.create;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.util.Processes;
import org.jvirtualenv.util.SafePaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --creator venv}: the target's own venv module makes the environment
 * ({@code python -m venv --without-pip}), then we add what virtualenv adds in this mode: the keys
 * virtualenv writes to pyvenv.cfg, our VCS ignore file and cache tag; venv's activation scripts
 * are removed so that only ours (written afterwards, with the seed packages) are there.
 *
 * <p>The interpreter runs isolated ({@code -I}: no PYTHON* variables, no user site, not the
 * working directory on sys.path, where a stray venv.py would be imported instead of the module)
 * and without writing bytecode ({@code -B}: nothing written into the base installation), in an
 * environment without the variables that steer Python, pip or virtualenv.
 */
public final class VenvCreator implements Creator {
    private static final Logger LOG = LoggerFactory.getLogger(VenvCreator.class);
    /** The activation scripts venv writes on any platform and version; ours replace them. */
    static final List<String> VENV_SCRIPTS = List.of(
            "activate", "activate.csh", "activate.fish", "Activate.ps1", "activate.bat", "deactivate.bat");
    private static final long PROBE_SECONDS = 60;
    private static final long CREATE_SECONDS = 300;

    private final PythonInfo python;
    private final EnvLayout layout;
    private final Map<String, String> environment;
    private final Path workDir;

    private VenvCreator(PythonInfo python, Map<String, String> environment, Path workDir) {
        this.python = python;
        // venv makes the same bin/lib names our builtin creator does for this interpreter.
        this.layout = EnvLayout.forTarget(python);
        this.environment = environment;
        this.workDir = workDir;
    }

    /** The venv module is in the standard library from Python 3.3 on. */
    static boolean versionHasVenv(PythonInfo info) {
        return info.version().atLeast(3, 3);
    }

    /**
     * A venv creator for the target, after checking (by importing it, writing nothing) that its
     * venv module is there.
     *
     * @throws VirtualenvException (usage) when the target has no usable venv module
     */
    public static VenvCreator forTarget(PythonInfo info, Map<String, String> environment, Path workDir) {
        String target = info.implementation() + " " + info.version().majorMinor();
        if (!versionHasVenv(info)) {
            throw new VirtualenvException(VirtualenvException.USAGE, "creator venv needs the venv module, which "
                    + target + " does not have: use creator builtin");
        }
        VenvCreator creator = new VenvCreator(info, childEnvironment(environment), workDir);
        Processes.Result probe = creator.runPython(List.of("-c", "import venv"), PROBE_SECONDS);
        if (!probe.ok()) {
            throw new VirtualenvException(VirtualenvException.USAGE, "creator venv cannot use " + target + " at "
                    + info.baseExecutable() + ", its venv module does not load (" + summary(probe)
                    + "): use creator builtin");
        }
        return creator;
    }

    @Override
    public String name() {
        return "Venv";
    }

    @Override
    public EnvLayout layout() {
        return layout;
    }

    @Override
    public void create(CreatorInput in) throws IOException {
        Path dest = in.destination();
        List<String> venvArguments = argumentsFor(python, layout, in);
        Processes.Result made = runPython(venvArguments, CREATE_SECONDS);
        if (!made.ok()) {
            throw new VirtualenvException("the venv module of " + python.implementation() + " "
                    + python.version().majorMinor() + " failed to create " + dest + ": " + summary(made)
                    + "; creator builtin does not need it");
        }
        for (String script : VENV_SCRIPTS) {
            if (Files.deleteIfExists(SafePaths.inside(dest, layout.binDir() + "/" + script))) {
                LOG.debug("removed venv's {} (ours replace it)", script);
            }
        }
        String venvCfg = Files.readString(dest.resolve("pyvenv.cfg"));
        String ran = python.baseExecutable() + " " + String.join(" ", venvArguments);
        CreationPlan.Builder plan = new CreationPlan.Builder()
                .text("pyvenv.cfg",
                        pyvenvCfg(venvCfg, python, in, BaseFiles.LOCAL.realPath(python.baseExecutable()), ran));
        CommonFiles.addMarkers(plan, in);
        new PlanExecutor().apply(plan.build(), dest);
    }

    /** The interpreter's arguments: venv's options as virtualenv passes them, then the destination. */
    static List<String> argumentsFor(PythonInfo py, EnvLayout layout, CreatorInput in) {
        List<String> args = new ArrayList<>(List.of("-m", "venv", "--without-pip"));
        if (py.version().atLeast(3, 13)) {
            // 3.13's venv writes its own .gitignore; ours replaces it, and --no-vcs-ignore means none.
            args.add("--without-scm-ignore-files");
        }
        if (in.systemSitePackages()) {
            args.add("--system-site-packages");
        }
        // On Windows venv copies by default, as our Windows creator does; asking for links there
        // needs rights most users do not have.
        if (!layout.windows()) {
            args.add(in.copies() ? "--copies" : "--symlinks");
        } else if (in.copies()) {
            args.add("--copies");
        }
        // No --clear (the destination was cleared before, with our own safety check) and no
        // --prompt (pyvenv.cfg gets ours below, in the form our builtin creators write).
        args.add(in.destination().toString());
        return args;
    }

    /**
     * venv's pyvenv.cfg with what virtualenv adds in this mode, in virtualenv's order: venv's home
     * first, then implementation, python-version, version_info and version, venv's other keys as
     * venv wrote them, then virtualenv, prompt and include-system-site-packages last. venv writes
     * executable and command from 3.11 on; for older ones we write them as it would have (the
     * command is the venv run that made the environment).
     */
    static String pyvenvCfg(String venvCfg, PythonInfo py, CreatorInput in, String realExecutable, String command) {
        Map<String, String> venv = PyvenvCfg.parse(venvCfg);
        PyvenvCfg cfg = new PyvenvCfg();
        cfg.put("home", venv.getOrDefault("home", CommonFiles.home(py)));
        cfg.put("implementation", py.implementation());
        cfg.put("python-version", py.version().majorMinor());
        cfg.put("version_info", py.version().full());
        cfg.put("version", venv.getOrDefault("version", py.version().dotted()));
        cfg.put("executable", venv.getOrDefault("executable", realExecutable));
        cfg.put("command", venv.getOrDefault("command", command));
        List<String> ours = List.of("home", "implementation", "python-version", "version_info", "version",
                "executable", "command", "virtualenv", "prompt", "include-system-site-packages");
        venv.forEach((key, value) -> {
            if (!ours.contains(key)) {
                cfg.put(key, value);
            }
        });
        cfg.put("virtualenv", in.toolVersion());
        String prompt = CommonFiles.cfgPrompt(in);
        if (prompt != null) {
            cfg.put("prompt", prompt);
        }
        cfg.put("include-system-site-packages", Boolean.toString(in.systemSitePackages()));
        return cfg.render();
    }

    /**
     * The caller's environment without what would make the interpreter, pip or a virtualenv
     * behave differently from a plain run (PYTHON*, PIP_*, VIRTUALENV_*, an active environment).
     */
    static Map<String, String> childEnvironment(Map<String, String> environment) {
        Map<String, String> out = new HashMap<>();
        environment.forEach((key, value) -> {
            String upper = key.toUpperCase(Locale.ROOT);
            boolean steers = upper.startsWith("PYTHON") || upper.startsWith("PIP_") || upper.startsWith("VIRTUALENV_")
                    || upper.equals("VIRTUAL_ENV") || upper.equals("__PYVENV_LAUNCHER__");
            if (!steers) {
                out.put(key, value);
            }
        });
        return out;
    }

    private Processes.Result runPython(List<String> arguments, long timeoutSeconds) {
        List<String> command = new ArrayList<>(List.of(python.baseExecutable(), "-I", "-B"));
        command.addAll(arguments);
        LOG.debug("running {}", String.join(" ", command));
        try {
            return Processes.runExactly(command, workDir, environment, timeoutSeconds);
        } catch (IOException e) {
            throw new VirtualenvException("could not run " + python.baseExecutable() + ": " + e.getMessage(), e);
        }
    }

    /** One line from a failed run: a traceback's last line, else its whole (short) message. */
    static String summary(Processes.Result result) {
        String text = result.stderr().isBlank() ? result.stdout() : result.stderr();
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "exit code " + result.exitCode();
        }
        if (lines.get(0).startsWith("Traceback")) {
            return lines.get(lines.size() - 1);
        }
        String joined = String.join(" ", lines);
        return joined.length() <= 400 ? joined : joined.substring(0, 397) + "...";
    }
}
