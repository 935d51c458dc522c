package org.jvirtualenv.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jvirtualenv.util.Resources;

/**
 * A console or GUI script declared in entry_points.txt: {@code name = module.path:attr.path [extras]}.
 * Names and targets are checked before they reach a file name or a script's source.
 */
public record EntryPoint(String name, String module, String attribute) {
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern SCRIPT_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");
    private static final String TEMPLATE = "/scripts-templates/entry-point.py";

    public EntryPoint {
        if (!SCRIPT_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("unsafe console script name '" + name + "'");
        }
        if (!DOTTED.matcher(module).matches() || !DOTTED.matcher(attribute).matches()) {
            throw new IllegalArgumentException("entry point '" + name + "' has an invalid target " + module + ":" + attribute);
        }
    }

    /** Every script an entry_points.txt declares: its console scripts, then its GUI scripts. */
    public static List<EntryPoint> scripts(String entryPointsTxt) {
        List<EntryPoint> declared = new ArrayList<>(parse(entryPointsTxt, "console_scripts"));
        declared.addAll(parse(entryPointsTxt, "gui_scripts"));
        return declared;
    }

    /** Reads one section ("console_scripts", "gui_scripts") of an entry_points.txt. */
    public static List<EntryPoint> parse(String entryPointsTxt, String section) {
        List<EntryPoint> result = new ArrayList<>();
        boolean inSection = false;
        for (String raw : entryPointsTxt.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                inSection = line.equals("[" + section + "]");
                continue;
            }
            if (!inSection) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = line.substring(0, eq).strip();
            String target = line.substring(eq + 1).replaceAll("\\[.*\\]", "").strip();
            int colon = target.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("entry point '" + name + "' has no ':attribute' in '" + target + "'");
            }
            result.add(new EntryPoint(name, target.substring(0, colon).strip(), target.substring(colon + 1).strip()));
        }
        return result;
    }

    /** The script's text: shebang to the environment's interpreter, then a call of the target. */
    public String script(String shebang, String distribution) {
        String head = attribute.contains(".") ? attribute.substring(0, attribute.indexOf('.')) : attribute;
        return shebang + Resources.text(TEMPLATE)
                .replace("__NAME__", name)
                .replace("__DISTRIBUTION__", distribution)
                .replace("__MODULE__", module)
                .replace("__IMPORT__", head)
                .replace("__CALL__", attribute);
    }

    public EntryPoint renamed(String newName) {
        return new EntryPoint(newName, module, attribute);
    }
}
