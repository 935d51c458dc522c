package org.jvirtualenv.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jvirtualenv.activation.Activator;
import org.jvirtualenv.activation.Activators;
import org.jvirtualenv.create.CreatorChoice;
import org.jvirtualenv.seed.LinkMode;
import org.jvirtualenv.seed.SeedChoice;
import org.jvirtualenv.seed.SeederKind;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The option table of {@code virtualenv [OPTIONS] DEST}: every option and alias virtualenv 21
 * accepts, plus the original's legacy ones. It is the one catalogue of names: the command line,
 * the {@code VIRTUALENV_*} variables and the ini file are all read through it (see
 * {@link ConfigSources}), and completion and the man page are generated from it.
 *
 * <p>Built with picocli's programmatic API, not its annotations: reading annotations costs dynamic
 * proxies and reflection at every start, about twice what building the same spec costs, in a tool
 * whose whole run is a few hundred milliseconds.
 */
public final class Options {
    /** The long names the request mapping reads; declared once so the table and the mapping agree. */
    static final String DEST = "DEST";
    static final String PYTHON = "--python";
    static final String TRY_FIRST_WITH = "--try-first-with";
    static final String DISCOVERY = "--discovery";
    static final String CREATOR = "--creator";
    static final String CLEAR = "--clear";
    static final String ALLOW_EXISTING = "--allow-existing";
    static final String SYSTEM_SITE_PACKAGES = "--system-site-packages";
    static final String COPIES = "--copies";
    static final String PROMPT = "--prompt";
    static final String NO_VCS_IGNORE = "--no-vcs-ignore";
    static final String VENV_REDIRECT = "--venv-redirect";
    static final String NO_VENV_REDIRECT = "--no-venv-redirect";
    static final String NO_SEED = "--no-seed";
    static final String SEEDER = "--seeder";
    static final String DOWNLOAD = "--download";
    static final String NO_DOWNLOAD = "--no-download";
    static final String EXTRA_SEARCH_DIR = "--extra-search-dir";
    static final String NO_PERIODIC_UPDATE = "--no-periodic-update";
    static final String UPGRADE_EMBED_WHEELS = "--upgrade-embed-wheels";
    static final String APP_DATA = "--app-data";
    static final String RESET_APP_DATA = "--reset-app-data";
    static final String READ_ONLY_APP_DATA = "--read-only-app-data";
    static final String SYMLINK_APP_DATA = "--symlink-app-data";
    static final String LINK_MODE = "--link-mode";
    static final String ACTIVATORS = "--activators";
    static final String RELOCATABLE = "--relocatable";

    /** The seed distributions, each with {@code --NAME VERSION} and {@code --no-NAME}. */
    static final List<String> DISTRIBUTIONS = List.of("pip", "setuptools", "wheel");

    /** Completion words of --pip, --setuptools and --wheel (which also take a version). */
    private static final Candidates SEED_VERSIONS = Candidates.of(SeedChoice.BUNDLE.text(), SeedChoice.EMBED.text(),
            SeedChoice.NONE.text());

    private Options() {
    }

    /**
     * The options of a creation like one made from {@code interpreter} with the app-data cache
     * {@code appData}, seeded or not; the destination follows them. The launcher replays it to
     * train the JDK's AOT cache (see {@code launcher.ArchiveDump}).
     */
    public static List<String> creationLike(String interpreter, boolean seeded, Path appData) {
        List<String> arguments = new ArrayList<>(List.of(PYTHON, interpreter, APP_DATA, appData.toString()));
        if (!seeded) {
            arguments.add(NO_SEED);
        }
        return arguments;
    }

    private static List<String> activatorNames() {
        List<String> names = new ArrayList<>();
        for (Activator activator : Activators.all()) {
            names.add(activator.name());
        }
        return names;
    }

