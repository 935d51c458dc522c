package org.jvirtualenv.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.VirtualenvException;
import org.jvirtualenv.activation.Activator;
import org.jvirtualenv.activation.Activators;
import org.jvirtualenv.cli.completion.Candidates;
import org.jvirtualenv.relocate.RelocationReport;
import org.jvirtualenv.seed.SeedOptions;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code virtualenv [OPTIONS] DEST}: the option table, and the mapping from a parsed command line
 * to a {@link CreateRequest}, the library call and its report. No logic beyond that lives here.
 *
 * <p>The table is built with picocli's programmatic API, not its annotations: reading annotations
 * costs dynamic proxies and reflection at every start, about twice what building the same spec
 * costs, in a tool whose whole run is a few hundred milliseconds.
 */
final class VirtualenvCommand {
    /** Completion candidates of --pip, --setuptools and --wheel (which also take a version). */
    private static final Candidates SEED_VERSIONS = Candidates.of(SeedOptions.BUNDLE, SeedOptions.EMBED, SeedOptions.NONE);

    private VirtualenvCommand() {
    }

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("virtualenv").versionProvider(new VersionProvider());
        spec.usageMessage()
                .sortOptions(false)
                .autoWidth(true)
                .description("Create an isolated Python environment in DEST.")
                .footer("", "Environment variables: PATH is searched for interpreters; XDG_CACHE_HOME (or ~/.cache) holds the app-data cache.");
        spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("DEST").type(String.class).required(true)
                .description("directory to create the environment in")
                .completionCandidates(Candidates.directories()).build());
        spec.addOption(repeatable("-p, --python", "SPEC",
                "interpreter to create the environment from: a path, a command on PATH (python3.12), "
                        + "or a spec searched on PATH and in pyenv: [impl][version][t][-32|-64] (3.11, 311, pypy3, "
                        + "cpython3.9, py3.10-64) or a PEP 440 specifier (>=3.10, cpython~=3.11.0), highest match wins; "
                        + "repeatable, the first that resolves wins, then those in $VIRTUALENV_PYTHON (default: python3)")
                .toBuilder().completionCandidates(Candidates.interpreters()).build());
        spec.addOption(repeatable("--try-first-with", "PATH",
                "interpreter to try before searching; it must still satisfy the spec (repeatable)")
                .toBuilder().completionCandidates(Candidates.files()).build());
        spec.addOption(flag("--clear", "delete the contents of DEST (an existing environment) before creating it"));
        spec.addOption(flag("--system-site-packages", "give the environment access to the base interpreter's site-packages"));
        spec.addArgGroup(oneOf(
                flag("--symlinks", "link the interpreter into the environment (default)"),
                flag("--copies, --always-copy", "copy the interpreter instead of linking it")));
        spec.addOption(value("--prompt", "PROMPT",
                "name shown in the shell prompt when activated ('.' means the current directory's name; default: DEST's name)"));
        spec.addOption(flag("--no-vcs-ignore", "do not write a .gitignore into the environment"));
        spec.addOption(flag("--no-seed, --without-pip", "install no packages (no pip, setuptools or wheel)"));
        spec.addOption(flag("--no-pip", "do not install pip"));
        spec.addOption(flag("--no-setuptools", "do not install setuptools"));
        spec.addOption(flag("--no-wheel", "do not install wheel"));
        spec.addOption(value("--pip", "VERSION",
                "pip to install: bundle (newest that runs, default), embed (only the bundled ones), none, or an exact version")
                .toBuilder().completionCandidates(SEED_VERSIONS).build());
        spec.addOption(value("--setuptools", "VERSION",
                "setuptools to install, as --pip (default: bundle up to Python 3.11, none from 3.12)")
                .toBuilder().completionCandidates(SEED_VERSIONS).build());
        spec.addOption(value("--wheel", "VERSION",
                "wheel to install, as --pip (default: bundle up to Python 3.11, none from 3.12)")
                .toBuilder().completionCandidates(SEED_VERSIONS).build());
        spec.addOption(repeatable("--extra-search-dir", "DIR",
                "a folder of wheels that may replace the bundled ones when newer (repeatable; missing folders are ignored)")
                .toBuilder().completionCandidates(Candidates.directories()).build());
        spec.addOption(value("--seeder", "SEEDER",
                "app-data (link a compiled image from the cache, default) or pip (run pip to install the wheels)")
                .toBuilder().defaultValue(SeedOptions.APP_DATA)
                .completionCandidates(Candidates.of(SeedOptions.APP_DATA, SeedOptions.PIP)).build());
        spec.addArgGroup(oneOf(
                flag("--download", "fetch versions that are not available locally with pip from its index"),
                flag("--no-download, --never-download", "use only local wheels (default)")));
        spec.addOption(flag("--reset-app-data", "empty the app-data cache first"));
        spec.addOption(flag("--read-only-app-data", "use the app-data cache without writing to it"));
        spec.addOption(flag("--symlink-app-data",
                "symlink seed packages' files to the app-data cache instead of linking or copying them"));
        spec.addOption(value("--app-data", "DIR",
                "cache directory for the tool's data (default: $XDG_CACHE_HOME/jvirtualenv or ~/.cache/jvirtualenv)")
                .toBuilder().completionCandidates(Candidates.directories()).build());
        spec.addOption(repeatable("--activators", "LIST",
                "activation scripts to write, comma separated (default: all that fit the platform)")
                .toBuilder().splitRegex(",")
                .completionCandidates(Candidates.of(() -> Activators.all().stream().map(Activator::name).toList())).build());
        spec.addOption(flag("--relocatable", "make the environment work after it is moved or copied; on an existing "
                + "environment, only make it (and what was installed since) relocatable"));
        spec.addOption(counted("-v, --verbose", "explain each step (repeat for more)"));
        spec.addOption(counted("-q, --quiet", "print nothing but errors"));
        spec.addOption(flag("--with-traceback", "show the stack trace when something fails"));
        spec.addOption(flag("--version", "print the version and exit").toBuilder().versionHelp(true).build());
        spec.addOption(flag("-h, --help", "show this help and exit").toBuilder().usageHelp(true).build());
        return spec;
    }

    private static OptionSpec flag(String names, String description) {
        return OptionSpec.builder(names(names)).type(boolean.class).description(description).build();
    }

    /** A flag that may be repeated, also clustered ({@code -vv}); its value is one {@code true} per occurrence. */
    private static OptionSpec counted(String names, String description) {
        return OptionSpec.builder(names(names)).type(boolean[].class).arity("0").description(description).build();
    }

    private static OptionSpec value(String names, String label, String description) {
        return OptionSpec.builder(names(names)).type(String.class).paramLabel(label).description(description).build();
    }

    private static OptionSpec repeatable(String names, String label, String description) {
        return OptionSpec.builder(names(names)).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
                .description(description).build();
    }

    /**
     * "-p, --python" to its names. Not String.split: a two-character separator is a regular
     * expression, compiled again for each of the thirty options of every run.
     */
    private static String[] names(String list) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int comma = list.indexOf(", "); comma >= 0; comma = list.indexOf(", ", start)) {
            names.add(list.substring(start, comma));
            start = comma + 2;
        }
        names.add(list.substring(start));
        return names.toArray(new String[0]);
    }

    private static ArgGroupSpec oneOf(OptionSpec... options) {
        ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(true).multiplicity("0..1");
        for (OptionSpec option : options) {
            group.addArg(option);
        }
        return group.build();
    }

    /**
     * The execution strategy: help and version as picocli would print them, otherwise create (or
     * relocate) and report. Failures are wrapped as picocli wraps those of a command, so Main's
     * execution-exception handler turns them into a message and an exit code.
     */
    static int execute(ParseResult parsed) {
        Integer helpExitCode = CommandLine.executeHelpRequest(parsed);
        if (helpExitCode != null) {
            return helpExitCode;
        }
        CommandLine cli = parsed.commandSpec().commandLine();
        try {
            run(request(parsed), parsed.matchedOptionValue("--quiet", new boolean[0]).length > 0, cli.getOut());
            return 0;
        } catch (ParameterException | ExecutionException e) {
            throw e;
        } catch (Exception e) {
            throw new ExecutionException(cli, "virtualenv failed: " + e, e);
        }
    }

    private static void run(CreateRequest request, boolean quiet, PrintWriter out) {
        if (Virtualenv.relocatesInPlace(request)) {
            RelocationReport relocation = Virtualenv.makeRelocatable(request);
            if (!quiet) {
                out.print(Report.renderRelocation(request.workDir().resolve(request.destination()).normalize(), relocation));
            }
        } else {
            CreateResult result = Virtualenv.create(request);
            if (!quiet) {
                out.print(Report.render(result));
            }
        }
        out.flush();
    }

    static CreateRequest request(ParseResult parsed) {
        CreateRequest.Builder request = CreateRequest.builder(path(parsed, "DEST", parsed.matchedPositionalValue(0, "")))
                .clear(parsed.matchedOptionValue("--clear", false))
                .systemSitePackages(parsed.matchedOptionValue("--system-site-packages", false))
                .copies(parsed.matchedOptionValue("--copies", false))
                .prompt(parsed.matchedOptionValue("--prompt", null))
                .vcsIgnore(!parsed.matchedOptionValue("--no-vcs-ignore", false))
                .seed(!parsed.matchedOptionValue("--no-seed", false))
                .activators(parsed.matchedOptionValue("--activators", null))
                .relocatable(parsed.matchedOptionValue("--relocatable", false));
        String appData = parsed.matchedOptionValue("--app-data", null);
        if (appData != null) {
            request.appData(path(parsed, "option '--app-data'", appData));
        }
        strings(parsed, "--python").forEach(request::python);
        strings(parsed, "--try-first-with").forEach(request::tryFirstWith);
        // The table's default, not a second one here: picocli applies it to the option when absent.
        String seeder = parsed.commandSpec().findOption("--seeder").getValue();
        if (!seeder.equals(SeedOptions.APP_DATA) && !seeder.equals(SeedOptions.PIP)) {
            throw new VirtualenvException(VirtualenvException.USAGE, "--seeder must be app-data or pip, not '" + seeder + "'");
        }
        request.seeder(seeder)
                .download(parsed.matchedOptionValue("--download", false))
                .resetAppData(parsed.matchedOptionValue("--reset-app-data", false))
                .readOnlyAppData(parsed.matchedOptionValue("--read-only-app-data", false))
                .symlinkAppData(parsed.matchedOptionValue("--symlink-app-data", false));
        for (String dir : strings(parsed, "--extra-search-dir")) {
            request.extraSearchDir(path(parsed, "option '--extra-search-dir'", dir));
        }
        seedChoice(request, "pip", parsed.matchedOptionValue("--pip", null));
        seedChoice(request, "setuptools", parsed.matchedOptionValue("--setuptools", null));
        seedChoice(request, "wheel", parsed.matchedOptionValue("--wheel", null));
        if (parsed.matchedOptionValue("--no-pip", false)) {
            request.seedChoice("pip", SeedOptions.NONE);
        }
        if (parsed.matchedOptionValue("--no-setuptools", false)) {
            request.seedChoice("setuptools", SeedOptions.NONE);
        }
        if (parsed.matchedOptionValue("--no-wheel", false)) {
            request.seedChoice("wheel", SeedOptions.NONE);
        }
        return request.build();
    }

    private static List<String> strings(ParseResult parsed, String option) {
        return parsed.matchedOptionValue(option, List.of());
    }

    /**
     * Paths are declared as strings and converted here: picocli converts to Path with a reflective
     * call to Paths.get. A value that is no path is a usage error, as picocli would report it.
     */
    private static Path path(ParseResult parsed, String what, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ParameterException(parsed.commandSpec().commandLine(),
                    "Invalid value for " + what + ": '" + value + "' is not a path (" + e.getReason() + ")");
        }
    }

    private static void seedChoice(CreateRequest.Builder request, String distribution, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank() || !value.matches("[A-Za-z0-9._+!-]+")) {
            throw new VirtualenvException(VirtualenvException.USAGE, "--" + distribution
                    + " takes bundle, embed, none or a version, not '" + value + "'");
        }
        request.seedChoice(distribution, value);
    }
}
