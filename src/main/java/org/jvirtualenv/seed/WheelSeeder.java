package org.jvirtualenv.seed;

import java.io.IOException;
import java.util.Map;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.discovery.PythonInfo;

/**
 * What the app-data and pip seeders share: each seeding opens a {@link SeedWorkspace}, selects the
 * wheels ({@link SeedSelection}), and hands them to the subclass to install; a failure names the
 * environment. The workspace's scratch directory is removed however the seeding ends.
 */
abstract class WheelSeeder implements Seeder {
    final SeedOptions options;
    final BundledWheels bundled;
    /** The environment pip runs in (PIP_INDEX_URL, pip.conf via HOME, ...). */
    final Map<String, String> environment;

    WheelSeeder(SeedOptions options, BundledWheels bundled, Map<String, String> environment) {
        this.options = options;
        this.bundled = bundled;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public final SeedResult seed(SeedTarget target) {
        try (SeedWorkspace workspace = SeedWorkspace.open(options)) {
            WheelFiles files = new WheelFiles(bundled, workspace);
            PipDownload download = options.download() ? new PipDownload(files, workspace, environment) : null;
            SeedSelection.Selection selection = new SeedSelection(options, SeedSelection.wheelsFor(options, bundled),
                    download).select(target.python());
            return install(selection, target, files, workspace);
        } catch (IOException e) {
            throw new VirtualenvException("failed to seed " + target.scheme().root() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public final String describe(PythonInfo python) {
        StringBuilder out = new StringBuilder(options.seeder().text()).append(" (");
        Map<String, SeedChoice> decided = new SeedSelection(options, SeedSelection.wheelsFor(options, bundled), null)
                .decide(python);
        for (Map.Entry<String, SeedChoice> choice : decided.entrySet()) {
            if (choice.getValue().kind() != SeedChoice.Kind.NONE) {
                out.append(choice.getKey()).append('=').append(choice.getValue().text()).append(", ");
            }
        }
        return out.append("via=").append(via()).append(')').toString();
    }

    /** Installs what was selected into the target. */
    abstract SeedResult install(SeedSelection.Selection selection, SeedTarget target, WheelFiles files,
                                SeedWorkspace workspace) throws IOException;

    /** How files reach the environment, as {@link #describe} says it before any is placed. */
    abstract String via();
}