    /** The table, reading defaults from {@code sources}. */
    public static CommandSpec spec(ConfigSources sources) {
        List<String> creators = CreatorChoice.names();
        CommandSpec spec = CommandSpec.create().name("virtualenv");
        // An option given twice is no error, as in virtualenv 21 (argparse): the last value wins
        // (--prompt a --prompt b is b), a flag stays set, and the lists of -p, --try-first-with and
        // --extra-search-dir grow. See also Spellings and RequestMapper's --activators.
        spec.parser().overwrittenOptionsAllowed(true);
        // "@name" is text, as in virtualenv 21: a prompt "@work" or a DEST "@env". picocli would
        // read a file "name" as more arguments (and fail with a stack trace on a directory).
        spec.parser().expandAtFiles(false);
        // A value such as a prompt "${HOME}" from a variable is the user's text, not a template.
        spec.interpolateVariables(false);
        spec.defaultValueProvider(sources);
        spec.usageMessage()
                .sortOptions(false)
                .autoWidth(true)
                .description("Create an isolated Python environment in DEST.")
                .footer("",
                        "Every option can also be set with an environment variable VIRTUALENV_<NAME> or in the "
                                + "[virtualenv] section of the config file (NAME is the long option without its dashes, "
                                + "'-' as '_'); the command line wins, then the variable, then the file.",
                        "Environment variables: PATH is searched for interpreters; XDG_CACHE_HOME (or ~/.cache) holds "
                                + "the app-data cache.",
                        "");
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel(DEST).type(String.class)
                .description("directory to create the environment in (required unless only --upgrade-embed-wheels is asked)")
                .completionCandidates(Candidates.directories()).build());
        spec.addOption(list("-p, " + PYTHON, "SPEC",
                "interpreter to create the environment from: a path, a command on PATH (python3.12), "
                        + "or a spec searched on PATH and in pyenv: [impl][version][t][-32|-64] (3.11, 311, pypy3, "
                        + "cpython3.9, py3.10-64) or a PEP 440 specifier (>=3.10, cpython~=3.11.0), highest match wins; "
                        + "repeatable, the first that resolves wins, then those in $VIRTUALENV_PYTHON (default: python3)")
                .toBuilder().completionCandidates(Candidates.interpreters()).build());
        spec.addOption(list(TRY_FIRST_WITH, "PATH",
                "interpreter to try before searching; it must still satisfy the spec (repeatable)")
                .toBuilder().completionCandidates(Candidates.files()).build());
        spec.addOption(text(DISCOVERY, "NAME", "interpreter discovery method: builtin (the only one)")
                .toBuilder().completionCandidates(Candidates.of("builtin")).build());
        spec.addOption(text(CREATOR, "NAME",
                "how to create the environment: builtin (this tool's creator for the target, default), "
                        + "venv (the target's own venv module), or a creator by name; one of "
                        + String.join(", ", creators))
                .toBuilder().completionCandidates(Candidates.of(creators.toArray(new String[0]))).build());
        spec.addOption(flag(CLEAR, "delete the contents of DEST (an existing environment) before creating it"));
        spec.addOption(flag(ALLOW_EXISTING, "create the environment in a directory that already has other files "
                + "(refused otherwise, so that a later --clear cannot delete them)"));
        spec.addOption(flag(SYSTEM_SITE_PACKAGES, "give the environment access to the base interpreter's site-packages"));
        spec.addArgGroup(oneOf(
                flag("--symlinks", "link the interpreter into the environment (default)"),
                flag(COPIES + ", --always-copy", "copy the interpreter instead of linking it")));
        spec.addOption(text(PROMPT, "PROMPT",
                "name shown in the shell prompt when activated ('.' means the current directory's name; default: DEST's name)"));
        spec.addOption(flag(NO_VCS_IGNORE, "do not write a .gitignore into the environment"));
        // Not an exclusive pair: as in virtualenv 21, the later of the two on the command line wins.
        spec.addOption(flag(VENV_REDIRECT, "write a PEP 832 .venv file beside DEST pointing at it, even outside a project "
                + "(default: only beside a pyproject.toml that has no .venv yet; the later of this and "
                + NO_VENV_REDIRECT + " wins)"));
        spec.addOption(flag(NO_VENV_REDIRECT, "never write a PEP 832 .venv file"));
        spec.addOption(flag(NO_SEED + ", --without-pip", "install no packages (no pip, setuptools or wheel)"));
        spec.addOption(text(SEEDER, "SEEDER",
                "app-data (link a compiled image from the cache, default) or pip (run pip to install the wheels)")
                .toBuilder().completionCandidates(Candidates.of(SeederKind.APP_DATA.text(), SeederKind.PIP.text())).build());
        spec.addOption(text("--pip", "VERSION",
                "pip to install: bundle (newest that runs, default), embed (only the bundled ones), none, or an exact version")
                .toBuilder().completionCandidates(SEED_VERSIONS).build());
        spec.addOption(text("--setuptools", "VERSION",
                "setuptools to install, as --pip (default: bundle up to Python 3.11, none from 3.12)")
                .toBuilder().completionCandidates(SEED_VERSIONS).build());
        spec.addOption(text("--wheel", "VERSION",
                "wheel to install, as --pip (default: only beside a setuptools older than 70.1, which cannot build "
                        + "wheels by itself: the bundled ones for Python 2.7 to 3.8)")
                .toBuilder().completionCandidates(SEED_VERSIONS).build());
        spec.addOption(flag("--no-pip", "do not install pip"));
        spec.addOption(flag("--no-setuptools", "do not install setuptools"));
        spec.addOption(flag("--no-wheel", "do not install wheel"));
        spec.addOption(list(EXTRA_SEARCH_DIR, "DIR",
                "a folder of wheels that may replace the bundled ones when newer (repeatable; missing folders are ignored)",
                ValueKind.PATH_LIST).toBuilder().completionCandidates(Candidates.directories()).build());
        spec.addArgGroup(oneOf(
                flag(DOWNLOAD, "fetch versions that are not available locally with pip from its index"),
                flag(NO_DOWNLOAD + ", --never-download", "use only local wheels (default)")));
        spec.addOption(flag(NO_PERIODIC_UPDATE,
                "accepted for virtualenv's sake: this tool never updates its wheels on its own "
                        + "(use --upgrade-embed-wheels)"));
        spec.addOption(flag(UPGRADE_EMBED_WHEELS,
                "fetch the newest pip, setuptools and wheel for every supported Python from pip's index into the "
                        + "app-data cache, where bundle finds them from then on; with DEST, then create it"));
        spec.addOption(flag(RESET_APP_DATA, "empty the app-data cache first"));
        spec.addOption(flag(READ_ONLY_APP_DATA, "use the app-data cache without writing to it"));
        spec.addOption(text(LINK_MODE, "MODE",
                "how the app-data seeder puts seed packages' files into the environment: hardlink (default: "
                        + "fast; shares each file with the cache image and the other environments made from it, "
                        + "an in-place edit is noticed and the image rebuilt for the next environment), copy "
                        + "(each environment its own files) or symlink (links to the cache's files)")
                .toBuilder().completionCandidates(Candidates.of(LinkMode.COPY.label(), LinkMode.HARDLINK.label(),
                        LinkMode.SYMLINK.label())).build());
        spec.addOption(flag(SYMLINK_APP_DATA, "the same as --link-mode symlink"));
        spec.addOption(text(APP_DATA, "DIR",
                "cache directory for the tool's data (default: $VIRTUALENV_OVERRIDE_APP_DATA, else "
                        + "$XDG_CACHE_HOME/jvirtualenv or ~/.cache/jvirtualenv)")
                .toBuilder().completionCandidates(Candidates.directories()).build());
        spec.addOption(list(ACTIVATORS, "LIST",
                "activation scripts to write, comma separated (default: all that fit the platform)")
                .toBuilder().splitRegex(",").completionCandidates(Candidates.of(Options::activatorNames)).build());
        spec.addOption(flag(RELOCATABLE, "make the environment work after it is moved or copied; on an existing "
                + "environment, only make it (and what was installed since) relocatable"));
        spec.addOption(counted("-v, --verbose", "explain each step (repeat for more)"));
        spec.addOption(counted("-q, --quiet", "print nothing but errors"));
        spec.addOption(flag("--with-traceback", "show the stack trace when something fails"));
        spec.addOption(flag("--version", "print the version and exit").toBuilder().versionHelp(true)
                .userObject(ValueKind.NONE).build());
        spec.addOption(flag("-h, --help", "show this help and exit").toBuilder().usageHelp(true)
                .userObject(ValueKind.NONE).build());
        return spec;
    }

    private static OptionSpec flag(String names, String description) {
        return OptionSpec.builder(names(names)).type(boolean.class).description(description)
                .userObject(ValueKind.FLAG).build();
    }

    /** A flag that may be repeated, also clustered ({@code -vv}); its value is one {@code true} per occurrence. */
    private static OptionSpec counted(String names, String description) {
        return OptionSpec.builder(names(names)).type(boolean[].class).arity("0").description(description)
                .userObject(ValueKind.COUNT).build();
    }

    private static OptionSpec text(String names, String label, String description) {
        return OptionSpec.builder(names(names)).type(String.class).paramLabel(label).description(description)
                .userObject(ValueKind.TEXT).build();
    }

    private static OptionSpec list(String names, String label, String description) {
        return list(names, label, description, ValueKind.LIST);
    }

    private static OptionSpec list(String names, String label, String description, ValueKind kind) {
        return OptionSpec.builder(names(names)).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
                .description(description).userObject(kind).build();
    }

    /**
     * "-p, --python" to its names. Not String.split: a two-character separator is a regular
     * expression, compiled again for each of the options of every run.
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
}
