package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an app-data image into an environment's site-packages: its files by link or copy (hardlinks
 * fall back to copies where the file system refuses them), then, by {@link DistInfoWriter}, the
 * console scripts, INSTALLER and a RECORD that lists every file, byte code included, so
 * uninstalling removes it all.
 */
final class ImageInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(ImageInstaller.class);

    /**
     * One image placed.
     *
     * @param via how its files got there: the mode asked for, or COPY when hardlinks were refused
     */
    record Placed(InstalledDistribution distribution, LinkMode via) {
    }

    private ImageInstaller() {
    }

    static Placed install(WheelImage image, InstallScheme scheme, SeedScriptNames names, LinkMode mode)
            throws IOException {
        return install(image, scheme, names, mode, "app-data image " + image.dir());
    }

    /** @param origin what the image stands for, for a message that refuses it ("wheel X") */
    static Placed install(WheelImage image, InstallScheme scheme, SeedScriptNames names, LinkMode mode, String origin)
            throws IOException {
        Path site = image.site();
        Path purelib = scheme.purelib();
        String distInfo = image.distInfo();
        Wheel wheel = Wheel.parse(distInfo.substring(0, distInfo.length() - ".dist-info".length()) + "-py3-none-any.whl");
        // The scripts are named (and refused when they would replace the environment's own files)
        // before a file is placed.
        List<EntryPoint> scripts = List.of();
        Path entryPoints = site.resolve(distInfo).resolve("entry_points.txt");
        if (Files.isRegularFile(entryPoints)) {
            scripts = DistInfoWriter.plannedScripts(Files.readString(entryPoints, StandardCharsets.UTF_8), names, scheme, origin);
        }
        // Directories first (parents before children: the manifest is sorted), then the files.
        // Parents are collected as strings: cheaper to hash than paths, for a thousand files.
        Set<String> dirs = new LinkedHashSet<>();
        for (RecordFile.Row row : image.manifest()) {
            int slash = row.path().lastIndexOf('/');
            if (slash > 0) {
                dirs.add(row.path().substring(0, slash));
            }
        }
        long start = System.nanoTime();
        for (String d : dirs) {
            Path dir = purelib.resolve(d);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw writeFailure(dir, e);
            }
        }
        // One thread per distribution already places files (see AppDataSeeder): a second level of
        // threads here would only compete for the same cores.
        long placing = System.nanoTime();
        LinkMode used = mode;
        for (RecordFile.Row row : image.manifest()) {
            Path target = purelib.resolve(row.path());
            try {
                used = place(site.resolve(row.path()), target, used);
            } catch (IOException e) {
                throw writeFailure(target, e);
            }
        }
        if (LOG.isDebugEnabled()) {
            // Directories can cost far more than links (bench/README.md): shown apart, one duration a
            // line, as bench/benchmark.sh --breakdown collects them.
            LOG.debug("{} {}: made its directories in {} ms", wheel.distribution(), wheel.version(),
                    (placing - start) / 1_000_000);
            LOG.debug("{} {}: placed its {} files ({}) in {} ms", wheel.distribution(), wheel.version(),
                    image.manifest().size(), used.label(), (System.nanoTime() - placing) / 1_000_000);
        }

        DistInfoWriter writer = new DistInfoWriter(purelib.resolve(distInfo));
        try {
            writer.writeScripts(scripts, scheme, wheel.distribution());
            return new Placed(writer.finish(wheel.distribution(), wheel.version(), image.manifestText()), used);
        } catch (IOException e) {
            throw writeFailure(purelib.resolve(distInfo), e);
        }
    }

    /**
     * A full disk (or a read-only or forbidden place) as {@link WriteFailure}; anything else as it
     * came, for the caller (an image file that vanished because another creation rebuilt it is
     * placed again).
     */
    private static IOException writeFailure(Path target, IOException e) {
        WriteFailure known = WriteFailure.recognise(target, e);
        if (known != null) {
            throw known;
        }
        return e;
    }

    private static LinkMode place(Path source, Path target, LinkMode via) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                switch (via) {
                    case HARDLINK -> Files.createLink(target, source);
                    case SYMLINK -> Files.createSymbolicLink(target, source);
                    case COPY -> {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                        target.toFile().setWritable(true, true);
                    }
                }
                return via;
            } catch (FileAlreadyExistsException e) {
                // Re-creating over an environment: replace, never write into what is there.
                Files.delete(target);
            } catch (IOException | UnsupportedOperationException e) {
                if (via != LinkMode.HARDLINK) {
                    throw e;
                }
                LOG.debug("hardlinks refused ({}): copying from the app-data cache instead", e.toString());
                via = LinkMode.COPY;
                attempt--;
            }
        }
        throw new IOException("cannot replace " + target);
    }
}
