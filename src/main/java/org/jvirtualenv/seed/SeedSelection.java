package org.jvirtualenv.seed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.appdata.CacheAccess;
import org.jvirtualenv.discovery.PythonInfo;

/**
 * Which wheel for which distribution, for one target: the caller's choice or the default
 * ({@link SeedDefaults}), then the candidates for it ({@link WheelChoice}: bundled, upgraded,
 * extra search dirs, wheels downloaded earlier for an exact version, the target's ensurepip),
 * fetched with pip when none is at hand and {@code --download} allows it. Both seeders install
 * what this selects.
 */
final class SeedSelection {
    /** One distribution to seed, and the wheels that may provide it, best first. */
    record Chosen(String distribution, List<WheelChoice.Source> candidates) {
        Chosen {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * @param skipped distributions left out because no wheel runs on the target, each with why
     * @param decided each distribution's choice as decided, in {@link SeedDefaults#DISTRIBUTIONS} order
     */
    record Selection(List<Chosen> chosen, List<String> skipped, Map<String, String> decided) {
        Selection {
            chosen = List.copyOf(chosen);
            skipped = List.copyOf(skipped);
            decided = Collections.unmodifiableMap(new LinkedHashMap<>(decided));
        }
    }

    private final SeedOptions options;
    private final WheelChoice wheels;
    /** Null when nothing may be fetched. */
    private final PipDownload download;

    SeedSelection(SeedOptions options, WheelChoice wheels, PipDownload download) {
        this.options = options;
        this.wheels = wheels;
        this.download = download;
    }

    /**
     * The wheels these options may seed from: the bundled ones, those in the extra search dirs,
     * those the last upgrade put into the cache, and (for an exact version only: asking for one
     * once must not change later defaults) those downloaded into the cache earlier.
     */
    static WheelChoice wheelsFor(SeedOptions options, BundledWheels bundled) {
        CacheAccess access = options.decidedCacheAccess();
        if (!access.reads()) {
            // A cache others could have written: none of its wheels is a candidate.
            return new WheelChoice(bundled.all(), options.extraSearchDirs(), List.of(), List.of());
        }
        AppData cache = access.cache();
        return new WheelChoice(bundled.all(), options.extraSearchDirs(), List.of(cache.wheels()),
                UpgradedWheels.read(cache.upgradedWheels()));
    }

    Selection select(PythonInfo target) throws IOException {
        List<Chosen> chosen = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> decided = new LinkedHashMap<>();
        Wheel setuptools = null;
        for (String distribution : SeedDefaults.DISTRIBUTIONS) {
            SeedChoice wanted = wanted(distribution, target, setuptools);
            decided.put(distribution, wanted.text());
            if (wanted.kind() == SeedChoice.Kind.NONE) {
                continue;
            }
            List<WheelChoice.Source> candidates = new ArrayList<>(wheels.candidates(distribution, wanted, target));
            if (candidates.isEmpty() && download != null) {
                candidates.add(download.fetch(distribution, wanted.version(), target));
            }
            if (candidates.isEmpty()) {
                if (wanted.kind() == SeedChoice.Kind.VERSION) {
                    throw new VirtualenvException("cannot seed " + distribution + "==" + wanted.version() + ": no such "
                            + "wheel for Python " + target.version().dotted() + " is bundled, in --extra-search-dir or "
                            + "shipped with the interpreter (pick another version, 'bundle', or add --download)");
                }
                skipped.add(distribution + " (no bundled wheel runs on Python " + target.version().dotted()
                        + ", and the interpreter ships none)");
                continue;
            }
            if (distribution.equals("setuptools")) {
                setuptools = candidates.get(0).wheel();
            }
            chosen.add(new Chosen(distribution, candidates));
        }
        return new Selection(chosen, skipped, decided);
    }

    /**
     * Each distribution's choice as {@link #select} decides it, from the wheels at hand: nothing is
     * fetched or written.
     */
    Map<String, SeedChoice> decide(PythonInfo target) {
        Map<String, SeedChoice> decided = new LinkedHashMap<>();
        Wheel setuptools = null;
        for (String distribution : SeedDefaults.DISTRIBUTIONS) {
            SeedChoice wanted = wanted(distribution, target, setuptools);
            decided.put(distribution, wanted);
            if (distribution.equals("setuptools")) {
                List<WheelChoice.Source> candidates = wheels.candidates(distribution, wanted, target);
                setuptools = candidates.isEmpty() ? null : candidates.get(0).wheel();
            }
        }
        return decided;
    }

    /** The caller's choice, else the default (wheel's depends on the setuptools chosen before it). */
    private SeedChoice wanted(String distribution, PythonInfo target, Wheel setuptools) {
        SeedChoice given = options.choice(distribution);
        return given != null ? given : SeedDefaults.choice(distribution, target, setuptools);
    }
}
