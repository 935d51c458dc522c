package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.util.Processes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --seeder pip}: the environment's interpreter runs pip from the selected pip wheel (else
 * the bundled one) to install the first candidate of each selected distribution, offline.
 */
final class PipSeeder extends WheelSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(PipSeeder.class);
    private static final String VIA = "pip";

    PipSeeder(SeedOptions options, BundledWheels bundled, Map<String, String> environment) {
        super(options, bundled, environment);
    }

    @Override
    String via() {
        return VIA;
    }

    @Override
    SeedResult install(SeedSelection.Selection selection, SeedTarget target, WheelFiles files,
                       SeedWorkspace workspace) throws IOException {
        InstallScheme scheme = target.scheme();
        List<Path> wheels = new ArrayList<>();
        List<InstalledDistribution> installed = new ArrayList<>();
        Path pipWheel = null;
        List<String> warnings = new ArrayList<>();
        WheelInstaller checker = new WheelInstaller(new SeedScriptNames(target.python().version()));
        for (SeedSelection.Chosen chosen : selection.chosen()) {
            WheelChoice.Source first = null;
            Path file = null;
            // pip would install whatever it is handed: each wheel is checked here first, and a
            // refused one passed over for the next candidate, as the app-data seeder does.
            for (int i = 0; first == null; i++) {
                WheelChoice.Source candidate = chosen.candidates().get(i);
                try {
                    file = files.file(candidate);
                    checker.check(file, scheme);
                    first = candidate;
                } catch (WheelRejectedException e) {
                    if (e.unsafe() || i == chosen.candidates().size() - 1) {
                        throw e;
                    }
                    String warning = e.getMessage() + "; using " + chosen.candidates().get(i + 1).wheel().fileName()
                            + " instead";
                    LOG.warn(warning);
                    warnings.add(warning);
                }
            }
            wheels.add(file);
            if (file.getFileName().toString().startsWith("pip-") && pipWheel == null) {
                pipWheel = file;
            }
            installed.add(new InstalledDistribution(first.wheel().distribution(), first.wheel().version(),
                    scheme.purelib()));
        }
        if (!wheels.isEmpty()) {
            runPip(scheme, pipWheel != null ? pipWheel : bundledPip(files, target), wheels);
        }
        return new SeedResult(installed, selection.skipped(), VIA, warnings, selection.decided());
    }

    private static Path bundledPip(WheelFiles files, SeedTarget target) {
        Optional<Path> pip = files.bundledPip(target.python());
        if (pip.isEmpty()) {
            throw new VirtualenvException("the pip seeder needs a pip that runs on Python "
                    + target.python().version().dotted() + " and none is bundled: use --seeder app-data");
        }
        return pip.get();
    }

    private void runPip(InstallScheme scheme, Path pipWheel, List<Path> wheels) throws IOException {
        List<String> command = new ArrayList<>(List.of(scheme.python(), pipWheel.resolve("pip").toString(), "install",
                "--isolated", "--no-index", "--no-deps", "--no-cache-dir", "--disable-pip-version-check",
                "--no-warn-script-location"));
        for (Path wheel : wheels) {
            command.add(wheel.toString());
        }
        Processes.Result r = Processes.runExactly(command, scheme.root(), environment, 600);
        if (!r.ok()) {
            throw new VirtualenvException("pip failed to install the seed packages into " + scheme.root() + ": "
                    + Pip.error(r) + " (try --seeder app-data)");
        }
    }
}
