package org.jvirtualenv.cli.completion;

import org.jvirtualenv.config.Candidates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The part of a picocli command table a shell completion needs, in the terms the three script
 * generators share. Hidden options are left out, so a completion offers what the help shows.
 *
 * @param command     the command's name
 * @param options     visible options, in the table's order
 * @param positionals visible positional parameters, by index
 */
public record CompletionModel(String command, List<Arg> options, List<Arg> positionals) {
    /**
     * Candidate words end up unquoted inside generated scripts of three languages; anything
     * beyond these characters is refused when the scripts are generated (at build time).
     */
    private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9._+@%=-]+");

    /**
     * One option or positional parameter.
     *
     * @param names      the option's names ({@code -p}, {@code --python}); empty for a positional
     * @param label      the value's name in the help ({@code SPEC}); the positional's name
     * @param summary    the first clause of the description, for a completion menu
     * @param takesValue false for a flag
     * @param repeatable may be given more than once
     * @param words      fixed values to offer
     * @param paths      file-system entries to offer besides the words
     * @param separator  the value is a list with this separator ("," for --activators), or ""
     * @param excludes   names that may not appear together with this option (its own names,
     *                   unless repeatable, and those of the other options of an exclusive group)
     * @param endsCommand the option stops the command (help, version): nothing else is offered with it
     */
    public record Arg(List<String> names, String label, String summary, boolean takesValue, boolean repeatable,
                      List<String> words, Candidates.Paths paths, String separator, List<String> excludes,
                      boolean endsCommand) {
        public List<String> longNames() {
            return names.stream().filter(n -> n.startsWith("--")).toList();
        }

        public List<String> shortNames() {
            return names.stream().filter(n -> !n.startsWith("--")).toList();
        }

        /** Offers something when its value is completed. */
        public boolean completesValue() {
            return !words.isEmpty() || paths != Candidates.Paths.NONE;
        }
    }

    public static CompletionModel of(CommandSpec spec) {
        List<Arg> options = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                options.add(option(option));
            }
        }
        List<Arg> positionals = new ArrayList<>();
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (!positional.hidden()) {
                positionals.add(value(List.of(), positional, List.of(), false));
            }
        }
        return new CompletionModel(spec.name(), List.copyOf(options), List.copyOf(positionals));
    }

    private static Arg option(OptionSpec option) {
        Set<String> excludes = new LinkedHashSet<>();
        if (!option.isMultiValue()) {
            excludes.addAll(List.of(option.names()));
        }
        if (option.group() != null && option.group().exclusive()) {
            for (ArgSpec peer : option.group().args()) {
                if (peer instanceof OptionSpec other) {
                    excludes.addAll(List.of(other.names()));
                }
            }
        }
        return value(List.of(option.names()), option, List.copyOf(excludes),
                option.usageHelp() || option.versionHelp());
    }

    private static Arg value(List<String> names, ArgSpec arg, List<String> excludes, boolean endsCommand) {
        List<String> words = List.of();
        Candidates.Paths paths = Candidates.Paths.NONE;
        Iterable<String> candidates = arg.completionCandidates();
        if (candidates instanceof Candidates ours) {
            words = ours.words();
            paths = ours.paths();
        } else if (candidates != null) {
            List<String> list = new ArrayList<>();
            candidates.forEach(list::add);
            words = List.copyOf(list);
        }
        for (String word : words) {
            if (!SAFE_WORD.matcher(word).matches()) {
                throw new IllegalStateException("completion candidate '" + word + "' of " + describe(names, arg)
                        + " has characters the completion scripts would have to quote");
            }
        }
        String split = arg.splitRegex();
        String separator = split.length() == 1 && ",;:".contains(split) ? split : "";
        return new Arg(names, label(arg), summary(arg.description()), arg.arity().max() > 0,
                arg.isMultiValue(), words, paths, separator, excludes, endsCommand);
    }

    private static String describe(List<String> names, ArgSpec arg) {
        return names.isEmpty() ? arg.paramLabel() : String.join(", ", names);
    }

    private static String label(ArgSpec arg) {
        String label = arg.paramLabel();
        return label.startsWith("<") && label.endsWith(">") ? label.substring(1, label.length() - 1) : label;
    }

    /**
     * The description up to its first "; " or ": " outside parentheses: "interpreter to create
     * the environment from: a path, ..." becomes "interpreter to create the environment from".
     */
    static String summary(String[] description) {
        String text = String.join(" ", description).replaceAll("\\s+", " ").strip();
        int depth = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if ((c == ';' || c == ':') && depth == 0 && text.charAt(i + 1) == ' ') {
                return text.substring(0, i);
            }
        }
        return text;
    }
}
