package org.jvirtualenv.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.config.Candidates;
import org.jvirtualenv.config.ConfigSources;
import org.jvirtualenv.cli.completion.Completion;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command's whole option table: {@link VirtualenvCommand}'s, plus the hidden
 * {@code --generate-completion SHELL}. The CLI parses with it, and the build generates the shell
 * completion scripts and the man page from it, so none of them can miss an option.
 */
public final class CommandModel {
    static final String GENERATE_COMPLETION = "--generate-completion";

    private CommandModel() {
    }

    /** The table without any configuration: what the build generates completion and the man page from. */
    public static CommandSpec spec() {
        return spec(ConfigSources.none());
    }

    /** The table as the command line uses it, its defaults read from {@code sources}. */
    public static CommandSpec spec(ConfigSources sources) {
        CommandSpec spec = VirtualenvCommand.spec(sources);
        spec.addOption(OptionSpec.builder(GENERATE_COMPLETION).paramLabel("SHELL").type(String.class)
                .description("print the completion script for bash, zsh or fish and exit")
                .completionCandidates(Candidates.of(shellNames()))
                // For people who install by hand; the release bundle carries the scripts already.
                .hidden(true)
                // Like --help: with it, DEST is not required.
                .help(true)
                .build());
        return spec;
    }

    private static String[] shellNames() {
        Completion.Shell[] shells = Completion.Shell.values();
        String[] names = new String[shells.length];
        for (int i = 0; i < shells.length; i++) {
            names[i] = shells[i].displayName();
        }
        return names;
    }

    /** The execution strategy: the completion script when it is asked for, else the command. */
    static int execute(ParseResult parsed, ConfigSources sources, Path workDir, boolean quiet) {
        String shellName = parsed.matchedOptionValue(GENERATE_COMPLETION, null);
        if (shellName == null) {
            return VirtualenvCommand.execute(parsed, sources, workDir, quiet);
        }
        Completion.Shell shell = Completion.Shell.named(shellName);
        if (shell == null) {
            throw new ParameterException(parsed.commandSpec().commandLine(), "Invalid value for option '"
                    + GENERATE_COMPLETION + "': '" + shellName + "' is not bash, zsh or fish");
        }
        PrintWriter out = parsed.commandSpec().commandLine().getOut();
        out.print(Completion.script(shell, parsed.commandSpec(), Virtualenv.version()));
        out.flush();
        return 0;
    }
}
