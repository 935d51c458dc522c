package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.discovery.Discovery;
import org.jvirtualenv.discovery.Introspector;
import org.jvirtualenv.discovery.PyInfoCache;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.PythonVersion;
import org.jvirtualenv.discovery.VersionSpecifier;
import org.jvirtualenv.util.FileTrees;
import org.jvirtualenv.util.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --upgrade-embed-wheels}: fetches the newest pip, setuptools and wheel that run on each
 * supported target version from the index pip is configured with, checks them as the bundled
 * wheels are checked, and publishes them into the app-data cache ({@link AppData#upgradedWheels()};
 * never into the tool itself). From then on the {@code bundle} choice considers them next to the
 * bundled wheels and the extra search dirs, the newest that runs winning; {@code embed} still
 * means the bundled wheels only. Each upgrade replaces the previous one's set.
 *
 * <p>The bundled pip that is newest for the host interpreter fetches them, once per target version
 * ({@code download --only-binary=:all: --no-deps --python-version X.Y}; see {@link UpgradeDownloads}).
 *
 * <p>Nothing in the cache changes unless every fetch succeeded and every wheel passed its checks
 * (a pure wheel of the distribution asked for, a trial install that verifies its entries and
 * RECORD hashes, a Requires-Python that admits the targets it was fetched for): downloads and
 * checks happen in a scratch directory, and the cache's upgrade directory is replaced as a whole
 * at the end. When pip cannot reach its index, or the index offers none of the three for the
 * newest target, the upgrade fails with one line saying so. Wheels identical to bundled ones are
 * not stored again, nor are wheels that require a distribution that is not seeded (wheel 0.46+
 * needs {@code packaging}: environments seeded with it would fail {@code pip check}); the
 * result lists them all with what became of them.
 *
 * <p>With a destination, the command line upgrades first and then creates the environment, which
 * so gets the upgraded wheels (virtualenv 21.14.1 stops with a traceback there); without one it
 * only upgrades.
 */
public final class EmbedWheelUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(EmbedWheelUpgrade.class);

    /** The target versions this tool creates environments for. */
    public static final List<String> TARGETS = List.of("2.7", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13");

    /**
     * One wheel the upgrade fetched.
     *
     * @param targets        the target versions it is the newest for
     * @param alreadyBundled byte for byte a bundled wheel, so not stored again
     * @param unseeded       distributions it requires that are not seeded (as wheel 0.46+ needs
     *                       packaging): such a wheel is not stored, since an environment seeded with
     *                       it would fail {@code pip check}; empty for a stored one
     */
    public record Fetched(String fileName, String distribution, String version, String requiresPython,
                          List<String> targets, boolean alreadyBundled, List<String> unseeded) {
        public Fetched {
            targets = List.copyOf(targets);
            unseeded = List.copyOf(unseeded);
        }

        /** Whether it is now in the cache's upgrade directory. */
        public boolean stored() {
            return !alreadyBundled && unseeded.isEmpty();
        }
    }

    /**
     * What an upgrade did.
     *
     * @param directory   where the upgraded wheels now are
     * @param wheels      every wheel fetched, in the order of {@link SeedDefaults#DISTRIBUTIONS} and version
     * @param unavailable per target version, the distributions the index had no wheel of for it
     * @param pip         the pip wheel that did the fetching
     * @param host        the interpreter that ran it
     */
    public record Result(Path directory, List<Fetched> wheels, Map<String, List<String>> unavailable, String pip,
                         String host) {
        public Result {
            wheels = List.copyOf(wheels);
            unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
        }

        /** One line per wheel for people, e.g. "wheel 0.99.0 for Python 2.7, 3.6 ... (new)". */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            for (Fetched f : wheels) {
                out.add(f.distribution() + " " + f.version() + " for Python " + String.join(", ", f.targets())
                        + (f.alreadyBundled() ? " (already bundled)" : f.stored() ? " (new)"
                        : " (not kept: it needs " + String.join(", ", f.unseeded()) + ", which is not seeded)"));
            }
            unavailable.forEach((target, dists) ->
                    out.add("none of " + String.join(", ", dists) + " for Python " + target + " at the index"));
            return out;
        }
    }

    private final BundledWheels bundled;
    private final Map<String, String> environment;

    /** @param environment the environment pip runs in (PIP_INDEX_URL, pip.conf via HOME, ...) */
    public EmbedWheelUpgrade(BundledWheels bundled, Map<String, String> environment) {
        this.bundled = bundled;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Upgrades the cache at {@code appData} (the default for the environment when null), with
     * {@code python3} found on PATH (else VIRTUALENV_PYTHON) running pip. Discovery only reads the
     * cache: a failed upgrade leaves it as it was.
     */
    public static Result run(Path appData, Map<String, String> environment) {
        // A cache this run may not write (or must not trust) is refused before anything is fetched.
        AppData cache = UpgradedWheels.writable(appData != null ? new AppData(appData) : AppData.defaultFor(environment))
                .cache();
        PyInfoCache infos = new PyInfoCache(cache.pyInfo(), new Introspector(), false);
        List<String> specs = new ArrayList<>(List.of("python3"));
        Discovery.specsFrom(List.of(), environment).stream().filter(s -> !specs.contains(s)).forEach(specs::add);
        PythonInfo host = new Discovery(infos, environment, Path.of("").toAbsolutePath()).find(specs, List.of());
        return new EmbedWheelUpgrade(BundledWheels.load(), environment).upgrade(cache, host);
    }

    /** Fetches, checks and publishes; {@code host} runs pip. */
    public Result upgrade(AppData cache, PythonInfo host) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("jvirtualenv-upgrade-");
        } catch (IOException e) {
            throw new VirtualenvException("cannot create a temporary directory: " + e.getMessage() + " (check TMPDIR)", e);
        }
        try {
            return upgrade(cache, host, scratch);
        } catch (IOException e) {
            throw new VirtualenvException(failed(e.getMessage() + " (check TMPDIR and its free space)"), e);
        } finally {
            try {
                FileTrees.delete(scratch);
            } catch (IOException e) {
                LOG.warn("could not remove the temporary directory {}: {}", scratch, e.getMessage());
            }
        }
    }

    private Result upgrade(AppData cache, PythonInfo host, Path scratch) throws IOException {
        UpgradeDownloads downloads = UpgradeDownloads.prepare(bundled, host, scratch.resolve("pip"), environment);
        Map<String, List<String>> unavailable = new LinkedHashMap<>();
        // File name -> the downloaded file and the targets it was fetched for.
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, List<String>> targetsOf = new LinkedHashMap<>();
        // Newest first: an index with none of the three for the newest target has none that runs
        // anywhere (every release that runs on an old Python runs on the newest too, bar tags no
        // seed release uses), so the upgrade stops there instead of asking for every target.
        List<String> newestFirst = new ArrayList<>(TARGETS);
        Collections.reverse(newestFirst);
        for (String target : newestFirst) {
            Path into = scratch.resolve("downloads").resolve(target);
            List<String> missing = downloads.fetch(target, into);
            if (!missing.isEmpty()) {
                unavailable.put(target, missing);
            }
            for (Path file : wheelsIn(into)) {
                String name = file.getFileName().toString();
                Path earlier = files.putIfAbsent(name, file);
                if (earlier != null && !Sha256.hex(earlier).equals(Sha256.hex(file))) {
                    throw new VirtualenvException(failed("the index served two different files named " + name
                            + " (check the index pip is configured with)"));
                }
                targetsOf.computeIfAbsent(name, k -> new ArrayList<>()).add(0, target);
            }
            if (files.isEmpty()) {
                throw new VirtualenvException(failed("the index pip is configured with offers no wheel of "
                        + String.join(", ", SeedDefaults.DISTRIBUTIONS) + " for Python " + target + " (check PIP_INDEX_URL, "
                        + "PIP_FIND_LINKS or pip.conf, then run again)"));
            }
        }
        List<Fetched> fetched = new ArrayList<>();
        List<UpgradedWheel> publish = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            List<String> targets = targetsOf.get(e.getKey());
            Optional<BundledWheel> same = sameAsBundled(e.getValue());
            if (same.isPresent()) {
                // Its bytes are the bundled wheel's, whose hash the build verified: nothing to check or store.
                Wheel w = same.get().wheel();
                fetched.add(new Fetched(e.getKey(), w.normalizedName(), w.version(), same.get().requiresPython().toString(),
                        targets, true, List.of()));
                continue;
            }
            UpgradedWheel checked = check(e.getValue(), targets, scratch.resolve("check"));
            List<String> unseeded = WheelMetadata.read(checked.file()).unconditionalRequirements().stream()
                    .filter(d -> !SeedDefaults.DISTRIBUTIONS.contains(d)).distinct().toList();
            Fetched f = new Fetched(e.getKey(), checked.wheel().normalizedName(), checked.wheel().version(),
                    checked.requiresPython().toString(), targets, false, unseeded);
            if (f.stored()) {
                publish.add(checked);
            }
            fetched.add(f);
        }
        fetched.sort(java.util.Comparator.comparing((Fetched f) -> SeedDefaults.DISTRIBUTIONS.indexOf(f.distribution()))
                .thenComparing(f -> VersionSpecifier.release(f.version()), VersionSpecifier::compare));
        Path directory = UpgradedWheels.replace(cache, publish);
        LOG.debug("published {} upgraded wheels into {}", publish.size(), directory);
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        TARGETS.stream().filter(unavailable::containsKey).forEach(t -> byTarget.put(t, unavailable.get(t)));
        return new Result(directory, fetched, byTarget, downloads.pip().fileName(), host.executable());
    }

    private Optional<BundledWheel> sameAsBundled(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<BundledWheel> named = bundled.all().stream().filter(b -> b.wheel().fileName().equals(name)).toList();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String sha = Sha256.hex(file);
        return named.stream().filter(b -> b.sha256().equals(sha)).findFirst();
    }

    /**
     * The checks a bundled wheel gets, for a downloaded one: a pure wheel of one of the seed
     * distributions that runs on its targets, whose entries and RECORD hashes a trial install
     * verifies, with a Requires-Python that admits its targets.
     */
    private UpgradedWheel check(Path file, List<String> targets, Path scratch) throws IOException {
        String name = file.getFileName().toString();
        Wheel wheel;
        try {
            wheel = Wheel.parse(name);
        } catch (IllegalArgumentException e) {
            throw new VirtualenvException(failed("pip downloaded " + name + ", which is not a wheel file name"));
        }
        if (!SeedDefaults.DISTRIBUTIONS.contains(wheel.normalizedName())) {
            throw new VirtualenvException(failed("pip downloaded " + name + ", which is none of "
                    + String.join(", ", SeedDefaults.DISTRIBUTIONS)));
        }
        String requires;
        try {
            Path dir = scratch.resolve(name);
            InstalledDistribution installed = new WheelInstaller().install(file,
                    InstallScheme.unpacked(dir, dir.resolve("site"), dir));
            String distInfo = installed.distInfo().getFileName().toString();
            String expected = wheel.normalizedName() + "-" + wheel.version() + ".dist-info";
            if (!Wheel.normalize(distInfo).equals(Wheel.normalize(expected))) {
                throw new WheelRejectedException("wheel " + name + " holds " + distInfo + " instead of " + expected, false);
            }
            requires = WheelMetadata.read(file).requiresPython();
        } catch (WheelRejectedException e) {
            throw new VirtualenvException(failed(e.getMessage()), e);
        }
        VersionSpecifier specifier;
        try {
            specifier = VersionSpecifier.parse(requires);
        } catch (IllegalArgumentException e) {
            throw new VirtualenvException(failed(name + " has a Requires-Python this tool cannot read ('" + requires + "')"));
        }
        for (String target : targets) {
            String[] xy = target.split("\\.");
            int major = Integer.parseInt(xy[0]);
            int minor = Integer.parseInt(xy[1]);
            if (!wheel.isPureFor(major, minor) || !specifier.matches(new PythonVersion(major, minor, 0, "final", 0))) {
                throw new VirtualenvException(failed("pip downloaded " + name + " for Python " + target
                        + ", but its tags or Requires-Python ('" + requires + "') exclude it"));
            }
        }
        return new UpgradedWheel(file, wheel, Sha256.hex(file), specifier, targets);
    }

    private static List<Path> wheelsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".whl")).sorted().toList();
        }
    }

    /** The one line a failed upgrade prints. */
    static String failed(String why) {
        return "cannot upgrade the embedded wheels: " + why + "; the app-data cache was not changed";
    }
}
