package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jvirtualenv.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.create.EnvLayout;
import org.jvirtualenv.discovery.PythonInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Installs pip, setuptools and wheel into a new environment from wheels we carry. */
public final class Seeder {
    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);
    public static final List<String> DISTRIBUTIONS = List.of("pip", "setuptools", "wheel");

    private final BundledWheels bundled;

    public Seeder(BundledWheels bundled) {
        this.bundled = bundled;
    }

    /** virtualenv 20.x's defaults: setuptools and wheel stopped being seeded with 3.12. */
    public static String defaultChoice(String distribution, PythonInfo target) {
        if (distribution.equals("pip") || !target.version().atLeast(3, 12)) {
            return SeedOptions.BUNDLE;
        }
        return SeedOptions.NONE;
    }

    public SeedResult seed(Path env, EnvLayout layout, PythonInfo target, SeedOptions options) {
        if (!options.enabled()) {
            return SeedResult.nothing();
        }
        AppData appData = new AppData(options.appData());
        InstallScheme scheme = InstallScheme.of(env, layout, target);
        WheelInstaller installer = new WheelInstaller(new SeedScriptNames(target.version()));
        WheelChoice choice = new WheelChoice(bundled.all());
        List<InstalledDistribution> installed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String distribution : DISTRIBUTIONS) {
            String wanted = options.choices().getOrDefault(distribution, defaultChoice(distribution, target));
            if (wanted.equals(SeedOptions.NONE)) {
                continue;
            }
            Optional<WheelChoice.Source> source = choice.choose(distribution, wanted, target);
            if (source.isEmpty() && !wanted.equals(SeedOptions.BUNDLE)) {
                throw new VirtualenvException("cannot seed " + distribution + "==" + wanted + ": no such wheel is bundled "
                        + "or shipped with Python " + target.version().dotted() + " (pick another version, or 'bundle')");
            }
            if (source.isEmpty()) {
                skipped.add(distribution + " (no bundled wheel runs on Python " + target.version().dotted()
                        + ", and the interpreter ships none)");
                continue;
            }
            Path wheelFile = source.get() instanceof WheelChoice.Bundled b
                    ? bundled.materialize(b.bundled(), appData)
                    : ((WheelChoice.LocalFile) source.get()).file();
            LOG.debug("installing {} into {}", wheelFile, env);
            try {
                installed.add(installer.install(wheelFile, scheme));
            } catch (IOException e) {
                throw new VirtualenvException("failed to install " + wheelFile.getFileName() + " into " + env + ": "
                        + e.getMessage(), e);
            }
        }
        return new SeedResult(installed, skipped);
    }
}
