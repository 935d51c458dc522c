package org.jvirtualenv.cli;

import java.io.PrintWriter;
import org.jvirtualenv.VirtualenvException;
import picocli.CommandLine;

/**
 * Process entry point. Errors are mapped here, and only here: a {@link VirtualenvException}
 * becomes its one-line message and exit code; anything else is reported as an internal error.
 * Stack traces appear only with -v or --with-traceback.
 */
public final class Main {
    /** Exit code of a failure that is a bug of the tool (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code (used by tests, too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean trace = configureLogging(args);
        Warmup.start();
        return commandLine(out, err, trace).execute(args);
    }

    /** The command line with its error mapping; {@code trace} adds stack traces to failures. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean trace) {
        // Every option is a string, a flag or a list of strings. Left alone, picocli would load and
        // initialise about thirty java.time and java.sql classes to offer converters we never use:
        // several milliseconds of each run.
        System.setProperty("picocli.converters.excludes", "java\\.time\\..*,java\\.sql\\..*");
        CommandLine cli = new CommandLine(CommandModel.spec())
                .setOut(out)
                .setErr(err)
                .setUnmatchedOptionsArePositionalParams(false)
                .setExecutionStrategy(CommandModel::execute);
        cli.setParameterExceptionHandler((ex, cmdArgs) -> {
            err.println("virtualenv: error: " + ex.getMessage() + " (see virtualenv --help)");
            err.flush();
            return VirtualenvException.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof VirtualenvException ve) {
                err.println("virtualenv: error: " + ve.getMessage());
                if (trace) {
                    ve.printStackTrace(err);
                }
                err.flush();
                return ve.exitCode();
            }
            err.println("virtualenv: internal error: " + ex + " (please report it; run with -v for details)");
            if (trace) {
                ex.printStackTrace(err);
            }
            err.flush();
            return INTERNAL_ERROR;
        });
        return cli;
    }

    /**
     * slf4j-simple reads its level once, when the first logger is made, so the verbosity flags
     * are looked at before picocli parses anything.
     */
    private static boolean configureLogging(String[] args) {
        int verbosity = 0;
        boolean traceback = false;
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--verbose")) {
                verbosity++;
            } else if (arg.equals("--quiet")) {
                verbosity--;
            } else if (arg.equals("--with-traceback")) {
                traceback = true;
            } else if (isVerbosityCluster(arg)) {
                for (char c : arg.substring(1).toCharArray()) {
                    verbosity += c == 'v' ? 1 : -1;
                }
            }
        }
        String level = verbosity >= 2 ? "trace" : verbosity == 1 ? "debug" : verbosity < 0 ? "error" : "warn";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        return traceback || verbosity > 0;
    }

    /**
     * "-v", "-vvq", ...: a loop, not a regular expression, because this runs first in every
     * process and the first regular expression also starts the JVM's method-handle machinery,
     * which the warm-up thread should pay for instead of the main one.
     */
    private static boolean isVerbosityCluster(String arg) {
        if (arg.length() < 2 || arg.charAt(0) != '-') {
            return false;
        }
        for (int i = 1; i < arg.length(); i++) {
            if (arg.charAt(i) != 'v' && arg.charAt(i) != 'q') {
                return false;
            }
        }
        return true;
    }
}
