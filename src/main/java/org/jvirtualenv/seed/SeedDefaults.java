package org.jvirtualenv.seed;

import java.util.List;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.VersionSpecifier;

/**
 * The seed distributions, and the choice made for one the caller said nothing about, as
 * virtualenv 21 and the original user guide have it: pip always; setuptools up to Python 3.11;
 * wheel only beside a setuptools too old to build wheels itself. The last depends on the
 * setuptools actually chosen (bundled, extra search dir or exact version), not on the target's
 * version.
 */
public final class SeedDefaults {
    /** In this order: setuptools comes before wheel, whose default depends on it. */
    public static final List<String> DISTRIBUTIONS = List.of("pip", "setuptools", "wheel");

    /**
     * The first setuptools that builds wheels by itself (it took in {@code bdist_wheel}): beside it
     * the {@code wheel} distribution adds nothing, so it is no longer seeded by default.
     */
    static final List<Integer> SETUPTOOLS_BUILDS_WHEELS = List.of(70, 1);

    private SeedDefaults() {
    }

    /** @param setuptools the setuptools wheel being seeded, or null when none is */
    public static SeedChoice choice(String distribution, PythonInfo target, Wheel setuptools) {
        return switch (distribution) {
            case "pip" -> SeedChoice.BUNDLE;
            case "setuptools" -> target.version().atLeast(3, 12) ? SeedChoice.NONE : SeedChoice.BUNDLE;
            case "wheel" -> setuptools != null && !buildsWheels(setuptools) ? SeedChoice.BUNDLE : SeedChoice.NONE;
            default -> throw new IllegalArgumentException("not a seed distribution: " + distribution);
        };
    }

    /** Whether this setuptools builds wheels without the {@code wheel} distribution. */
    public static boolean buildsWheels(Wheel setuptools) {
        return VersionSpecifier.compare(setuptools.release(), SETUPTOOLS_BUILDS_WHEELS) >= 0;
    }
}
