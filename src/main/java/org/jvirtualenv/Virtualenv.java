package org.jvirtualenv;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jvirtualenv.activation.ActivationContext;
import org.jvirtualenv.activation.Activator;
import org.jvirtualenv.activation.Activators;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.create.Creator;
import org.jvirtualenv.create.CreatorInput;
import org.jvirtualenv.create.Creators;
import org.jvirtualenv.create.EnvLayout;
import org.jvirtualenv.create.PyvenvCfg;
import org.jvirtualenv.create.RedirectFile;
import org.jvirtualenv.discovery.Discovery;
import org.jvirtualenv.discovery.Introspector;
import org.jvirtualenv.discovery.PyInfoCache;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.relocate.RelocationReport;
import org.jvirtualenv.relocate.Relocator;
import org.jvirtualenv.seed.EmbedWheelUpgrade;
import org.jvirtualenv.seed.SeedResult;
import org.jvirtualenv.seed.SeedTarget;
import org.jvirtualenv.seed.Seeder;
import org.jvirtualenv.seed.Seeders;
import org.jvirtualenv.util.FileTrees;
import org.jvirtualenv.util.Parallel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library entry point: {@code Virtualenv.create(request)} runs discovery, creation, seeding
 * and activation in order. Any failure is a {@link VirtualenvException}; if the destination did
 * not exist before, nothing of it is left behind.
 */
public final class Virtualenv {
    private static final Logger LOG = LoggerFactory.getLogger(Virtualenv.class);
    private static final String PYVENV_CFG = "pyvenv.cfg";

    private Virtualenv() {
    }

    public static String version() {
        Properties props = new Properties();
        try (InputStream in = Virtualenv.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // The version is informational; an unreadable resource must not stop creation.
        }
        return props.getProperty("version", "unknown");
    }

    public static CreateResult create(CreateRequest request) {
        long start = System.nanoTime();
        Path dest = destination(request);
        if (request.upgradeEmbedWheels() && request.seed().readOnlyAppData()) {
            throw new VirtualenvException(VirtualenvException.USAGE, "--upgrade-embed-wheels writes into the app-data "
                    + "cache, which --read-only-app-data forbids: drop one of them");
        }
        if (request.seed().resetAppData()) {
            new AppData(request.seed().appData()).reset();
        }
        // After a reset (which would delete them), before discovery and seeding (which use them).
        EmbedWheelUpgrade.Result upgrade = request.upgradeEmbedWheels()
                ? upgradeEmbedWheels(request.seed().appData(), request.environment()) : null;
        PyInfoCache infoCache = new PyInfoCache(new AppData(request.seed().appData()).pyInfo(),
                new Introspector()::describeJson, !request.seed().readOnlyAppData());
        PythonInfo python = new Discovery(infoCache, request.environment(), request.workDir())
                .find(Discovery.specsFrom(request.pythonSpecs(), request.environment()), request.tryFirstWith());
        LOG.debug("target interpreter {} at {}", python.displayName(), python.executable());
        EnvLayout layout = EnvLayout.forTarget(python);
        // Resolved (and a venv module probed) before anything is written: a creator that cannot
        // serve the target is bad input, not a failure half-way.
        Creator creator = Creators.forChoice(request.creator(), python, request.environment(), request.workDir());
        LOG.debug("creator {} ({})", creator.name(), request.creator());
        String prompt = resolvePrompt(request);
        ActivationContext context = new ActivationContext(dest, layout.binDir(),
                prompt != null ? prompt : dest.getFileName().toString(), layout.windows(),
                new ArrayList<>(new LinkedHashSet<>(List.of(layout.purelib(), layout.platlib()))),
                python.version().majorMinor(), request.relocatable());
        // Chosen before anything is written: an unknown activator name is bad input, not a failure half-way.
        List<Activator> activators = request.activators() == null ? Activators.defaults(context)
                : Activators.select(request.activators());

        Path firstCreated = firstMissing(dest);
        try {
            prepare(dest, request);
            creator.create(new CreatorInput(python, layout, dest, request.clear(),
                    request.systemSitePackages(), request.copies(), prompt, request.vcsIgnore(), version()));

            // Seeding and the activation scripts touch different files: they are written at once.
            Seeder seeder = Seeders.forOptions(request.seed(), request.environment());
            List<Parallel.Task<SeedResult>> stages = List.of(
                    () -> seeder.seed(SeedTarget.of(dest, layout, python)),
                    () -> {
                        for (Activator activator : activators) {
                            activator.generate(context);
                        }
                        return null;
                    });
            SeedResult seed = Parallel.all(stages).get(0);
            RelocationReport relocation = request.relocatable() ? new Relocator().relocate(dest) : null;
            // Last: it points at a complete environment, and a failure to write it is only a warning.
            RedirectFile.apply(dest, request.venvRedirect());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new CreateResult(dest, python, creator.name(), seed,
                    activators.stream().map(Activator::displayName).toList(), millis, request, relocation, upgrade);
        } catch (IOException e) {
            cleanUp(firstCreated);
            throw new VirtualenvException("failed to create " + dest + ": " + describe(e), e);
        } catch (RuntimeException e) {
            cleanUp(firstCreated);
            throw e;
        }
    }

