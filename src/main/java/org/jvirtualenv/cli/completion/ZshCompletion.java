package org.jvirtualenv.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.cli.completion.CompletionModel.Arg;

/**
 * zsh: a native {@code _arguments} call (descriptions in the menu, aliases and exclusive options
 * known to each other), autoloaded by compinit from {@code _virtualenv} on {@code $fpath}.
 */
final class ZshCompletion {
    private ZshCompletion() {
    }

    static String render(CompletionModel model, String version) {
        List<String> specs = new ArrayList<>();
        List<String> helpers = new ArrayList<>();
        for (Arg option : model.options()) {
            String prefix = exclusions(option) + (option.repeatable() ? "*" : "");
            String value = option.takesValue() ? ":" + option.label() + ":" + action(option, helpers) : "";
            for (String name : option.names()) {
                String spec = prefix + name;
                if (option.takesValue()) {
                    // "--python=": the value may follow after '=' or as the next word; "-p+": attached or next.
                    spec += name.startsWith("--") ? "=" : "+";
                }
                specs.add(spec + "[" + bracketed(option.summary()) + "]" + value);
            }
        }
        int index = 1;
        for (Arg positional : model.positionals()) {
            specs.add(index++ + ":" + positional.label() + ":" + action(positional, helpers));
        }
        StringBuilder arguments = new StringBuilder();
        for (int i = 0; i < specs.size(); i++) {
            arguments.append("    ").append(ScriptTemplate.shQuote(specs.get(i)))
                    .append(i + 1 < specs.size() ? " \\\n" : "\n");
        }
        return ScriptTemplate.fill("zsh", Map.of(
                "__VERSION__", version,
                "__COMMAND__", model.command(),
                "__HELPERS__", String.join("\n", helpers),
                "__ARGUMENTS__", arguments.toString().stripTrailing()));
    }

    /** "(- *)" for help and version (nothing else goes with them), else the names excluded by this one. */
    private static String exclusions(Arg option) {
        if (option.endsCommand()) {
            return "(- *)";
        }
        return option.excludes().isEmpty() ? "" : "(" + String.join(" ", option.excludes()) + ")";
    }

    /**
     * The action completing a value. Words and file names together need {@code _alternative},
     * whose own quoting does not fit inside a spec: it gets a helper function (added to helpers).
     */
    private static String action(Arg arg, List<String> helpers) {
        String words = String.join(" ", arg.words());
        String paths = switch (arg.paths()) {
            case FILES -> "_files";
            // Not "_files -/": that offers files when no directory matches.
            case DIRECTORIES -> "_path_files -/";
            case NONE -> "";
        };
        if (arg.words().isEmpty()) {
            // A lone space: show the value's name, offer nothing.
            return paths.isEmpty() ? " " : paths;
        }
        if (!arg.separator().isEmpty() && paths.isEmpty()) {
            return "_values -s " + arg.separator() + " " + arg.label() + " " + words;
        }
        if (paths.isEmpty()) {
            return "(" + words + ")";
        }
        String helper = "_jvirtualenv_value_" + (helpers.size() + 1);
        helpers.add(helper + "() {\n    _alternative "
                + ScriptTemplate.shQuote("values:" + arg.label() + ":(" + words + ")") + " "
                + ScriptTemplate.shQuote("paths:" + arg.label().toLowerCase() + ":" + paths) + "\n}\n");
        return helper;
    }

    /** Inside {@code [...]} of a spec, brackets and backslashes must be escaped. */
    private static String bracketed(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }
}
