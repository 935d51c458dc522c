package org.jvirtualenv.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Plan;
import org.jvirtualenv.RelocationResult;
import org.jvirtualenv.Result;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.config.CommandLineRequest;
import org.jvirtualenv.config.ConfigSources;
import org.jvirtualenv.config.Invocation;
import org.jvirtualenv.config.Options;
import org.jvirtualenv.launcher.ClassDataArchive;
import org.jvirtualenv.seed.EmbedWheelUpgrade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code virtualenv [OPTIONS] DEST}: the option table ({@link Options}) with our version, and the
 * run of a parsed command line: the library call and its report. No logic beyond that lives here.
 */
final class VirtualenvCommand {
    private VirtualenvCommand() {
    }

    static CommandSpec spec(ConfigSources sources) {
        return Options.spec(sources).versionProvider(new VersionProvider());
    }

    /**
     * The execution strategy: help and version as picocli would print them, otherwise create (or
     * relocate) and report. Failures are wrapped as picocli wraps those of a command, so Main's
     * execution-exception handler turns them into a message and an exit code.
     */
    static int execute(ParseResult parsed, ConfigSources sources, Path workDir, boolean quiet) {
        if (parsed.isVersionHelpRequested() && !parsed.isUsageHelpRequested()) {
            // Where picocli would print it (help wins over version), but as the lines are.
            VersionProvider.print(parsed.commandSpec().commandLine().getOut());
            return 0;
        }
        Integer helpExitCode = CommandLine.executeHelpRequest(parsed);
        CommandLine cli = parsed.commandSpec().commandLine();
        if (helpExitCode != null) {
            if (parsed.isUsageHelpRequested()) {
                // As virtualenv's help ends; printed here, unwrapped, so the path stays on one line.
                cli.getOut().println(sources.file().helpLine());
                cli.getOut().flush();
            }
            return helpExitCode;
        }
        Warmup.awaitLogging();
        try {
            Invocation invocation = CommandLineRequest.invocation(parsed, sources, workDir);
            if (invocation.upgradeOnly()) {
                EmbedWheelUpgrade.Result upgrade = Virtualenv.upgradeEmbedWheels(invocation.appData(),
                        invocation.environment());
                if (!quiet) {
                    cli.getOut().print(Report.renderUpgrade(upgrade));
                    cli.getOut().flush();
                }
            } else {
                run(invocation.request(), quiet, cli.getOut());
            }
            return 0;
        } catch (ParameterException | ExecutionException e) {
            throw e;
        } catch (Exception e) {
            throw new ExecutionException(cli, "virtualenv failed: " + e, e);
        }
    }

    private static void run(CreateRequest request, boolean quiet, PrintWriter out) {
        Plan plan = Virtualenv.plan(request);
        // The logger is asked for here, not in a static field: this class is initialised while the
        // option table is built, and slf4j is then still starting on the warm-up thread, which the
        // main thread would wait for (about 15 ms of every run).
        Logger log = LoggerFactory.getLogger(VirtualenvCommand.class);
        if (log.isDebugEnabled()) {
            log.debug("plan:\n{}", plan.describe().stripTrailing());
        }
        Result result = plan.run();
        if (result instanceof CreateResult created) {
            ClassDataArchive.environmentCreated(request.seed().appData(), request.seed().readOnlyAppData(),
                    Options.creationLike(created.python().executable(), request.seed().enabled(), request.seed().appData()));
            if (!quiet) {
                out.print(Report.render(created));
            }
        } else if (result instanceof RelocationResult relocated && !quiet) {
            out.print(Report.renderRelocation(relocated.destination(), relocated.relocation()));
        }
        out.flush();
    }
}