    private static Path absoluteDestination(CreateRequest request) {
        return request.workDir().resolve(request.destination()).toAbsolutePath().normalize();
    }

    /**
     * {@code --upgrade-embed-wheels}: fetches the newest pip, setuptools and wheel that run on each
     * supported target from the index pip is configured with (as {@code environment} configures
     * it) into the app-data cache at {@code appData} (the default for the environment when null),
     * where the {@code bundle} choice uses them from then on. Fails with a
     * {@link VirtualenvException} (one line, cache unchanged) when the index cannot be reached.
     * A request with {@link CreateRequest#upgradeEmbedWheels()} upgrades first, then creates.
     */
    public static EmbedWheelUpgrade.Result upgradeEmbedWheels(Path appData, Map<String, String> environment) {
        return EmbedWheelUpgrade.run(appData, environment);
    }

    /** Whether {@code --relocatable} on this request means "relocate the existing environment in place". */
    public static boolean relocatesInPlace(CreateRequest request) {
        Path dest = absoluteDestination(request);
        return request.relocatable() && !request.clear() && Files.isRegularFile(dest.resolve("pyvenv.cfg"));
    }

    /**
     * The original virtualenv's {@code --relocatable ENV}: make an existing environment (and the
     * packages installed in it since) independent of its path, without re-creating or re-seeding
     * it. Activators already present are rendered again in relocatable form. Runs no interpreter.
     */
    public static RelocationReport makeRelocatable(CreateRequest request) {
        Path dest = absoluteDestination(request);
        Map<String, String> cfg;
        try {
            cfg = PyvenvCfg.parse(Files.readString(dest.resolve("pyvenv.cfg")));
        } catch (IOException e) {
            throw new VirtualenvException("cannot read " + dest.resolve("pyvenv.cfg") + ": " + describe(e), e);
        }
        String binName = Files.isDirectory(dest.resolve("Scripts")) && !Files.isDirectory(dest.resolve("bin")) ? "Scripts" : "bin";
        String version = cfg.getOrDefault("version", cfg.getOrDefault("version_info", ""));
        String majorMinor = version.replaceFirst("^(\\d+\\.\\d+).*$", "$1");
        List<String> sites = new ArrayList<>();
        try {
            for (Path site : Relocator.sitePackages(dest)) {
                sites.add(dest.relativize(site).toString().replace('\\', '/'));
            }
        } catch (IOException e) {
            throw new VirtualenvException("cannot read " + dest + ": " + describe(e), e);
        }
        String prompt = cfg.containsKey("prompt") ? cfg.get("prompt") : dest.getFileName().toString();
        ActivationContext context = new ActivationContext(dest, binName, prompt, binName.equals("Scripts"), sites,
                majorMinor, true);
        List<Activator> activators = request.activators() == null ? Activators.present(context.binDir())
                : Activators.select(request.activators());
        try {
            for (Activator activator : activators) {
                activator.generate(context);
            }
        } catch (IOException e) {
            throw new VirtualenvException("failed to rewrite the activators of " + dest + ": " + describe(e), e);
        }
        return new Relocator().relocate(dest);
    }

