package org.jvirtualenv.config;

import java.nio.file.Path;
import java.util.List;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.util.VirtualenvException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * For Java callers: the request {@code virtualenv ARGS} would make, from the same sources the
 * command line reads — the arguments, the {@code VIRTUALENV_*} variables and the ini file — with
 * the same validation.
 *
 * <pre>{@code
 * CreateRequest request = CommandLineRequest.parse(List.of("--no-seed", "env"),
 *         ConfigSources.of(System.getenv()), Path.of("").toAbsolutePath());
 * }</pre>
 */
public final class CommandLineRequest {
    private CommandLineRequest() {
    }

    /**
     * @throws VirtualenvException (usage) for an unknown option, a value that does not parse or a missing DEST
     */
    public static CreateRequest parse(List<String> args, ConfigSources sources, Path workDir) {
        CommandLine cli = new CommandLine(Options.spec(sources));
        String[] given = args.toArray(new String[0]);
        try {
            given = Spellings.normalize(cli.getCommandSpec(), given);
            return request(cli.parseArgs(given), sources, workDir);
        } catch (ParameterException e) {
            throw new VirtualenvException(VirtualenvException.USAGE, UsageErrors.message(e, given), e);
        }
    }

    /**
     * What a command line already parsed against {@link Options#spec(ConfigSources)} with these
     * {@code sources} asks for.
     */
    public static Invocation invocation(ParseResult parsed, ConfigSources sources, Path workDir) {
        return RequestMapper.invocation(parsed, sources, workDir);
    }

    /** The environment request of a parsed command line; DEST is required. */
    public static CreateRequest request(ParseResult parsed, ConfigSources sources, Path workDir) {
        Invocation invocation = invocation(parsed, sources, workDir);
        if (invocation.request() == null) {
            throw new VirtualenvException(VirtualenvException.USAGE,
                    "missing DEST: give the directory to create the environment in");
        }
        return invocation.request();
    }
}
