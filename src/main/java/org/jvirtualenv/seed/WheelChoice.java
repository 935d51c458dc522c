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
 * Picks the wheels of one distribution for one target, best first. {@code bundle}: the newest
 * wheel whose Requires-Python and tags admit the target among the bundled ones, those the last
 * {@code --upgrade-embed-wheels} fetched and those in the extra search dirs (on a tie the first
 * of these wins: the bundled and upgraded ones are verified against their recorded hashes);
 * {@code embed}: bundled ones only; an exact version: that version from any of them. Failing all
 * that, the wheels in the target interpreter's own {@code ensurepip/_bundled}. Later candidates
 * are used when an earlier one turns out to be damaged.
 */
public final class WheelChoice {
    /** Where a candidate wheel comes from. */
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

    /** Fetched by {@code --upgrade-embed-wheels}; must still match its recorded hash when used. */
    public record Upgraded(UpgradedWheel upgraded) implements Source {
        @Override
        public Wheel wheel() {
            return upgraded.wheel();
        }
    }

    private final List<BundledWheel> bundled;
    private final List<Path> extraDirs;
    private final List<Path> exactOnlyDirs;
    private final List<UpgradedWheel> upgraded;

    public WheelChoice(List<BundledWheel> bundled) {
        this(bundled, List.of(), List.of());
    }

    public WheelChoice(List<BundledWheel> bundled, List<Path> extraDirs, List<Path> exactOnlyDirs) {
        this(bundled, extraDirs, exactOnlyDirs, List.of());
    }

    /**
     * @param exactOnlyDirs folders consulted only for an exact version (wheels downloaded earlier
     *                      into the cache: asking for them once must not change later defaults)
     */
    public WheelChoice(List<BundledWheel> bundled, List<Path> extraDirs, List<Path> exactOnlyDirs,
                       List<UpgradedWheel> upgraded) {
        this.bundled = List.copyOf(bundled);
        this.extraDirs = List.copyOf(extraDirs);
        this.exactOnlyDirs = List.copyOf(exactOnlyDirs);
        this.upgraded = List.copyOf(upgraded);
    }

    /** The best candidate: the first of {@link #candidates}. */
    public Optional<Source> choose(String distribution, SeedChoice choice, PythonInfo target) {
        List<Source> candidates = candidates(distribution, choice, target);
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /** @param choice bundle, embed or an exact version (none has no candidates) */
    public List<Source> candidates(String distribution, SeedChoice choice, PythonInfo target) {
        if (choice.kind() == SeedChoice.Kind.NONE) {
            return List.of();
        }
        String wanted = Wheel.normalize(distribution);
        boolean exact = choice.kind() == SeedChoice.Kind.VERSION;
        String version = choice.version();
        List<Source> main = new ArrayList<>();
        for (BundledWheel b : bundled) {
            if (b.wheel().normalizedName().equals(wanted) && b.wheel().supportsTags(target)
                    && (!exact || b.wheel().version().equals(version)) && b.requiresPython().matches(target.version())) {
                main.add(new Bundled(b));
            }
        }
        if (choice.kind() != SeedChoice.Kind.EMBED) {
            for (UpgradedWheel u : upgraded) {
                if (u.wheel().normalizedName().equals(wanted) && u.wheel().supportsTags(target)
                        && (!exact || u.wheel().version().equals(version)) && u.requiresPython().matches(target.version())) {
                    main.add(new Upgraded(u));
                }
            }
            List<Path> dirs = new ArrayList<>(extraDirs);
            if (exact) {
                dirs.addAll(exactOnlyDirs);
            }
            for (LocalFile f : wheelsIn(dirs)) {
                if (f.wheel().normalizedName().equals(wanted) && f.wheel().supportsTags(target)
                        && (!exact || f.wheel().version().equals(version)) && requiresPython(f.file()).matches(target.version())) {
                    main.add(f);
                }
            }
        }
        List<Source> result = new ArrayList<>(newestFirst(main));
        List<Source> fallback = new ArrayList<>();
        for (LocalFile f : ensurepipWheels(target)) {
            if (f.wheel().normalizedName().equals(wanted) && f.wheel().supportsTags(target)
                    && (!exact || f.wheel().version().equals(version))) {
                fallback.add(f);
            }
        }
        result.addAll(newestFirst(fallback));
        return result;
    }

    /** Stable: among equal versions the earlier (bundled, upgraded, then the search dirs in order) stays first. */
    private static List<Source> newestFirst(List<Source> sources) {
        List<Source> sorted = new ArrayList<>(sources);
        sorted.sort(new NewestFirst());
        return sorted;
    }

    /**
     * A class, not Comparator.comparing(...).reversed(): the lambda inside Comparator.comparing
     * never makes it into the class-data archive, so every seeded run would generate it anew.
     */
    private static final class NewestFirst implements Comparator<Source> {
        @Override
        public int compare(Source a, Source b) {
            return VersionSpecifier.compare(b.wheel().release(), a.wheel().release());
        }
    }

    /** The .whl files directly in these folders; folders that do not exist are ignored. */
    static List<LocalFile> wheelsIn(List<Path> dirs) {
        List<LocalFile> found = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    if (!p.getFileName().toString().endsWith(".whl") || !Files.isRegularFile(p)) {
                        continue;
                    }
                    try {
                        found.add(new LocalFile(p.toAbsolutePath(), Wheel.parse(p.getFileName().toString())));
                    } catch (IllegalArgumentException ignored) {
                        // Not a wheel file name: not a candidate.
                    }
                }
            } catch (IOException e) {
                // An unreadable folder holds no candidates.
            }
        }
        return found;
    }

    /**
     * The Requires-Python of a wheel's METADATA; "any" when absent. A wheel that cannot be read
     * stays a candidate: installing it then fails with a message naming it, and the next is used.
     */
    static VersionSpecifier requiresPython(Path wheelFile) {
        try {
            return VersionSpecifier.parse(WheelMetadata.read(wheelFile).requiresPython());
        } catch (IOException | RuntimeException e) {
            return VersionSpecifier.any();
        }
    }

    /** The wheels the target ships for ensurepip; they run on it by construction. */
    static List<LocalFile> ensurepipWheels(PythonInfo target) {
        if (target.stdlibDir() == null) {
            return List.of();
        }
        return wheelsIn(List.of(Path.of(target.stdlibDir(), "ensurepip", "_bundled")));
    }
}
