package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.util.Parallel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --seeder app-data}: links (or copies) into the environment a compiled image of each
 * selected wheel, built once per target version in the app-data cache ({@link ImageCache}). A
 * wheel an image cannot stand for (scripts or data files, or modules the target did not compile)
 * is installed from the wheel directly; a damaged candidate is reported and the next one used,
 * but a place that cannot be written ({@link WriteFailure}) stops the seeding.
 */
final class AppDataSeeder extends WheelSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(AppDataSeeder.class);

    AppDataSeeder(SeedOptions options, BundledWheels bundled, Map<String, String> environment) {
        super(options, bundled, environment);
    }

    @Override
    String via() {
        return requested().label();
    }

    private LinkMode requested() {
        return options.linkMode();
    }

    @Override
    SeedResult install(SeedSelection.Selection selection, SeedTarget target, WheelFiles files,
                       SeedWorkspace workspace) throws IOException {
        Placing placing = new Placing(target, files, workspace, requested());
        List<Parallel.Task<Seeded>> tasks = new ArrayList<>();
        for (SeedSelection.Chosen chosen : selection.chosen()) {
            tasks.add(() -> placing.firstUsable(chosen.candidates()));
        }
        // The distributions share no file, so they are placed at once: the time goes to system
        // calls (one per directory and per file), which overlap well.
        List<InstalledDistribution> installed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        LinkMode via = null;
        for (Seeded seeded : Parallel.all(tasks)) {
            installed.add(seeded.distribution());
            warnings.addAll(seeded.warnings());
            if (via == null || seeded.via() == LinkMode.COPY) {
                via = seeded.via();
            }
        }
        return new SeedResult(installed, selection.skipped(), (via == null ? requested() : via).label(), warnings,
                selection.decided());
    }

    /**
     * One distribution seeded.
     *
     * @param via how its files got there, or null when it was installed from the wheel directly
     * @param warnings damaged wheels passed over on the way
     */
    private record Seeded(InstalledDistribution distribution, LinkMode via, List<String> warnings) {
    }

    /** A candidate as messages name it: the file when it is one, else the wheel's name. */
    private static String name(WheelChoice.Source source) {
        return source instanceof WheelChoice.LocalFile f ? f.file().toString() : source.wheel().fileName();
    }

    /** Placing the distributions of one seeding, each on its own thread. */
    private static final class Placing {
        private final SeedTarget target;
        private final WheelFiles files;
        private final SeedWorkspace workspace;
        private final LinkMode requested;
        private final SeedScriptNames names;
        /** The images in the cache; when the cache is read-only, new ones are built in scratch instead. */
        private final ImageCache cached;

        Placing(SeedTarget target, WheelFiles files, SeedWorkspace workspace, LinkMode requested) {
            this.target = target;
            this.files = files;
            this.workspace = workspace;
            this.requested = requested;
            this.names = new SeedScriptNames(target.python().version());
            this.cached = new ImageCache(workspace.cache(), target.python());
        }

        /** Tries the candidates in order; a damaged wheel is reported and the next one used. */
        Seeded firstUsable(List<WheelChoice.Source> candidates) throws IOException {
            List<String> warnings = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                try {
                    ImageInstaller.Placed placed = install(candidates.get(i));
                    return new Seeded(placed.distribution(), placed.via(), warnings);
                } catch (WheelRejectedException e) {
                    if (e.unsafe() || i == candidates.size() - 1) {
                        throw e;
                    }
                    String warning = e.getMessage() + "; using " + candidates.get(i + 1).wheel().fileName() + " instead";
                    LOG.warn(warning);
                    warnings.add(warning);
                }
            }
            throw new IllegalStateException("no candidates");
        }

        private ImageInstaller.Placed install(WheelChoice.Source source) throws IOException {
            try {
                return installOnce(source);
            } catch (NoSuchFileException e) {
                // Another creation found the image changed and rebuilt it while this one was
                // linking from it: the fresh image is complete, and placing over what is placed
                // replaces it.
                LOG.debug("app-data image file {} vanished while placing it (image rebuilt?): placing again", e.getFile());
                return installOnce(source);
            }
        }

        private ImageInstaller.Placed installOnce(WheelChoice.Source source) throws IOException {
            LOG.debug("installing {} into {}", source.wheel().fileName(), target.scheme().root());
            String sha = files.sha256(source);
            WheelImage image = cached.find(source.wheel(), sha);
            if (image != null) {
                // A string comparison, for an image built before wheels were held to their names.
                WheelLimits.checkDistInfo(image.distInfo(), source.wheel(), "wheel " + name(source));
            }
            boolean inCache = image != null;
            if (image == null) {
                Path wheelFile = files.file(source);
                if (!ImageCache.imageable(wheelFile)) {
                    LOG.debug("{} has scripts or data files: installing it directly", wheelFile);
                    return new ImageInstaller.Placed(new WheelInstaller(names).install(wheelFile, target.scheme()), null);
                }
                ImageCache store = workspace.keeps() ? cached : new ImageCache(workspace.store(), target.python());
                image = store.obtain(wheelFile, sha);
                if (image == null) {
                    // The target did not compile it (the debug log says why): no image stands for it.
                    return new ImageInstaller.Placed(new WheelInstaller(names).install(wheelFile, target.scheme()), null);
                }
                inCache = workspace.keeps();
            }
            // A symlink into a temporary image would dangle: those are linked or copied instead.
            LinkMode mode = requested == LinkMode.SYMLINK && !inCache ? LinkMode.HARDLINK : requested;
            return ImageInstaller.install(image, target.scheme(), names, mode, "wheel " + name(source));
        }
    }
}
