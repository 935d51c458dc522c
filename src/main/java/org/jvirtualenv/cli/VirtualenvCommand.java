package org.jvirtualenv.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.CreateResult;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.relocate.RelocationReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code virtualenv [OPTIONS] DEST}: maps the command line to a {@link CreateRequest}, calls the
 * library and prints its report. No logic beyond that lives here.
 */
@Command(name = "virtualenv", sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        description = "Create an isolated Python environment in DEST.",
        footer = {"", "Environment variables: PATH is searched for interpreters; XDG_CACHE_HOME (or ~/.cache) holds the app-data cache."})
public final class VirtualenvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEST", description = "directory to create the environment in")
    Path destination;

    @Option(names = {"-p", "--python"}, paramLabel = "SPEC",
            description = "interpreter to create the environment from: a path, a command on PATH (python3.12), "
                    + "or a spec searched on PATH and in pyenv: [impl][version][t][-32|-64] (3.11, 311, pypy3, "
                    + "cpython3.9, py3.10-64) or a PEP 440 specifier (>=3.10, cpython~=3.11.0), highest match wins; "
                    + "repeatable, the first that resolves wins, then those in $VIRTUALENV_PYTHON (default: python3)")
    List<String> pythons = new ArrayList<>();

    @Option(names = "--try-first-with", paramLabel = "PATH",
            description = "interpreter to try before searching; it must still satisfy the spec (repeatable)")
    List<String> tryFirstWith = new ArrayList<>();

    @Option(names = "--clear", description = "delete the contents of DEST (an existing environment) before creating it")
    boolean clear;

    @Option(names = "--system-site-packages", description = "give the environment access to the base interpreter's site-packages")
    boolean systemSitePackages;

    @ArgGroup(exclusive = true)
    LinkMode linkMode = new LinkMode();

    static final class LinkMode {
        @Option(names = "--symlinks", description = "link the interpreter into the environment (default)")
        boolean symlinks;

        @Option(names = {"--copies", "--always-copy"}, description = "copy the interpreter instead of linking it")
        boolean copies;
    }

    @Option(names = "--prompt", paramLabel = "PROMPT",
            description = "name shown in the shell prompt when activated ('.' means the current directory's name; default: DEST's name)")
    String prompt;

    @Option(names = "--no-vcs-ignore", description = "do not write a .gitignore into the environment")
    boolean noVcsIgnore;

    @Option(names = {"--no-seed", "--without-pip"}, description = "install no packages (no pip, setuptools or wheel)")
    boolean noSeed;

    @Option(names = "--no-pip", description = "do not install pip")
    boolean noPip;

    @Option(names = "--no-setuptools", description = "do not install setuptools")
    boolean noSetuptools;

    @Option(names = "--no-wheel", description = "do not install wheel")
    boolean noWheel;

    @Option(names = "--pip", paramLabel = "VERSION",
            description = "pip to install: bundle (newest that runs, default), embed (only the bundled ones), none, or an exact version")
    String pipVersion;

    @Option(names = "--setuptools", paramLabel = "VERSION", description = "setuptools to install, as --pip (default: bundle up to Python 3.11, none from 3.12)")
    String setuptoolsVersion;

    @Option(names = "--wheel", paramLabel = "VERSION", description = "wheel to install, as --pip (default: bundle up to Python 3.11, none from 3.12)")
    String wheelVersion;

    @Option(names = "--extra-search-dir", paramLabel = "DIR",
            description = "a folder of wheels that may replace the bundled ones when newer (repeatable; missing folders are ignored)")
    List<Path> extraSearchDirs = new ArrayList<>();

    @Option(names = "--seeder", paramLabel = "SEEDER", defaultValue = "app-data",
            description = "app-data (link a compiled image from the cache, default) or pip (run pip to install the wheels)")
    String seeder;

    @ArgGroup(exclusive = true)
    DownloadMode downloadMode = new DownloadMode();

    static final class DownloadMode {
        @Option(names = "--download", description = "fetch versions that are not available locally with pip from its index")
        boolean download;

        @Option(names = {"--no-download", "--never-download"}, description = "use only local wheels (default)")
        boolean noDownload;
    }

    @Option(names = "--reset-app-data", description = "empty the app-data cache first")
    boolean resetAppData;

    @Option(names = "--read-only-app-data", description = "use the app-data cache without writing to it")
    boolean readOnlyAppData;

    @Option(names = "--symlink-app-data", description = "symlink seed packages' files to the app-data cache instead of linking or copying them")
    boolean symlinkAppData;

    @Option(names = "--app-data", paramLabel = "DIR",
            description = "cache directory for the tool's data (default: $XDG_CACHE_HOME/jvirtualenv or ~/.cache/jvirtualenv)")
    Path appData;

    @Option(names = "--activators", paramLabel = "LIST", split = ",",
            description = "activation scripts to write, comma separated (default: all that fit the platform)")
    List<String> activators;

    @Option(names = "--relocatable",
            description = "make the environment work after it is moved or copied; on an existing environment, "
                    + "only make it (and what was installed since) relocatable")
    boolean relocatable;

    @Option(names = {"-v", "--verbose"}, description = "explain each step (repeat for more)")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-q", "--quiet"}, description = "print nothing but errors")
    boolean[] quiet = new boolean[0];

    @Option(names = "--with-traceback", description = "show the stack trace when something fails")
    boolean withTraceback;

    @Option(names = "--version", versionHelp = true, description = "print the version and exit")
    boolean versionRequested;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean helpRequested;

    @Override
    public Integer call() {
        CreateRequest.Builder request = CreateRequest.builder(destination)
                .clear(clear)
                .systemSitePackages(systemSitePackages)
                .copies(linkMode.copies)
                .prompt(prompt)
                .vcsIgnore(!noVcsIgnore)
                .seed(!noSeed)
                .appData(appData)
                .activators(activators)
                .relocatable(relocatable);
        pythons.forEach(request::python);
        tryFirstWith.forEach(request::tryFirstWith);
        if (!seeder.equals("app-data") && !seeder.equals("pip")) {
            throw new org.jvirtualenv.VirtualenvException(org.jvirtualenv.VirtualenvException.USAGE,
                    "--seeder must be app-data or pip, not '" + seeder + "'");
        }
        request.seeder(seeder).download(downloadMode.download).resetAppData(resetAppData)
                .readOnlyAppData(readOnlyAppData).symlinkAppData(symlinkAppData);
        extraSearchDirs.forEach(request::extraSearchDir);
        seedChoice(request, "pip", pipVersion);
        seedChoice(request, "setuptools", setuptoolsVersion);
        seedChoice(request, "wheel", wheelVersion);
        if (noPip) {
            request.seedChoice("pip", "none");
        }
        if (noSetuptools) {
            request.seedChoice("setuptools", "none");
        }
        if (noWheel) {
            request.seedChoice("wheel", "none");
        }
        CreateRequest built = request.build();
        PrintWriter out = spec.commandLine().getOut();
        if (Virtualenv.relocatesInPlace(built)) {
            RelocationReport relocation = Virtualenv.makeRelocatable(built);
            if (quiet.length == 0) {
                out.print(Report.renderRelocation(built.workDir().resolve(destination).normalize(), relocation));
            }
        } else {
            CreateResult result = Virtualenv.create(built);
            if (quiet.length == 0) {
                out.print(Report.render(result));
            }
        }
        out.flush();
        return 0;
    }

    private static void seedChoice(CreateRequest.Builder request, String distribution, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank() || !value.matches("[A-Za-z0-9._+!-]+")) {
            throw new org.jvirtualenv.VirtualenvException(org.jvirtualenv.VirtualenvException.USAGE, "--" + distribution
                    + " takes bundle, embed, none or a version, not '" + value + "'");
        }
        request.seedChoice(distribution, value);
    }

    int verbosity() {
        return verbose.length - quiet.length;
    }
}
