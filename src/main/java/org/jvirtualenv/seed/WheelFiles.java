package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.util.Sha256;

/**
 * A real, checked file for each candidate wheel of one seeding, and its SHA-256: a bundled wheel
 * is copied out of the tool into the workspace's store (and checked against its listed hash), an
 * upgraded one is checked against the hash its upgrade recorded, a local file (from the search
 * dirs or the interpreter's ensurepip) must look like a wheel before it is read whole.
 */
final class WheelFiles {
    private final BundledWheels bundled;
    private final SeedWorkspace workspace;

    WheelFiles(BundledWheels bundled, SeedWorkspace workspace) {
        this.bundled = bundled;
        this.workspace = workspace;
    }

    Path file(WheelChoice.Source source) {
        if (source instanceof WheelChoice.Bundled b) {
            return bundled.materialize(b.bundled(), workspace.store());
        }
        if (source instanceof WheelChoice.Upgraded u) {
            return verified(u.upgraded());
        }
        return checked(((WheelChoice.LocalFile) source).file());
    }

    /**
     * The SHA-256 a wheel's image is named by. A bundled or upgraded wheel's is the one recorded for
     * it: an image found by that hash was built from bytes that matched it, so finding one needs no
     * check (building one checks the file first, in {@link #file}).
     */
    String sha256(WheelChoice.Source source) throws IOException {
        if (source instanceof WheelChoice.Bundled b) {
            return b.bundled().sha256();
        }
        if (source instanceof WheelChoice.Upgraded u) {
            return u.upgraded().sha256();
        }
        // Hashing reads the whole file: a file that cannot be a wheel is refused before that.
        return Sha256.hex(checked(((WheelChoice.LocalFile) source).file()));
    }

    /** The newest bundled pip that runs on the target, as a file: it runs pip for the pip seeder and --download. */
    Optional<Path> bundledPip(PythonInfo target) {
        Optional<WheelChoice.Source> pip = new WheelChoice(bundled.all()).choose("pip", SeedChoice.EMBED, target);
        return pip.isEmpty() ? Optional.empty() : Optional.of(file(pip.get()));
    }

    /** A local file that may be a seed wheel: not too large, and starting like a zip ({@link WheelLimits#checkFile}). */
    private static Path checked(Path file) {
        WheelLimits.checkFile(file);
        return file;
    }

    /** An upgraded wheel whose bytes still have the hash its upgrade recorded. */
    private static Path verified(UpgradedWheel upgraded) {
        String actual;
        try {
            actual = Sha256.hex(upgraded.file());
        } catch (IOException e) {
            actual = "unreadable";
        }
        if (!actual.equals(upgraded.sha256())) {
            throw new WheelRejectedException("upgraded wheel " + upgraded.file() + " no longer matches the SHA-256 "
                    + "recorded when it was fetched (run --upgrade-embed-wheels again)", false);
        }
        return upgraded.file();
    }
}
