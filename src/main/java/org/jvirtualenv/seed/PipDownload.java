package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.util.FileTrees;
import org.jvirtualenv.util.Processes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --download}: fetches a wheel that is not at hand with the bundled pip for the target,
 * which asks the index pip is configured with (PIP_INDEX_URL, pip.conf, ...) for a wheel that runs
 * on the target. The wheel is kept where the workspace keeps downloads: in the cache, an exact
 * version is then found there by later creations without asking the index again.
 */
final class PipDownload {
    private static final Logger LOG = LoggerFactory.getLogger(PipDownload.class);

    private final WheelFiles files;
    private final SeedWorkspace workspace;
    private final Map<String, String> environment;

    /** @param environment the environment pip runs in */
    PipDownload(WheelFiles files, SeedWorkspace workspace, Map<String, String> environment) {
        this.files = files;
        this.workspace = workspace;
        this.environment = environment;
    }

    /** @param version the exact version wanted, or null for the newest that runs on the target */
    WheelChoice.LocalFile fetch(String distribution, String version, PythonInfo target) throws IOException {
        String spec = version == null ? distribution : distribution + "==" + version;
        Optional<Path> pipWheel = files.bundledPip(target);
        if (pipWheel.isEmpty()) {
            throw new VirtualenvException("cannot download " + spec + ": no pip runs on Python "
                    + target.version().dotted() + " to download it with");
        }
        Path into = workspace.downloads();
        AppData.ensureDirectory(into.getParent());
        AppData.ensureDirectory(into);
        Path temp = Files.createTempDirectory(into, ".download-");
        try {
            // --no-cache-dir: pip's own HTTP cache would be a write outside the env and our cache.
            List<String> command = List.of(target.executable(), pipWheel.get().resolve("pip").toString(), "download",
                    "--disable-pip-version-check", "--no-input", "--no-cache-dir", "--only-binary=:all:", "--no-deps",
                    "--python-version", target.version().majorMinor(), "--dest", temp.toString(), spec);
            LOG.debug("downloading {}: {}", spec, command);
            Processes.Result r = Processes.runExactly(command, temp, environment, 600);
            if (!r.ok()) {
                LOG.debug("pip download said:\n{}\n{}", r.stdout(), r.stderr());
                throw new VirtualenvException("cannot download " + spec + " for Python " + target.version().dotted()
                        + " with pip: " + Pip.error(r) + " (check the index pip uses, e.g. PIP_INDEX_URL or pip.conf)");
            }
            Path got;
            try (Stream<Path> listed = Files.list(temp)) {
                got = listed.filter(p -> p.getFileName().toString().endsWith(".whl")).findFirst().orElseThrow(() ->
                        new VirtualenvException("pip downloaded no wheel for " + spec + " into " + temp));
            }
            Wheel wheel = Wheel.parse(got.getFileName().toString());
            if (!wheel.normalizedName().equals(Wheel.normalize(distribution))
                    || (version != null && !wheel.version().equals(version))) {
                throw new VirtualenvException("pip downloaded " + got.getFileName() + " when asked for " + spec);
            }
            Path kept = into.resolve(got.getFileName());
            Files.move(got, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new WheelChoice.LocalFile(kept, wheel);
        } finally {
            FileTrees.delete(temp);
        }
    }
}
