package org.jvirtualenv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.seed.LinkMode;
import org.jvirtualenv.seed.SeedChoice;
import org.jvirtualenv.create.CreatorChoice;
import org.jvirtualenv.create.VenvRedirect;
import org.jvirtualenv.seed.SeedOptions;
import org.jvirtualenv.seed.SeederKind;

/**
 * Everything that decides how one environment is made: the library's single input. Immutable;
 * build it with {@link #builder(Path)}.
 *
 * @param destination  the environment directory (relative paths resolve against workDir)
 * @param pythonSpecs  interpreters to try in order; empty means the first python3 on PATH
 * @param activators   short names of activators to write; null means all that fit the platform
 * @param environment  the process environment discovery and defaults read (PATH, HOME, XDG_*)
 * @param relocatable  make the environment work wherever it is moved (see {@code relocate})
 * @param tryFirstWith interpreters discovery tries before searching (each must still satisfy the spec)
 * @param allowExisting create into a non-empty directory that is not an environment (its files are kept)
 * @param creator      which creator makes the environment ({@code --creator})
 * @param venvRedirect when to write the PEP 832 {@code .venv} redirect beside it ({@code --[no-]venv-redirect})
 * @param upgradeEmbedWheels first fetch the newest seed wheels into the app-data cache
 *                     ({@link Virtualenv#upgradeEmbedWheels}), then create with them
 */
public record CreateRequest(
        Path destination,
        List<String> pythonSpecs,
        boolean clear,
        boolean systemSitePackages,
        boolean copies,
        String prompt,
        boolean vcsIgnore,
        SeedOptions seed,
        List<String> activators,
        Path workDir,
        Map<String, String> environment,
        boolean relocatable,
        List<String> tryFirstWith,
        boolean allowExisting,
        CreatorChoice creator,
        VenvRedirect venvRedirect,
        boolean upgradeEmbedWheels) {

    public CreateRequest {
        creator = creator == null ? CreatorChoice.BUILTIN : creator;
        venvRedirect = venvRedirect == null ? VenvRedirect.AUTO : venvRedirect;
        tryFirstWith = tryFirstWith == null ? List.of() : List.copyOf(tryFirstWith);
        pythonSpecs = List.copyOf(pythonSpecs);
        activators = activators == null ? null : List.copyOf(activators);
        environment = Map.copyOf(environment);
    }

    public static Builder builder(Path destination) {
        return new Builder(destination);
    }

    /** Defaults match virtualenv: symlinks, seeded, .gitignore written, all activators. */
    public static final class Builder {
        private final Path destination;
        private final List<String> pythonSpecs = new ArrayList<>();
        private boolean clear;
        private boolean systemSitePackages;
        private boolean copies;
        private String prompt;
        private boolean vcsIgnore = true;
        private boolean seed = true;
        private final Map<String, String> seedChoices = new HashMap<>();
        private Path appData;
        private final List<Path> extraSearchDirs = new ArrayList<>();
        private SeederKind seeder = SeederKind.APP_DATA;
        private boolean download;
        private boolean resetAppData;
        private boolean readOnlyAppData;
        private LinkMode linkMode = LinkMode.HARDLINK;
        private List<String> activators;
        private Path workDir = Path.of("").toAbsolutePath();
        private Map<String, String> environment = System.getenv();
        private boolean relocatable;
        private final List<String> tryFirstWith = new ArrayList<>();
        private boolean allowExisting;
        private CreatorChoice creator = CreatorChoice.BUILTIN;
        private VenvRedirect venvRedirect = VenvRedirect.AUTO;
        private boolean upgradeEmbedWheels;

        private Builder(Path destination) {
            this.destination = destination;
        }

        public Builder python(String spec) {
            pythonSpecs.add(spec);
            return this;
        }

        public Builder clear(boolean value) {
            clear = value;
            return this;
        }

        public Builder systemSitePackages(boolean value) {
            systemSitePackages = value;
            return this;
        }

        public Builder copies(boolean value) {
            copies = value;
            return this;
        }

        public Builder prompt(String value) {
            prompt = value;
            return this;
        }

        public Builder vcsIgnore(boolean value) {
            vcsIgnore = value;
            return this;
        }

        public Builder seed(boolean value) {
            seed = value;
            return this;
        }

        /** @param distribution "pip", "setuptools" or "wheel" */
        public Builder seedChoice(String distribution, SeedChoice choice) {
            seedChoices.put(distribution, choice.text());
            return this;
        }

        public Builder appData(Path value) {
            appData = value;
            return this;
        }

        /** A folder of wheels that may replace the bundled ones (relative to workDir; repeatable). */
        public Builder extraSearchDir(Path dir) {
            extraSearchDirs.add(dir);
            return this;
        }

        public Builder seeder(SeederKind value) {
            seeder = value;
            return this;
        }

        public Builder download(boolean value) {
            download = value;
            return this;
        }

        public Builder resetAppData(boolean value) {
            resetAppData = value;
            return this;
        }

        public Builder readOnlyAppData(boolean value) {
            readOnlyAppData = value;
            return this;
        }

        /** {@code --symlink-app-data}: true means {@link LinkMode#SYMLINK}, false undoes only that. */
        public Builder symlinkAppData(boolean value) {
            if (value) {
                linkMode = LinkMode.SYMLINK;
            } else if (linkMode == LinkMode.SYMLINK) {
                linkMode = LinkMode.HARDLINK;
            }
            return this;
        }

        /** How the app-data seeder places the image's files (default: hardlink). */
        public Builder linkMode(LinkMode value) {
            linkMode = Objects.requireNonNull(value, "linkMode");
            return this;
        }

        public Builder activators(List<String> names) {
            activators = names;
            return this;
        }

        public Builder workDir(Path value) {
            workDir = value.toAbsolutePath();
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder relocatable(boolean value) {
            relocatable = value;
            return this;
        }

        /** An interpreter to try before searching (repeatable, tried in order). */
        public Builder tryFirstWith(String interpreter) {
            tryFirstWith.add(interpreter);
            return this;
        }

        /** Create into a directory that has files but no pyvenv.cfg (uv's --allow-existing). */
        public Builder allowExisting(boolean value) {
            allowExisting = value;
            return this;
        }

        public Builder creator(CreatorChoice value) {
            creator = value;
            return this;
        }

        public Builder venvRedirect(VenvRedirect value) {
            venvRedirect = value;
            return this;
        }

        public Builder upgradeEmbedWheels(boolean value) {
            upgradeEmbedWheels = value;
            return this;
        }

        public CreateRequest build() {
            Path cache = appData != null ? workDir.resolve(appData) : AppData.defaultFor(environment).root();
            return new CreateRequest(destination, pythonSpecs, clear, systemSitePackages, copies, prompt, vcsIgnore,
                    new SeedOptions(seed, seedChoices, cache, extraSearchDirs.stream().map(workDir::resolve).toList(),
                            seeder, download, resetAppData, readOnlyAppData, linkMode),
                    activators, workDir, environment, relocatable, tryFirstWith, allowExisting, creator,
                    venvRedirect, upgradeEmbedWheels);
        }
    }
}
