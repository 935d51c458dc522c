package org.jvirtualenv.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jvirtualenv.CreateRequest;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.activation.Activators;
import org.jvirtualenv.config.ConfigSources.Sourced;
import org.jvirtualenv.create.CreatorChoice;
import org.jvirtualenv.create.VenvRedirect;
import org.jvirtualenv.seed.LinkMode;
import org.jvirtualenv.seed.SeedChoice;
import org.jvirtualenv.seed.SeederKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A parsed command line, with the defaults its {@link ConfigSources} gave, to a
 * {@link CreateRequest}. Each value is parsed into its typed form here, once, and a value that
 * does not parse is a usage error that names where it came from.
 */
final class RequestMapper {
    private static final Logger LOG = LoggerFactory.getLogger(RequestMapper.class);

    private final ParseResult parsed;
    private final CommandSpec spec;
    private final ConfigSources sources;

    private RequestMapper(ParseResult parsed, ConfigSources sources) {
        this.parsed = parsed;
        this.spec = parsed.commandSpec();
        this.sources = sources;
    }

    static Invocation invocation(ParseResult parsed, ConfigSources sources, Path workDir) {
        return new RequestMapper(parsed, sources).map(workDir);
    }

    private Invocation map(Path workDir) {
        sources.checkErrors();
        logOrigins();
        boolean upgrade = flag(Options.UPGRADE_EMBED_WHEELS);
        String dest = parsed.matchedPositionalValue(0, null);
        if (dest == null && upgrade) {
            Path appData = text(Options.APP_DATA).map(a -> workDir.resolve(path(a.setting()))).orElse(null);
            if (flag(Options.READ_ONLY_APP_DATA)) {
                throw new VirtualenvException(VirtualenvException.USAGE, "--upgrade-embed-wheels writes into the "
                        + "app-data cache, which --read-only-app-data forbids: drop one of them");
            }
            return new Invocation(null, true, appData, sources.environment());
        }
        if (dest == null) {
            throw new VirtualenvException(VirtualenvException.USAGE,
                    "missing DEST: give the directory to create the environment in");
        }
        if (dest.isEmpty()) {
            // An empty DEST would resolve to the working directory: with --clear, a project's files.
            throw new VirtualenvException(VirtualenvException.USAGE,
                    "DEST is empty: give the directory to create the environment in (is a variable unset?)");
        }
        CreateRequest.Builder request = CreateRequest.builder(path(new Setting(Setting.Source.COMMAND_LINE, Options.DEST,
                        dest, null)))
                .workDir(workDir)
                .environment(sources.environment())
                .clear(flag(Options.CLEAR))
                .systemSitePackages(flag(Options.SYSTEM_SITE_PACKAGES))
                .copies(eitherOf(Options.COPIES, "--symlinks"))
                .prompt(text(Options.PROMPT).map(Sourced::value).orElse(null))
                .vcsIgnore(!flag(Options.NO_VCS_IGNORE))
                .seed(!flag(Options.NO_SEED))
                .relocatable(flag(Options.RELOCATABLE))
                .download(eitherOf(Options.DOWNLOAD, Options.NO_DOWNLOAD))
                .resetAppData(flag(Options.RESET_APP_DATA))
                .readOnlyAppData(flag(Options.READ_ONLY_APP_DATA))
                .allowExisting(flag(Options.ALLOW_EXISTING))
                .upgradeEmbedWheels(upgrade);
        list(Options.PYTHON).ifPresent(specs -> {
            for (String python : specs.value()) {
                if (python.isBlank()) {
                    throw specs.setting().invalid("an empty interpreter: give a path, a command such as python3.11 "
                            + "or a version such as 3.11");
                }
                request.python(python);
            }
        });
        list(Options.TRY_FIRST_WITH).ifPresent(specs -> specs.value().forEach(request::tryFirstWith));
        text(Options.DISCOVERY).ifPresent(discovery -> {
            if (!discovery.value().strip().equals("builtin")) {
                throw discovery.setting().invalid("expected builtin, the only discovery method");
            }
        });
        text(Options.CREATOR).ifPresent(creator -> request.creator(parse(creator, CreatorChoice::parse)));
        request.venvRedirect(venvRedirect());
        text(Options.APP_DATA).ifPresent(appData -> request.appData(path(appData.setting())));
        list(Options.EXTRA_SEARCH_DIR).ifPresent(dirs -> {
            for (String dir : dirs.value()) {
                request.extraSearchDir(path(new Setting(dirs.setting().source(), dirs.setting().key(), dir,
                        dirs.setting().file())));
            }
        });
        text(Options.SEEDER).ifPresent(seeder -> request.seeder(parse(seeder, SeederKind::parse)));
        request.linkMode(linkMode());
        for (String distribution : Options.DISTRIBUTIONS) {
            text("--" + distribution).ifPresent(choice -> request.seedChoice(distribution, parse(choice, SeedChoice::parse)));
            if (flag("--no-" + distribution)) {
                request.seedChoice(distribution, SeedChoice.NONE);
            }
        }
        activators().ifPresent(names -> {
            try {
                Activators.select(names.value());
            } catch (VirtualenvException e) {
                throw names.setting().invalid(e.getMessage());
            }
            request.activators(names.value());
        });
        CreateRequest built = request.build();
        return new Invocation(built, false, built.seed().appData(), sources.environment());
    }

