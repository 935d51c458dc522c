package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.discovery.VersionSpecifier;

/**
 * Picks the wheel of one distribution for one target: the newest bundled wheel whose
 * Requires-Python and tags admit the target (or exactly the requested version); failing that, the
 * newest one in the target interpreter's own {@code ensurepip/_bundled}.
 */
public final class WheelChoice {
    /** Where the chosen wheel comes from. */
    public sealed interface Source {
        Wheel wheel();
    }

    public record Bundled(BundledWheel bundled) implements Source {
        @Override
        public Wheel wheel() {
            return bundled.wheel();
        }
    }

    public record LocalFile(Path file, Wheel wheel) implements Source {
    }

    private final List<BundledWheel> bundled;

    public WheelChoice(List<BundledWheel> bundled) {
        this.bundled = List.copyOf(bundled);
    }

    /** @param version "bundle" for the newest that runs, else an exact version */
    public Optional<Source> choose(String distribution, String version, PythonInfo target) {
        String wanted = Wheel.normalize(distribution);
        boolean exact = !SeedOptions.BUNDLE.equals(version);
        Optional<Source> fromBundle = bundled.stream()
                .filter(b -> b.wheel().normalizedName().equals(wanted))
                .filter(b -> b.requiresPython().matches(target.version()) && b.wheel().supportsTags(target))
                .filter(b -> !exact || b.wheel().version().equals(version))
                .max(Comparator.comparing(b -> b.wheel().release(), VersionSpecifier::compare))
                .map(Bundled::new);
        if (fromBundle.isPresent()) {
            return fromBundle;
        }
        return ensurepipWheels(target).stream()
                .filter(s -> s.wheel().normalizedName().equals(wanted) && s.wheel().supportsTags(target))
                .filter(s -> !exact || s.wheel().version().equals(version))
                .max(Comparator.comparing(s -> s.wheel().release(), VersionSpecifier::compare));
    }

    /** The wheels the target ships for ensurepip; they run on it by construction. */
    static List<Source> ensurepipWheels(PythonInfo target) {
        if (target.stdlibDir() == null) {
            return List.of();
        }
        Path dir = Path.of(target.stdlibDir(), "ensurepip", "_bundled");
        List<Source> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".whl")).forEach(p -> {
                try {
                    found.add(new LocalFile(p, Wheel.parse(p.getFileName().toString())));
                } catch (IllegalArgumentException ignored) {
                    // Not a wheel name we understand: not a candidate.
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }
}
