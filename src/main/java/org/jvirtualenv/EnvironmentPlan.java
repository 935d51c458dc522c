package org.jvirtualenv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jvirtualenv.activation.ActivationContext;
import org.jvirtualenv.activation.Activator;
import org.jvirtualenv.activation.Activators;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.appdata.CacheAccess;
import org.jvirtualenv.create.Creator;
import org.jvirtualenv.create.CreatorChoice;
import org.jvirtualenv.create.CreatorInput;
import org.jvirtualenv.create.Creators;
import org.jvirtualenv.create.EnvLayout;
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
import org.jvirtualenv.seed.SeederKind;
import org.jvirtualenv.util.Parallel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jvirtualenv.util.VirtualenvException;

/**
 * A new environment (or one updated in place): the interpreter found, the creator with its
 * layout, the activators chosen and their context. Everything that can be refused is refused
 * while planning, so {@link #run()} fails only for reasons of the machine.
 *
 * @param prompt the prompt as asked ({@code .} already resolved), null for the default
 * @param cache  how this run may use the app-data cache, decided once while planning: discovery,
 *               seeding, the reset and the locks all follow it
 */
public record EnvironmentPlan(CreateRequest request, Path destination, PythonInfo python, Creator creator,
                              EnvLayout layout, Seeder seeder, String prompt, ActivationContext activation,
                              List<Activator> activators, CacheAccess cache) implements Plan {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentPlan.class);

    public EnvironmentPlan {
        activators = List.copyOf(activators);
    }

    /**
     * Resolves everything a run needs; writes nothing but the app-data cache's root (when missing)
     * and its interpreter facts.
     */
    static EnvironmentPlan of(CreateRequest request, Path dest) {
        long start = System.nanoTime();
        if (request.upgradeEmbedWheels() && request.seed().readOnlyAppData()) {
            throw new VirtualenvException(VirtualenvException.USAGE, "--upgrade-embed-wheels writes into the app-data "
                    + "cache, which --read-only-app-data forbids: drop one of them");
        }
        if (request.seed().resetAppData() && request.seed().readOnlyAppData()) {
            throw new VirtualenvException(VirtualenvException.USAGE, "--reset-app-data empties the app-data cache, "
                    + "which --read-only-app-data forbids: drop one of them");
        }
        CacheAccess cache = CacheAccess.openForCreation(request.seed().appData(), request.seed().readOnlyAppData());
        PyInfoCache infoCache = PyInfoCache.of(cache, new Introspector());
        PythonInfo python = new Discovery(infoCache, request.environment(), request.workDir())
                .find(Discovery.specsFrom(request.pythonSpecs(), request.environment()), request.tryFirstWith());
        Timing.log("discovery", start);
        long planning = System.nanoTime();
        LOG.debug("target interpreter {} at {}", python.displayName(), python.executable());
        // Resolved (and a venv module probed) before anything is written: a creator that cannot
        // serve the target is bad input, not a failure half-way.
        Creator creator = Creators.forChoice(request.creator(), python, request.environment(), request.workDir());
        EnvLayout layout = creator.layout();
        String prompt = resolvePrompt(request);
        ActivationContext context = ActivationContext.of(layout, dest, prompt, request.relocatable());
        // Chosen before anything is written: an unknown activator name is bad input, not a failure half-way.
        List<Activator> activators = request.activators() == null ? Activators.defaults(context)
                : Activators.select(request.activators());
        Seeder seeder = Seeders.forOptions(request.seed().withCacheAccess(cache), request.environment());
        EnvironmentPlan plan = new EnvironmentPlan(request, dest, python, creator, layout, seeder, prompt, context,
                activators, cache);
        Timing.log("plan", planning);
        return plan;
    }

    @Override
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("create an environment in ").append(destination).append('\n');
        out.append("  interpreter ").append(python.displayName()).append(" at ").append(python.executable()).append('\n');
        out.append("  creator ").append(creator.name()).append(" (--creator ").append(request.creator().text()).append(")");
        if (request.creator() == CreatorChoice.VENV) {
            out.append(", then our activators and seed packages");
        }
        out.append('\n');
        if (request.clear()) {
            out.append("  empty it first (an existing environment only)\n");
        }
        if (request.seed().enabled()) {
            out.append("  seeder ").append(seeder.describe(python));
            if (request.seed().seeder() == SeederKind.APP_DATA) {
                out.append(", from the cache ").append(request.seed().appData());
            }
            out.append('\n');
        } else {
            out.append("  no seed packages\n");
        }
        out.append("  activators ").append(String.join(", ", activators.stream().map(Activator::name).toList()))
                .append('\n');
        if (request.relocatable()) {
            out.append("  then make it relocatable\n");
        }
        out.append("  .venv redirect beside it: ").append(request.venvRedirect().name().toLowerCase(java.util.Locale.ROOT))
                .append('\n');
        return out.toString();
    }

    @Override
    public CreateResult run() {
        long start = System.nanoTime();
        if (request.seed().resetAppData()) {
            if (cache.writes()) {
                // Holding no other lock: it waits for the creations using the cache.
                cache.cache().reset();
            } else {
                LOG.debug("--reset-app-data: this run does not write the app-data cache {}: nothing to reset",
                        cache.cache().root());
            }
        }
        // After a reset (which would delete them), before seeding (which uses them).
        EmbedWheelUpgrade.Result upgrade = request.upgradeEmbedWheels()
                ? Virtualenv.upgradeEmbedWheels(cache.cache().root(), request.environment()) : null;
        // One run at a time per DEST: a second creation or --clear of the same directory waits.
        AppData.Lock turn = lockDestination();
        try (AppData.Hold using = useCache()) {
            return createLocked(start, upgrade);
        } finally {
            release(turn);
        }
    }

    /**
     * The cache lock, shared, for as long as this run reads, links and builds from the cache: a
     * reset waits until it is done. Taken after the environment lock (see appdata.CacheLock).
     */
    private AppData.Hold useCache() {
        if (!cache.reads()) {
            return () -> { };
        }
        try {
            return cache.cache().lockShared(cache.writes());
        } catch (IOException | VirtualenvException e) {
            LOG.debug("no shared lock on the app-data cache {}: {}", cache.cache().root(), e.getMessage());
            return () -> { };
        }
    }

    /**
     * The lock on DEST, kept in the app-data cache (nothing is written beside DEST); none when the
     * cache may not be written, as with --read-only-app-data, where runs go on without it.
     */
    private AppData.Lock lockDestination() {
        if (!cache.writes()) {
            return null;
        }
        try {
            return cache.cache().lockEnvironment(destination);
        } catch (IOException | VirtualenvException e) {
            LOG.debug("no lock on {} (the app-data cache cannot be written: {})", destination, e.getMessage());
            return null;
        }
    }

    private static void release(AppData.Lock turn) {
        if (turn == null) {
            return;
        }
        try {
            turn.close();
        } catch (IOException e) {
            LOG.debug("releasing the environment lock: {}", e.getMessage());
        }
    }

    private CreateResult createLocked(long start, EmbedWheelUpgrade.Result upgrade) {
        Path firstCreated = Destination.firstMissing(destination);
        try {
            long creating = System.nanoTime();
            Destination.prepare(destination, request);
            creator.create(new CreatorInput(destination, request.systemSitePackages(), request.copies(), prompt,
                    request.vcsIgnore(), Virtualenv.version(), ToolCommand.recorded(destination)));
            Timing.log("create", creating);

            // Seeding and the activation scripts touch different files: they are written at once.
            List<Parallel.Task<SeedResult>> stages = List.of(
                    () -> {
                        long seeding = System.nanoTime();
                        // Every activator's file name is reserved, not only the chosen ones': a seed wheel
                        // must not plant a look-alike activate.fish either.
                        SeedResult seeded = seeder.seed(SeedTarget.of(destination, layout, python,
                                Activators.all().stream().flatMap(a -> a.scriptNames().stream()).toList()));
                        Timing.log("seed", seeding);
                        return seeded;
                    },
                    () -> {
                        long writing = System.nanoTime();
                        for (Activator activator : activators) {
                            activator.generate(activation);
                        }
                        Timing.log("activators", writing);
                        return null;
                    });
            SeedResult seed = Parallel.all(stages).get(0);
            RelocationReport relocation = null;
            if (request.relocatable()) {
                long relocating = System.nanoTime();
                relocation = new Relocator().relocate(destination, layout);
                Timing.log("relocation", relocating);
            }
            // Last: it points at a complete environment, and a failure to write it is only a warning.
            RedirectFile.apply(destination, request.venvRedirect());
            long millis = (System.nanoTime() - start) / 1_000_000;
            Timing.log("total", start);
            return new CreateResult(destination, python, creator.name(), seed,
                    activators.stream().map(Activator::displayName).toList(), millis, request, relocation, upgrade);
        } catch (IOException e) {
            Destination.cleanUp(firstCreated);
            throw new VirtualenvException("failed to create " + destination + ": " + Destination.describe(e), e);
        } catch (RuntimeException e) {
            Destination.cleanUp(firstCreated);
            throw e;
        }
    }

    private static String resolvePrompt(CreateRequest request) {
        String prompt = request.prompt();
        if (".".equals(prompt)) {
            Path name = request.workDir().getFileName();
            return name == null ? "/" : name.toString();
        }
        return prompt;
    }
}