    /**
     * {@code --venv-redirect} always, {@code --no-venv-redirect} never, neither: beside a project.
     * Both on the command line: the later one, as virtualenv 21 reads them.
     */
    private VenvRedirect venvRedirect() {
        OptionSpec yes = spec.findOption(Options.VENV_REDIRECT);
        OptionSpec no = spec.findOption(Options.NO_VENV_REDIRECT);
        for (int i = parsed.matchedArgs().size() - 1; i >= 0; i--) {
            ArgSpec matched = parsed.matchedArgs().get(i);
            if (matched == yes || matched == no) {
                return matched == yes ? VenvRedirect.ALWAYS : VenvRedirect.NEVER;
            }
        }
        if (eitherOf(Options.VENV_REDIRECT, Options.NO_VENV_REDIRECT)) {
            return VenvRedirect.ALWAYS;
        }
        return eitherOf(Options.NO_VENV_REDIRECT, Options.VENV_REDIRECT) ? VenvRedirect.NEVER : VenvRedirect.AUTO;
    }

    /**
     * {@code --link-mode}, or its alias {@code --symlink-app-data}: the command line beats the
     * variables and the ini file, as for every option; both on the command line must agree.
     */
    private LinkMode linkMode() {
        Optional<Sourced<String>> text = text(Options.LINK_MODE);
        LinkMode mode = text.map(t -> parse(t, LinkMode::parse)).orElse(null);
        boolean aliasOnCommandLine = parsed.hasMatchedOption(Options.SYMLINK_APP_DATA);
        if (parsed.hasMatchedOption(Options.LINK_MODE)) {
            if (aliasOnCommandLine && mode != LinkMode.SYMLINK) {
                throw text.get().setting().invalid("--symlink-app-data means --link-mode symlink: drop one of them");
            }
            return mode;
        }
        if (aliasOnCommandLine) {
            return LinkMode.SYMLINK;
        }
        if (mode != null) {
            return mode;
        }
        return flag(Options.SYMLINK_APP_DATA) ? LinkMode.SYMLINK : LinkMode.HARDLINK;
    }

    /** A flag's value: the command line's, else the configuration sources'. */
    private boolean flag(String name) {
        OptionSpec option = spec.findOption(name);
        if (option.group() != null && !parsed.hasMatchedOption(option)) {
            return sources.flag(option);
        }
        Boolean value = option.getValue();
        return value != null && value;
    }

    /**
     * One side of a pair of exclusive flags ({@code --copies}/{@code --symlinks}): either given on
     * the command line decides, whatever the variables or the ini file say of the other.
     */
    private boolean eitherOf(String yes, String no) {
        if (parsed.hasMatchedOption(yes)) {
            return true;
        }
        if (parsed.hasMatchedOption(no)) {
            return false;
        }
        boolean yesSet = flag(yes);
        boolean noSet = flag(no);
        if (yesSet && noSet) {
            // Both configured: a variable beats the ini file; from the same place, "no" wins.
            return fromEnvironment(yes) && !fromEnvironment(no);
        }
        return yesSet;
    }

    private boolean fromEnvironment(String name) {
        return sources.used(spec.findOption(name)).map(s -> s.source() == Setting.Source.ENVIRONMENT).orElse(false);
    }

    private Optional<Sourced<String>> text(String name) {
        OptionSpec option = spec.findOption(name);
        if (parsed.hasMatchedOption(option)) {
            String value = option.getValue();
            return Optional.of(new Sourced<>(value, new Setting(Setting.Source.COMMAND_LINE, option.longestName(), value, null)));
        }
        return sources.used(option).map(setting -> new Sourced<>(setting.value(), setting));
    }

    private Optional<Sourced<List<String>>> list(String name) {
        OptionSpec option = spec.findOption(name);
        if (parsed.hasMatchedOption(option)) {
            List<String> values = option.getValue();
            return Optional.of(new Sourced<>(values, new Setting(Setting.Source.COMMAND_LINE, option.longestName(),
                    String.join(",", values), null)));
        }
        return sources.list(option);
    }

    /**
     * {@code --activators}: given more than once, the last one counts, as in virtualenv 21
     * ({@code --activators bash,fish --activators python} is python alone), where -p and the
     * other lists add up.
     */
    private Optional<Sourced<List<String>>> activators() {
        OptionSpec option = spec.findOption(Options.ACTIVATORS);
        List<String> given = option.originalStringValues();
        if (!parsed.hasMatchedOption(option) || given.size() < 2) {
            return list(Options.ACTIVATORS);
        }
        String last = given.get(given.size() - 1);
        // Split as picocli splits one occurrence (its splitRegex ","; a one-character split is no regex).
        List<String> names = List.of(last.split(","));
        return Optional.of(new Sourced<>(names, new Setting(Setting.Source.COMMAND_LINE, option.longestName(), last, null)));
    }

    private static <T> T parse(Sourced<String> value, Function<String, T> parser) {
        try {
            return parser.apply(value.value());
        } catch (IllegalArgumentException e) {
            throw value.setting().invalid(e.getMessage());
        }
    }

    private static Path path(Setting setting) {
        try {
            return Path.of(setting.value());
        } catch (InvalidPathException e) {
            throw setting.invalid("not a path (" + e.getReason() + ")");
        }
    }

    /** {@code -v}: every value that is not the default, and where it came from. */
    private void logOrigins() {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        for (OptionSpec option : spec.options()) {
            if (parsed.hasMatchedOption(option)) {
                LOG.debug("option {} from the command line", option.longestName());
                continue;
            }
            Optional<Setting> setting = option.userObject() == ValueKind.LIST || option.userObject() == ValueKind.PATH_LIST
                    ? sources.list(option).map(Sourced::setting) : sources.used(option);
            setting.ifPresent(s -> LOG.debug("option {} = {} {}", option.longestName(), s.value(), s.origin()));
        }
    }
}
