package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jvirtualenv.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.create.EnvLayout;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.VersionSpecifier;
import org.jvirtualenv.util.FileTrees;
import org.jvirtualenv.util.Parallel;
import org.jvirtualenv.util.Processes;
import org.jvirtualenv.util.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs pip, setuptools and wheel into a new environment. The app-data seeder links a cached,
 * compiled image of each wheel (built once per target version); the pip seeder runs pip from the
 * chosen pip wheel to install the chosen wheels. Wheels come from the bundled set, those the last
 * --upgrade-embed-wheels put into the cache ({@link EmbedWheelUpgrade}), the extra search dirs, the
 * target's ensurepip, or (with --download) pip's index.
 */
public final class Seeder {
    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);
    public static final List<String> DISTRIBUTIONS = List.of("pip", "setuptools", "wheel");

    private final BundledWheels bundled;
    private final Map<String, String> environment;

    public Seeder(BundledWheels bundled) {
        this(bundled, System.getenv());
    }

    /** @param environment the environment pip runs in when downloading (PIP_INDEX_URL, pip.conf, ...) */
    public Seeder(BundledWheels bundled, Map<String, String> environment) {
        this.bundled = bundled;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The first setuptools that builds wheels by itself (it took in {@code bdist_wheel}): beside it
     * the {@code wheel} distribution adds nothing, so it is no longer seeded by default.
     */
    static final List<Integer> SETUPTOOLS_BUILDS_WHEELS = List.of(70, 1);

    /**
     * The choice made for a distribution the caller said nothing about, as virtualenv 21 and the
     * original user guide have it: pip always; setuptools up to Python 3.11; wheel only beside a
     * setuptools too old to build wheels itself. The last depends on the setuptools actually
     * chosen (bundled, extra search dir or exact version), not on the target's version.
     *
     * @param setuptools the setuptools wheel being seeded, or null when none is
     */
    public static String defaultChoice(String distribution, PythonInfo target, Wheel setuptools) {
        return switch (distribution) {
            case "pip" -> SeedOptions.BUNDLE;
            case "setuptools" -> target.version().atLeast(3, 12) ? SeedOptions.NONE : SeedOptions.BUNDLE;
            case "wheel" -> setuptools != null && !buildsWheels(setuptools) ? SeedOptions.BUNDLE : SeedOptions.NONE;
            default -> throw new IllegalArgumentException("not a seed distribution: " + distribution);
        };
    }

    /**
     * The default for a target seeded from the bundled wheels alone (no extra search dir, no
     * exact setuptools). After a creation, {@link SeedResult#choices()} holds what was decided.
     */
    public static String defaultChoice(String distribution, PythonInfo target) {
        Wheel setuptools = null;
        if (distribution.equals("wheel") && defaultChoice("setuptools", target, null).equals(SeedOptions.BUNDLE)) {
            setuptools = new WheelChoice(BundledWheels.load().all()).choose("setuptools", SeedOptions.BUNDLE, target)
                    .map(WheelChoice.Source::wheel).orElse(null);
        }
        return defaultChoice(distribution, target, setuptools);
    }

    /** Whether this setuptools builds wheels without the {@code wheel} distribution. */
    public static boolean buildsWheels(Wheel setuptools) {
        return VersionSpecifier.compare(setuptools.release(), SETUPTOOLS_BUILDS_WHEELS) >= 0;
    }

    public SeedResult seed(Path env, EnvLayout layout, PythonInfo target, SeedOptions options) {
        if (!options.enabled()) {
            return SeedResult.nothing();
        }
        try (Session session = new Session(options, target)) {
            return session.run(InstallScheme.of(env, layout, target));
        } catch (IOException e) {
            throw new VirtualenvException("failed to seed " + env + ": " + e.getMessage(), e);
        }
    }

    /** One seeding: the cache to use, a scratch directory made only when needed. */
    private final class Session implements AutoCloseable {
        private final SeedOptions options;
        private final PythonInfo target;
        private final AppData cache;
        private final boolean readOnly;
        private final WheelChoice choice;
        private Path scratch;

        Session(SeedOptions options, PythonInfo target) {
            this.options = options;
            this.target = target;
            this.cache = new AppData(options.appData());
            boolean ro = options.readOnlyAppData();
            if (!ro && !cache.writable()) {
                LOG.warn("app-data cache {} is not writable: using a temporary one (choose another with --app-data)",
                        cache.root());
                ro = true;
            }
            this.readOnly = ro;
            this.choice = new WheelChoice(bundled.all(), options.extraSearchDirs(), List.of(cache.wheels()),
                    UpgradedWheels.read(cache.upgradedWheels()));
        }

        SeedResult run(InstallScheme scheme) throws IOException {
            List<InstalledDistribution> installed = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            List<Path> forPip = new ArrayList<>();
            List<Parallel.Task<Placed>> placements = new ArrayList<>();
            LinkMode requested = options.symlinkAppData() ? LinkMode.SYMLINK : LinkMode.HARDLINK;
            SeedScriptNames names = new SeedScriptNames(target.version());
            Map<String, String> decided = new LinkedHashMap<>();
            // setuptools comes before wheel in DISTRIBUTIONS: wheel's default depends on it.
            Wheel setuptools = null;
            for (String distribution : DISTRIBUTIONS) {
                String wanted = options.choices().get(distribution);
                if (wanted == null) {
                    wanted = defaultChoice(distribution, target, setuptools);
                }
                decided.put(distribution, wanted);
                if (wanted.equals(SeedOptions.NONE)) {
                    continue;
                }
                boolean exact = !wanted.equals(SeedOptions.BUNDLE) && !wanted.equals(SeedOptions.EMBED);
                List<WheelChoice.Source> candidates = new ArrayList<>(choice.candidates(distribution, wanted, target));
                if (candidates.isEmpty() && options.download()) {
                    candidates.add(download(distribution, exact ? wanted : null));
                }
                if (candidates.isEmpty()) {
                    if (exact) {
                        throw new VirtualenvException("cannot seed " + distribution + "==" + wanted + ": no such wheel "
                                + "for Python " + target.version().dotted() + " is bundled, in --extra-search-dir or "
                                + "shipped with the interpreter (pick another version, 'bundle', or add --download)");
                    }
                    skipped.add(distribution + " (no bundled wheel runs on Python " + target.version().dotted()
                            + ", and the interpreter ships none)");
                    continue;
                }
                if (distribution.equals("setuptools")) {
                    setuptools = candidates.get(0).wheel();
                }
                if (options.seeder() == SeederKind.PIP) {
                    forPip.add(wheelFile(candidates.get(0)));
                    installed.add(new InstalledDistribution(candidates.get(0).wheel().distribution(),
                            candidates.get(0).wheel().version(), scheme.purelib()));
                    continue;
                }
                placements.add(() -> installFirstUsable(candidates, scheme, names, requested));
            }
            if (options.seeder() == SeederKind.PIP) {
                if (!forPip.isEmpty()) {
                    runPip(scheme, forPip);
                }
                return new SeedResult(installed, skipped, "pip", List.of(), decided);
            }
            // The distributions share no file, so they are placed at once: the time goes to system
            // calls (one per directory and per file), which overlap well.
            List<String> warnings = new ArrayList<>();
            LinkMode via = null;
            for (Placed placed : Parallel.all(placements)) {
                installed.add(placed.distribution());
                warnings.addAll(placed.warnings());
                if (via == null || placed.via() == LinkMode.COPY) {
                    via = placed.via();
                }
            }
            return new SeedResult(installed, skipped, (via == null ? requested : via).label(), warnings, decided);
        }

        /** Tries the candidates in order; a damaged wheel is reported and the next one used. */
        private Placed installFirstUsable(List<WheelChoice.Source> candidates, InstallScheme scheme,
                                          SeedScriptNames names, LinkMode requested) throws IOException {
            List<String> warnings = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                WheelChoice.Source source = candidates.get(i);
                try {
                    Placed placed = install(source, scheme, names, requested);
                    return new Placed(placed.distribution(), placed.via(), warnings);
                } catch (WheelRejectedException e) {
                    if (e.unsafe() || i == candidates.size() - 1) {
                        throw e;
                    }
                    String next = candidates.get(i + 1).wheel().fileName();
                    String warning = e.getMessage() + "; using " + next + " instead";
                    LOG.warn(warning);
                    warnings.add(warning);
                }
            }
            throw new IllegalStateException("no candidates");
        }

        private Placed install(WheelChoice.Source source, InstallScheme scheme, SeedScriptNames names,
                               LinkMode requested) throws IOException {
            // An upgraded wheel's image was built from bytes that matched its hash: found by that
            // hash, it needs no check; building one checks the file first (wheelFile).
            String sha = source instanceof WheelChoice.Bundled b ? b.bundled().sha256()
                    : source instanceof WheelChoice.Upgraded u ? u.upgraded().sha256()
                    : Sha256.hex(((WheelChoice.LocalFile) source).file());
            LOG.debug("installing {} into {}", source.wheel().fileName(), scheme.root());
            ImageCache cached = new ImageCache(cache, target);
            WheelImage image = cached.find(source.wheel(), sha);
            boolean inCache = image != null;
            if (image == null) {
                Path wheelFile = wheelFile(source);
                if (!ImageCache.imageable(wheelFile)) {
                    LOG.debug("{} has scripts or data files: installing it directly", wheelFile);
                    return new Placed(new WheelInstaller(names).install(wheelFile, scheme), null, List.of());
                }
                ImageCache store = readOnly ? new ImageCache(new AppData(scratch()), target) : cached;
                image = store.obtain(wheelFile, sha);
                inCache = !readOnly;
            }
            // A symlink into a temporary image would dangle: those are linked or copied instead.
            LinkMode via = requested == LinkMode.SYMLINK && !inCache ? LinkMode.HARDLINK : requested;
            ImageInstaller.Placed placed = ImageInstaller.install(image, scheme, names, via);
            return new Placed(placed.distribution(), placed.via(), List.of());
        }

        private Path wheelFile(WheelChoice.Source source) {
            if (source instanceof WheelChoice.Bundled b) {
                return bundled.materialize(b.bundled(), readOnly ? new AppData(scratch()) : cache);
            }
            if (source instanceof WheelChoice.Upgraded u) {
                return verified(u.upgraded());
            }
            return ((WheelChoice.LocalFile) source).file();
        }

        /** An upgraded wheel whose bytes still have the hash its upgrade recorded. */
        private static Path verified(UpgradedWheel upgraded) {
            String actual;
            try {
                actual = Sha256.hex(upgraded.file());
            } catch (IOException e) {
                actual = "unreadable";
            }
            if (!actual.equals(upgraded.sha256())) {
                throw new WheelRejectedException("upgraded wheel " + upgraded.file() + " no longer matches the SHA-256 "
                        + "recorded when it was fetched (run --upgrade-embed-wheels again)", false);
            }
            return upgraded.file();
        }

        /**
         * Fetches a wheel with the bundled pip for the target, which asks the index pip is
         * configured with (PIP_INDEX_URL, pip.conf, ...) for a wheel that runs on the target.
         */
        private WheelChoice.LocalFile download(String distribution, String version) throws IOException {
            String spec = version == null ? distribution : distribution + "==" + version;
            Optional<WheelChoice.Source> pip = new WheelChoice(bundled.all()).choose("pip", SeedOptions.EMBED, target);
            if (pip.isEmpty()) {
                throw new VirtualenvException("cannot download " + spec + ": no pip runs on Python "
                        + target.version().dotted() + " to download it with");
            }
            Path pipWheel = wheelFile(pip.get());
            Path into = readOnly ? scratch().resolve("downloads") : cache.wheels();
            AppData.ensureDirectory(into.getParent());
            AppData.ensureDirectory(into);
            Path temp = Files.createTempDirectory(into, ".download-");
            try {
                // --no-cache-dir: pip's own HTTP cache would be a write outside the env and our cache.
                List<String> command = List.of(target.executable(), pipWheel.resolve("pip").toString(), "download",
                        "--disable-pip-version-check", "--no-input", "--no-cache-dir", "--only-binary=:all:", "--no-deps",
                        "--python-version", target.version().majorMinor(), "--dest", temp.toString(), spec);
                LOG.debug("downloading {}: {}", spec, command);
                Processes.Result r = Processes.runExactly(command, temp, environment, 600);
                if (!r.ok()) {
                    LOG.debug("pip download said:\n{}\n{}", r.stdout(), r.stderr());
                    throw new VirtualenvException("cannot download " + spec + " for Python " + target.version().dotted()
                            + " with pip: " + pipError(r) + " (check the index pip uses, e.g. PIP_INDEX_URL or pip.conf)");
                }
                Path got;
                try (Stream<Path> files = Files.list(temp)) {
                    got = files.filter(p -> p.getFileName().toString().endsWith(".whl")).findFirst().orElseThrow(() ->
                            new VirtualenvException("pip downloaded no wheel for " + spec + " into " + temp));
                }
                Wheel wheel = Wheel.parse(got.getFileName().toString());
                if (!wheel.normalizedName().equals(Wheel.normalize(distribution))
                        || (version != null && !wheel.version().equals(version))) {
                    throw new VirtualenvException("pip downloaded " + got.getFileName() + " when asked for " + spec);
                }
                Path target = into.resolve(got.getFileName());
                Files.move(got, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new WheelChoice.LocalFile(target, wheel);
            } finally {
                FileTrees.delete(temp);
            }
        }

        /** The pip seeder: the environment's interpreter runs pip from its wheel. */
        private void runPip(InstallScheme scheme, List<Path> wheels) throws IOException {
            Path pipWheel = wheels.stream().filter(w -> w.getFileName().toString().startsWith("pip-")).findFirst()
                    .orElse(null);
            if (pipWheel == null) {
                Optional<WheelChoice.Source> pip = new WheelChoice(bundled.all()).choose("pip", SeedOptions.EMBED, target);
                if (pip.isEmpty()) {
                    throw new VirtualenvException("the pip seeder needs a pip that runs on Python "
                            + target.version().dotted() + " and none is bundled: use --seeder app-data");
                }
                pipWheel = wheelFile(pip.get());
            }
            List<String> command = new ArrayList<>(List.of(scheme.python(), pipWheel.resolve("pip").toString(), "install",
                    "--isolated", "--no-index", "--no-deps", "--no-cache-dir", "--disable-pip-version-check",
                    "--no-warn-script-location"));
            wheels.forEach(w -> command.add(w.toString()));
            Processes.Result r = Processes.runExactly(command, scheme.root(), environment, 600);
            if (!r.ok()) {
                throw new VirtualenvException("pip failed to install the seed packages into " + scheme.root() + ": "
                        + pipError(r) + " (try --seeder app-data)");
            }
        }

        private synchronized Path scratch() {
            if (scratch == null) {
                try {
                    scratch = Files.createTempDirectory("jvirtualenv-");
                } catch (IOException e) {
                    throw new VirtualenvException("cannot create a temporary directory: " + e.getMessage()
                            + " (check TMPDIR)", e);
                }
            }
            return scratch;
        }

        @Override
        public void close() throws IOException {
            if (scratch != null && Files.exists(scratch, LinkOption.NOFOLLOW_LINKS)) {
                FileTrees.delete(scratch);
            }
        }
    }

    /**
     * One distribution placed into the environment.
     *
     * @param via how its files got there, or null when it was installed from the wheel directly
     * @param warnings damaged wheels passed over on the way
     */
    private record Placed(InstalledDistribution distribution, LinkMode via, List<String> warnings) {
    }

    /** pip's most telling line: its last ERROR line, else its first line of output. */
    static String pipError(Processes.Result r) {
        String found = null;
        for (String line : (r.stderr() + "\n" + r.stdout()).split("\n")) {
            if (line.startsWith("ERROR")) {
                found = line.strip();
            }
        }
        return found != null ? found : r.firstErrorLine();
    }
}
