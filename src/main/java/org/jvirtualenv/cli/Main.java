package org.jvirtualenv.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.config.ConfigFile;
import org.jvirtualenv.config.ConfigSources;
import org.jvirtualenv.config.Spellings;
import org.jvirtualenv.config.UsageErrors;
import org.jvirtualenv.launcher.ClassDataArchive;
import picocli.CommandLine;

/**
 * Process entry point. Errors are mapped here, and only here: a {@link VirtualenvException}
 * becomes its one-line message and exit code; anything else is reported as an internal error.
 * Stack traces appear only with -v or --with-traceback.
 */
public final class Main {
    /** Exit code of a failure that is a bug of the tool (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;
    /** The option table's version option (config.Options; VersionTest checks the name). */
    static final String VERSION = "--version";

    private Main() {
    }

    public static void main(String[] args) {
        ClassDataArchive.start();
        int exitCode = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        ClassDataArchive.finish();
        System.exit(exitCode);
    }

    /** Runs the CLI with the given streams; returns the exit code (used by tests, too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv(), Path.of("").toAbsolutePath());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with the variables and working directory given. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment, Path workDir) {
        ConfigSources sources = ConfigSources.of(environment);
        Verbosity verbosity;
        try {
            verbosity = configureLogging(args, sources);
        } catch (VirtualenvException e) {
            err.println("virtualenv: error: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
        ConfigFile file = sources.file();
        if (file.status() == ConfigFile.Status.FAILED) {
            err.println("virtualenv: warning: ignoring the config file " + file.path() + ": " + file.problem()
                    + " (the command line and VIRTUALENV_* variables still apply)");
            err.flush();
        }
        if (args.length == 1 && args[0].equals(VERSION)) {
            // What picocli prints for it (VersionTest holds them equal), without building the
            // option table, reading its defaults or starting the warm-up: most of what --version cost.
            VersionProvider.print(out);
            return 0;
        }
        Warmup.start();
        CommandLine cli = commandLine(out, err, verbosity, sources, workDir);
        String[] spelled;
        try {
            spelled = Spellings.normalize(cli.getCommandSpec(), args);
        } catch (CommandLine.ParameterException e) {
            return usageError(err, e, args);
        }
        try {
            return cli.execute(spelled);
        } catch (RuntimeException e) {
            // picocli reports what it cannot parse through the handlers; anything else it lets
            // through is our bug, and still gets one line.
            return internalError(err, verbosity, e);
        }
    }

    /** A failure that is our bug: one line (the stack trace only when asked for), and its exit code. */
    private static int internalError(PrintWriter err, Verbosity verbosity, Exception e) {
        err.println("virtualenv: internal error: " + e + " (please report it; run with -v for details)");
        if (verbosity.trace()) {
            e.printStackTrace(err);
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    /** A command line that cannot be parsed: one line, and the usage exit code. */
    private static int usageError(PrintWriter err, CommandLine.ParameterException e, String[] args) {
        err.println("virtualenv: error: " + UsageErrors.message(e, args) + " (see virtualenv --help)");
        err.flush();
        return VirtualenvException.USAGE;
    }

    /**
     * How much to say: {@code level} is verbose minus quiet, from the command line and the
     * variables; {@code trace} adds stack traces to failures.
     */
    record Verbosity(int level, boolean trace) {
        boolean quiet() {
            return level < 0;
        }
    }

    /** The command line with its error mapping. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Verbosity verbosity, ConfigSources sources,
            Path workDir) {
        // Every option is a string, a flag or a list of strings. Left alone, picocli would load and
        // initialise about thirty java.time and java.sql classes to offer converters we never use:
        // several milliseconds of each run.
        System.setProperty("picocli.converters.excludes", "java\\.time\\..*,java\\.sql\\..*");
        Handlers handlers = new Handlers(err, verbosity, sources, workDir);
        CommandLine cli = new CommandLine(CommandModel.spec(sources))
                .setOut(out)
                .setErr(err)
                .setUnmatchedOptionsArePositionalParams(false)
                .setExecutionStrategy(handlers);
        cli.setParameterExceptionHandler(handlers);
        cli.setExecutionExceptionHandler(handlers);
        return cli;
    }

    /**
     * What picocli calls back: the command, and the error mapping. A class, not three lambdas:
     * these implement picocli's interfaces, which are Java 5 class files, and the class-data
     * archive cannot hold a lambda class made for one, so each would be spun at run time. Not a
     * record either: picocli may hash or print it, and a record's methods are bootstrapped then.
     */
    private static final class Handlers implements CommandLine.IExecutionStrategy,
            CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
        private final PrintWriter err;
        private final Verbosity verbosity;
        private final ConfigSources sources;
        private final Path workDir;

        Handlers(PrintWriter err, Verbosity verbosity, ConfigSources sources, Path workDir) {
            this.err = err;
            this.verbosity = verbosity;
            this.sources = sources;
            this.workDir = workDir;
        }

        @Override
        public int execute(CommandLine.ParseResult parsed) {
            return CommandModel.execute(parsed, sources, workDir, verbosity.quiet());
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            return usageError(err, ex, args);
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            if (ex instanceof VirtualenvException ve) {
                err.println("virtualenv: error: " + ve.getMessage());
                if (verbosity.trace()) {
                    ve.printStackTrace(err);
                }
                err.flush();
                return ve.exitCode();
            }
            return internalError(err, verbosity, ex);
        }
    }

    /**
     * slf4j-simple reads its level once, when the first logger is made, so the verbosity flags
     * (and their variables: VIRTUALENV_VERBOSE=2) are looked at before picocli parses anything.
     */
    private static Verbosity configureLogging(String[] args, ConfigSources sources) {
        int verbosity = sources.count("verbose", "v") - sources.count("quiet", "q");
        boolean traceback = sources.flag("with_traceback");
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (spells(arg, "--verbose", VERBOSE_FROM)) {
                verbosity++;
            } else if (spells(arg, "--quiet", QUIET_FROM)) {
                verbosity--;
            } else if (spells(arg, "--with-traceback", TRACEBACK_FROM)) {
                traceback = true;
            } else {
                verbosity += clusteredVerbosity(arg);
            }
        }
        String level = verbosity >= 2 ? "trace" : verbosity == 1 ? "debug" : verbosity < 0 ? "error" : "warn";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        return new Verbosity(verbosity, traceback || verbosity > 0);
    }

