package org.jvirtualenv.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.ParameterException;

/**
 * The text of a command line picocli refused, for the command line and {@link CommandLineRequest}
 * alike. Two options of one exclusive pair are named as the user typed them: picocli names each
 * by its longest name, so {@code --copies --symlinks} read "--symlinks, --always-copy are
 * mutually exclusive".
 */
public final class UsageErrors {
    private UsageErrors() {
    }

    /** What was wrong with {@code args}, without picocli's "Error: " in front. */
    public static String message(ParameterException e, String[] args) {
        String pair = e instanceof MutuallyExclusiveArgsException
                ? exclusivePair(e.getCommandLine().getCommandSpec(), args) : null;
        if (pair != null) {
            return pair;
        }
        String text = e.getMessage();
        return text.startsWith("Error: ") ? text.substring("Error: ".length()) : text;
    }

    /** Null when the arguments do not show two options of one exclusive group. */
    private static String exclusivePair(CommandSpec spec, String[] args) {
        Map<ArgGroupSpec, Map<OptionSpec, String>> typed = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            String name = Spellings.optionName(arg);
            OptionSpec option = name.startsWith("-") ? spec.findOption(name) : null;
            if (option == null || option.group() == null || !option.group().exclusive()) {
                continue;
            }
            Map<OptionSpec, String> inGroup = typed.computeIfAbsent(option.group(), g -> new LinkedHashMap<>());
            inGroup.putIfAbsent(option, name);
            if (inGroup.size() == 2) {
                List<String> names = new ArrayList<>(inGroup.values());
                return names.get(0) + " and " + names.get(1) + " cannot be used together: give one of them";
            }
        }
        return null;
    }
}