    /** The absolute destination, after the checks virtualenv makes before touching anything. */
    static Path destination(CreateRequest request) {
        Path dest = absoluteDestination(request);
        if (dest.getFileName() == null) {
            throw new VirtualenvException(VirtualenvException.USAGE, "destination " + dest
                    + " is the root of the file system: choose a directory for the environment, such as ./venv");
        }
        if (dest.toString().contains(File.pathSeparator)) {
            throw new VirtualenvException(VirtualenvException.USAGE, "destination " + dest + " contains the path separator '"
                    + File.pathSeparator + "', which would break PATH when activated: choose another directory");
        }
        if (Files.exists(dest) && !Files.isDirectory(dest)) {
            throw new VirtualenvException(VirtualenvException.USAGE, "destination " + dest
                    + " already exists and is not a directory: choose another path");
        }
        Path existing = dest;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new VirtualenvException("cannot create " + dest + ": " + existing
                    + " is not a writable directory (check its permissions or choose another place)");
        }
        return dest;
    }

    private static Path firstMissing(Path dest) {
        Path missing = null;
        for (Path p = dest; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /**
     * Makes DEST ready: emptied for {@code --clear}, refused when it holds files of something that
     * is not an environment (unless {@code --allow-existing}: then those files are named).
     */
    private static void prepare(Path dest, CreateRequest request) throws IOException {
        if (Files.isDirectory(dest)) {
            List<String> entries = new ArrayList<>();
            try (var children = Files.list(dest)) {
                children.limit(4).forEach(child -> entries.add(child.getFileName().toString()));
            }
            boolean environment = Files.exists(dest.resolve(PYVENV_CFG), LinkOption.NOFOLLOW_LINKS);
            if (!entries.isEmpty() && !environment) {
                String sample = String.join(", ", entries.subList(0, Math.min(3, entries.size())))
                        + (entries.size() > 3 ? ", ..." : "");
                // Unlike virtualenv, --clear will not wipe a directory that is not an environment.
                if (request.clear()) {
                    throw new VirtualenvException(VirtualenvException.USAGE, "refusing to --clear " + dest
                            + ": it has files (" + sample + ") but no pyvenv.cfg, so it is not a virtual environment; "
                            + "remove it yourself if you mean it");
                }
                if (!request.allowExisting()) {
                    throw new VirtualenvException(VirtualenvException.USAGE, dest + " already has files (" + sample
                            + ") and is not a virtual environment: choose an empty or new directory, or pass "
                            + "--allow-existing to create the environment among them");
                }
                LOG.warn("creating the environment among files that are not part of it in {}: {}", dest, sample);
            }
            if (request.clear() && environment) {
                emptyEnvironment(dest);
            }
        }
        Files.createDirectories(dest);
    }

    /**
     * Removes an environment's contents, pyvenv.cfg last: a --clear that is killed or meets a file
     * it cannot delete leaves a directory the next --clear still recognises as an environment.
     */
    private static void emptyEnvironment(Path dest) throws IOException {
        try (var children = Files.list(dest)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (!child.getFileName().toString().equals(PYVENV_CFG)) {
                    FileTrees.delete(child);
                }
            }
        }
        Files.delete(dest.resolve(PYVENV_CFG));
    }

    private static String resolvePrompt(CreateRequest request) {
        String prompt = request.prompt();
        if (".".equals(prompt)) {
            Path name = request.workDir().getFileName();
            return name == null ? "/" : name.toString();
        }
        return prompt;
    }

    private static void cleanUp(Path firstCreated) {
        if (firstCreated == null) {
            return;
        }
        try {
            FileTrees.delete(firstCreated);
        } catch (IOException e) {
            LOG.warn("could not remove the partly created {}: {}", firstCreated, e.getMessage());
        }
    }

    private static String describe(IOException e) {
        String msg = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + msg;
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + ": " + fse.getFile();
        }
        return msg == null ? e.getClass().getSimpleName() : msg;
    }
}
