package org.jvirtualenv.config;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line as virtualenv 21's parser (Python's argparse) reads it, rewritten where
 * picocli reads it differently, before picocli parses it:
 * <ul>
 * <li>a long option may be shortened to any prefix that only one option has ({@code --sys} is
 *     {@code --system-site-packages}, {@code --prom x} is {@code --prompt x}); a prefix that
 *     several have is refused, naming them. picocli's own abbreviations are not used: they also
 *     take {@code --s-s-p}, which neither argparse nor the launcher's scan of its arguments
 *     would;</li>
 * <li>a flag of an exclusive pair given again ({@code --copies --always-copy}) counts once:
 *     picocli would take it for a second use of the pair and refuse it.</li>
 * </ul>
 * Nothing after {@code --} is touched.
 */
public final class Spellings {
    private Spellings() {
    }

    /**
     * @throws CommandLine.ParameterException for a prefix of several options
     */
    public static String[] normalize(CommandSpec spec, String[] args) {
        List<String> out = new ArrayList<>(args.length);
        List<OptionSpec> flagsSeen = new ArrayList<>();
        boolean options = true;
        for (String arg : args) {
            options = options && !arg.equals("--");
            if (!options || !arg.startsWith("--") || arg.length() == 2) {
                out.add(arg);
                continue;
            }
            String name = optionName(arg);
            String full = fullName(spec, name);
            OptionSpec option = spec.findOption(full);
            if (option != null && option.group() != null && option.arity().max() == 0) {
                if (flagsSeen.contains(option)) {
                    continue;
                }
                flagsSeen.add(option);
            }
            out.add(full + arg.substring(name.length()));
        }
        return out.toArray(new String[0]);
    }

    /** {@code arg} without the {@code =VALUE} it may carry. */
    static String optionName(String arg) {
        int equals = arg.indexOf('=');
        return equals < 0 ? arg : arg.substring(0, equals);
    }

    /**
     * The shortest prefix of the long option {@code name} that stands for it alone: the scans of
     * the arguments made before the table exists (the launcher's, the verbosity's) must know it.
     */
    public static String shortestPrefix(CommandSpec spec, String name) {
        for (int length = 3; length < name.length(); length++) {
            String prefix = name.substring(0, length);
            try {
                if (spec.findOption(fullName(spec, prefix)) == spec.findOption(name)) {
                    return prefix;
                }
            } catch (CommandLine.ParameterException ambiguous) {
                // a longer prefix, then
            }
        }
        return name;
    }

    /** The option name {@code name} stands for: itself when it is one or no option has it as a prefix. */
    static String fullName(CommandSpec spec, String name) {
        if (spec.findOption(name) != null) {
            return name;
        }
        List<String> candidates = new ArrayList<>();
        OptionSpec found = null;
        boolean several = false;
        for (OptionSpec option : spec.options()) {
            for (String candidate : option.names()) {
                if (candidate.startsWith("--") && candidate.startsWith(name)) {
                    several = several || found != null && found != option;
                    found = option;
                    candidates.add(candidate);
                }
            }
        }
        if (several) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "ambiguous option: " + name + " could match " + String.join(", ", candidates));
        }
        return found == null ? name : candidates.get(0);
    }
}
