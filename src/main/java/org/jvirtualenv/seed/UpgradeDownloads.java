package org.jvirtualenv.seed;

import static org.jvirtualenv.seed.EmbedWheelUpgrade.failed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.appdata.AppData;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.util.Processes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The downloads of one {@link EmbedWheelUpgrade}: the bundled pip that is newest for the host,
 * installed once into a scratch directory, run by the host once per target version. pip runs in
 * the caller's environment, so PIP_INDEX_URL, PIP_EXTRA_INDEX_URL, PIP_FIND_LINKS and pip.conf
 * decide where it looks; its own HTTP cache is off. A failure to reach the index ends the upgrade
 * with one line naming the index and the cause.
 */
final class UpgradeDownloads {
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeDownloads.class);

    /** What pip prints when it could not talk to an index, and how to say it in a few words; first match wins. */
    private static final String[][] UNREACHABLE = {
        {"Connection refused", "connection refused"},
        {"Name or service not known", "host not found"},
        {"Temporary failure in name resolution", "host not found"},
        {"nodename nor servname provided", "host not found"},
        {"Network is unreachable", "network unreachable"},
        {"No route to host", "no route to host"},
        {"timed out", "timed out"},
        {"ProxyError", "proxy error"},
        {"SSLError", "TLS error"},
        {"NewConnectionError", "cannot connect"},
        {"Max retries exceeded", "cannot connect"},
        {"Could not fetch URL", "cannot fetch"},
    };

    private final PythonInfo host;
    private final Wheel pip;
    /** The installed pip package, run as a directory ({@code python pip/ download ...}). */
    private final Path pipDir;
    private final Map<String, String> environment;

    private UpgradeDownloads(PythonInfo host, Wheel pip, Path pipDir, Map<String, String> environment) {
        this.host = host;
        this.pip = pip;
        this.pipDir = pipDir;
        this.environment = environment;
    }

    /**
     * Installs the newest bundled pip that runs on the host into {@code dir}.
     *
     * @param environment the environment pip runs in
     */
    static UpgradeDownloads prepare(BundledWheels bundled, PythonInfo host, Path dir, Map<String, String> environment)
            throws IOException {
        Optional<WheelChoice.Source> pip = new WheelChoice(bundled.all()).choose("pip", SeedChoice.EMBED, host);
        if (pip.isEmpty()) {
            throw new VirtualenvException(failed("no pip runs on " + host.executable() + " (Python "
                    + host.version().dotted() + ") to fetch them with; put a newer python3 first on PATH"));
        }
        Path wheelFile = pip.get() instanceof WheelChoice.Bundled b
                ? bundled.materialize(b.bundled(), new AppData(dir.resolve("materialized")))
                : ((WheelChoice.LocalFile) pip.get()).file();
        Path site = dir.resolve("site");
        new WheelInstaller().install(wheelFile, InstallScheme.unpacked(dir, site, dir));
        return new UpgradeDownloads(host, pip.get().wheel(), site.resolve("pip"), environment);
    }

    /** The pip wheel that does the fetching. */
    Wheel pip() {
        return pip;
    }

    /**
     * Downloads the newest of each distribution for one target into {@code into}. pip refuses a
     * whole request when one requirement has no match, so a target for which the index lacks one of
     * the three is asked again one distribution at a time (on a complete index such as PyPI that
     * never happens).
     *
     * @return the distributions the index has no wheel of for the target
     */
    List<String> fetch(String target, Path into) throws IOException {
        Files.createDirectories(into);
        Processes.Result all = download(target, into, SeedDefaults.DISTRIBUTIONS);
        if (all.ok()) {
            return List.of();
        }
        failIfUnreachable(all, target);
        List<String> missing = new ArrayList<>();
        for (String distribution : SeedDefaults.DISTRIBUTIONS) {
            Processes.Result one = download(target, into, List.of(distribution));
            if (one.ok()) {
                continue;
            }
            failIfUnreachable(one, target);
            if (!noMatch(one)) {
                throw new VirtualenvException(failed("pip could not fetch " + distribution + " for Python " + target
                        + ": " + Pip.error(one) + " (check the index pip is configured with)"));
            }
            missing.add(distribution);
        }
        return missing;
    }

    private Processes.Result download(String target, Path into, List<String> distributions) throws IOException {
        // -E -s: the user's PYTHONPATH or user site must not replace the pip we run; pip's own
        // variables and configuration still apply. --no-cache-dir: no write outside our cache.
        List<String> command = new ArrayList<>(List.of(host.executable(), "-E", "-s", pipDir.toString(), "download",
                "--disable-pip-version-check", "--no-input", "--no-cache-dir", "--progress-bar", "off",
                "--only-binary=:all:", "--no-deps", "--python-version", target, "--dest", into.toString()));
        command.addAll(distributions);
        LOG.debug("fetching for Python {}: {}", target, command);
        Processes.Result r = Processes.runExactly(command, into, environment, 600);
        if (!r.ok()) {
            LOG.debug("pip download for Python {} said:\n{}\n{}", target, r.stdout(), r.stderr());
        }
        return r;
    }

    private static boolean noMatch(Processes.Result r) {
        String out = r.stdout() + "\n" + r.stderr();
        return out.contains("No matching distribution found") || out.contains("Could not find a version that satisfies")
                || out.contains("a different Python");
    }

    private static void failIfUnreachable(Processes.Result r, String target) {
        String out = r.stdout() + "\n" + r.stderr();
        for (String[] marker : UNREACHABLE) {
            if (out.contains(marker[0])) {
                String where = "its index";
                for (String line : out.split("\n")) {
                    if (line.startsWith("Looking in indexes: ")) {
                        where = line.substring("Looking in indexes: ".length()).strip();
                    }
                }
                throw new VirtualenvException(failed("pip could not reach " + where + " (" + marker[1]
                        + ", fetching for Python " + target + "); check the network and PIP_INDEX_URL, "
                        + "PIP_EXTRA_INDEX_URL or pip.conf, then run again"));
            }
        }
    }
}
