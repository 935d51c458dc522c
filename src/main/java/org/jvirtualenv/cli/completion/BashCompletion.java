package org.jvirtualenv.cli.completion;

import java.util.List;
import java.util.Map;
import org.jvirtualenv.cli.completion.CompletionModel.Arg;

/**
 * bash: one {@code case} arm per option that takes a value, then option names for a word that
 * starts with "-", else the positional parameter's values. Also the script zsh users could load
 * with bashcompinit, though {@link ZshCompletion} serves them better.
 */
final class BashCompletion {
    private static final String INDENT = "        ";

    private BashCompletion() {
    }

    static String render(CompletionModel model, String version) {
        StringBuilder cases = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (Arg option : model.options()) {
            for (String name : option.names()) {
                names.append(names.length() == 0 ? "" : " ").append(name);
            }
            if (option.takesValue()) {
                cases.append(INDENT).append(String.join("|", option.names())).append(")\n")
                        .append(INDENT).append("    ").append(offer(option)).append("return 0 ;;\n");
            }
        }
        String positional = model.positionals().isEmpty() ? ""
                : "    # Any other word: the positional parameter (" + model.positionals().get(0).label() + ").\n"
                        + "    " + offer(model.positionals().get(0)).replaceAll("; $", "") + "\n";
        return ScriptTemplate.fill("bash", Map.of(
                "__VERSION__", version,
                "__COMMAND__", model.command(),
                "__VALUE_CASES__", cases.toString().stripTrailing(),
                "__OPTIONS__", names.toString(),
                "__POSITIONAL__", positional.stripTrailing()));
    }

    /** The helper calls that fill COMPREPLY for one value, each followed by "; "; empty when nothing is offered. */
    private static String offer(Arg arg) {
        StringBuilder calls = new StringBuilder();
        List<String> words = arg.words();
        if (!words.isEmpty()) {
            calls.append(arg.separator().isEmpty()
                    ? "_jvirtualenv_words " + ScriptTemplate.shQuote(String.join(" ", words))
                    : "_jvirtualenv_list " + ScriptTemplate.shQuote(String.join(" ", words)) + " "
                            + ScriptTemplate.shQuote(arg.separator()))
                    .append("; ");
        }
        switch (arg.paths()) {
            case FILES -> calls.append("_jvirtualenv_paths -f; ");
            case DIRECTORIES -> calls.append("_jvirtualenv_paths -d; ");
            case NONE -> { }
        }
        return calls.toString();
    }
}
