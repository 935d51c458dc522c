package org.jvirtualenv.activation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.activation.quoting.BatchQuoter;
import org.jvirtualenv.activation.quoting.CshQuoter;
import org.jvirtualenv.activation.quoting.FishQuoter;
import org.jvirtualenv.activation.quoting.NushellQuoter;
import org.jvirtualenv.activation.quoting.PosixShellQuoter;
import org.jvirtualenv.activation.quoting.PowerShellQuoter;
import org.jvirtualenv.activation.quoting.PythonQuoter;
import org.jvirtualenv.activation.quoting.XonshQuoter;

/** The known activators, in the order virtualenv lists them, and the choice among them. */
public final class Activators {
    private static final Predicate<ActivationContext> EVERYWHERE = ctx -> true;
    private static final Predicate<ActivationContext> POSIX_ONLY = ctx -> !ctx.windows();
    private static final Predicate<ActivationContext> WINDOWS_ONLY = ActivationContext::windows;

    private static final List<Activator> ALL = List.of(
            // Kept on Windows too: Git Bash / MSYS / Cygwin users source it there.
            new TemplateActivator("bash", "BashActivator", new PosixShellQuoter(), EVERYWHERE,
                    List.of(ScriptFile.plain("activate"))),
            new TemplateActivator("cshell", "CShellActivator", new CshQuoter(), POSIX_ONLY,
                    List.of(ScriptFile.plain("activate.csh"))),
            new TemplateActivator("fish", "FishActivator", new FishQuoter(), EVERYWHERE,
                    List.of(ScriptFile.plain("activate.fish"))),
            new TemplateActivator("nushell", "NushellActivator", new NushellQuoter(), EVERYWHERE,
                    List.of(ScriptFile.plain("activate.nu"))),
            new TemplateActivator("powershell", "PowerShellActivator", new PowerShellQuoter(), EVERYWHERE,
                    List.of(new ScriptFile("activate.ps1", "activate.ps1", false, true))),
            new TemplateActivator("batch", "BatchActivator", new BatchQuoter(), WINDOWS_ONLY,
                    List.of(new ScriptFile("activate.bat", "activate.bat", true, false),
                            new ScriptFile("deactivate.bat", "deactivate.bat", true, false))),
            new TemplateActivator("python", "PythonActivator", new PythonQuoter(), EVERYWHERE,
                    List.of(ScriptFile.plain("activate_this.py"))),
            new TemplateActivator("xonsh", "XonshActivator", new XonshQuoter(), EVERYWHERE,
                    List.of(ScriptFile.plain("activate.xsh"))));

    private Activators() {
    }

    public static List<Activator> all() {
        return ALL;
    }

    /**
     * Reads every activator's templates into memory (they are kept for the process), so that
     * writing the scripts later does not wait for the tool's jar: the CLI's warm-up thread calls
     * this while the main one is still reading the command line.
     */
    public static void loadTemplates() {
        for (Activator activator : ALL) {
            if (activator instanceof TemplateActivator templates) {
                for (ScriptFile file : templates.files()) {
                    TemplateRenderer.load(file.template());
                }
            }
        }
    }

    /** What to write when the user did not pass {@code --activators}. */
    public static List<Activator> defaults(ActivationContext context) {
        return ALL.stream().filter(a -> a.supports(context)).toList();
    }

    /** The activators whose scripts are already in binDir (to re-render them in place). */
    public static List<Activator> present(Path binDir) {
        return ALL.stream().filter(a -> Files.exists(binDir.resolve(a.scriptNames().get(0)))).toList();
    }

    /**
     * Whether a file in an environment's scripts directory is one an activator writes (in any
     * letter case: Windows file names ignore it, and venv writes Activate.ps1 where we write
     * activate.ps1).
     */
    public static boolean isActivatorScript(String fileName) {
        return ALL.stream().flatMap(a -> a.scriptNames().stream()).anyMatch(fileName::equalsIgnoreCase);
    }

    /**
     * The activators named by {@code --activators}, in the given order, without duplicates. A
     * named activator is written even where it is not a default (e.g. batch on POSIX).
     *
     * @throws VirtualenvException (usage) for a name that is not known
     */
    public static List<Activator> select(List<String> names) {
        Map<String, Activator> byName = new LinkedHashMap<>();
        ALL.forEach(a -> byName.put(a.name(), a));
        List<Activator> chosen = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            Activator activator = byName.get(name);
            if (activator == null) {
                throw new VirtualenvException(VirtualenvException.USAGE, String.format(
                        "unknown activator '%s': choose from %s", name, String.join(", ", byName.keySet())));
            }
            if (!chosen.contains(activator)) {
                chosen.add(activator);
            }
        }
        return List.copyOf(chosen);
    }
}
