package org.jvirtualenv.cli.completion;

import org.jvirtualenv.config.Candidates;

import java.util.Map;
import org.jvirtualenv.cli.completion.CompletionModel.Arg;

/** fish: one {@code complete} line per option, one for the positional parameter. */
final class FishCompletion {
    private FishCompletion() {
    }

    static String render(CompletionModel model, String version) {
        StringBuilder lines = new StringBuilder();
        String command = model.command();
        for (Arg option : model.options()) {
            StringBuilder line = new StringBuilder("complete -c ").append(command);
            for (String name : option.shortNames()) {
                // fish's -s takes one character; picocli's longer single-dash names are old-style (-o).
                line.append(name.length() == 2 ? " -s " : " -o ").append(name.substring(1));
            }
            for (String name : option.longNames()) {
                line.append(" -l ").append(name.substring(2));
            }
            if (option.takesValue()) {
                // -r: the next word is this option's value; -F: file names, -f: none.
                line.append(option.paths() == Candidates.Paths.FILES ? " -r -F" : " -r -f");
                String arguments = arguments(option);
                if (!arguments.isEmpty()) {
                    line.append(" -a ").append(quote(arguments));
                }
            }
            line.append(" -d ").append(quote(option.summary()));
            lines.append(line).append('\n');
        }
        for (Arg positional : model.positionals()) {
            String arguments = arguments(positional);
            if (!arguments.isEmpty() || positional.paths() == Candidates.Paths.FILES) {
                lines.append("complete -c ").append(command)
                        .append(positional.paths() == Candidates.Paths.FILES ? " -F" : "")
                        .append(arguments.isEmpty() ? "" : " -a " + quote(arguments))
                        .append(" -d ").append(quote(positional.label())).append('\n');
            }
        }
        return ScriptTemplate.fill("fish", Map.of(
                "__VERSION__", version,
                "__COMMAND__", command,
                "__COMPLETIONS__", lines.toString().stripTrailing()));
    }

    /** The -a argument: words (a list's next element after its separator), directories from a command. */
    private static String arguments(Arg arg) {
        String words = String.join(" ", arg.words());
        StringBuilder arguments = new StringBuilder();
        if (!arg.words().isEmpty()) {
            arguments.append(arg.separator().isEmpty() ? words
                    : "(__fish_append " + arg.separator() + " " + words + ")");
        }
        if (arg.paths() == Candidates.Paths.DIRECTORIES) {
            arguments.append(arguments.length() == 0 ? "" : " ")
                    .append("(__fish_complete_directories (commandline -ct))");
        }
        return arguments.toString();
    }

    /** fish single quotes: only {@code \\} and {@code \'} are escapes inside them. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