    /**
     * The shortest prefixes of --verbose, --quiet and --with-traceback that no other option has:
     * config.Spellings reads them as those options, and so must the verbosity, which is set before
     * the option table is built (CliOptionsTest holds them to the table).
     */
    static final String VERBOSE_FROM = "--verb";
    static final String QUIET_FROM = "--q";
    static final String TRACEBACK_FROM = "--with-";

    /** Whether {@code arg} is {@code option}, or a prefix of it from {@code shortest} on. */
    private static boolean spells(String arg, String option, String shortest) {
        return arg.length() >= shortest.length() && option.startsWith(arg);
    }

    /**
     * The -v and -q of a cluster of short options, as picocli reads it: "-vvq" is 1, and "-vvp3.11"
     * is 2 (two flags, then -p with its value), while "-pvv" is 0 (-p's value). A loop, not a
     * regular expression, because this runs first in every process and the first regular
     * expression also starts the JVM's method-handle machinery, which the warm-up thread should
     * pay for instead of the main one.
     */
    private static int clusteredVerbosity(String arg) {
        if (arg.length() < 2 || arg.charAt(0) != '-' || arg.charAt(1) == '-') {
            return 0;
        }
        int verbosity = 0;
        for (int i = 1; i < arg.length() && (arg.charAt(i) == 'v' || arg.charAt(i) == 'q'); i++) {
            verbosity += arg.charAt(i) == 'v' ? 1 : -1;
        }
        return verbosity;
    }
}
