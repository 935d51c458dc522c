package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jvirtualenv.util.FileModes;
import org.jvirtualenv.util.Sha256;

/**
 * The files one installation writes into an environment, and the RECORD (PEP 376) that lists them:
 * each file is hashed as it is written; console scripts are generated from entry_points.txt;
 * INSTALLER and RECORD close the installation. Both ways of installing use it: the wheel installer
 * for every file it extracts, an app-data image for what it adds to the files it linked.
 */
final class DistInfoWriter {
    private static final byte[] INSTALLER = "jvirtualenv\n".getBytes(StandardCharsets.UTF_8);

    private final Path distInfo;
    /** RECORD's paths are relative to the directory that holds the .dist-info. */
    private final Path base;
    /** By file: a file written twice (a console script over a .data script) is listed once, as last written. */
    private final Map<Path, RecordFile.Row> written = new LinkedHashMap<>();
    /** The directory the last file went into: consecutive files mostly share one, which then exists. */
    private Path lastDirectory;

    DistInfoWriter(Path distInfo) {
        this.distInfo = distInfo;
        this.base = distInfo.getParent();
    }

    /**
     * Replaces {@code target} with {@code content} and lists it. Replaced, never written through:
     * the file there may be a hardlink into the app-data cache.
     */
    void write(Path target, byte[] content, boolean executable) throws IOException {
        Path directory = target.getParent();
        if (!directory.equals(lastDirectory)) {
            Files.createDirectories(directory);
            lastDirectory = directory;
        }
        Files.deleteIfExists(target);
        Files.write(target, content);
        if (executable) {
            FileModes.makeExecutable(target);
        }
        written.put(target, new RecordFile.Row(RecordFile.pathOf(base, target),
                Sha256.recordHash(Sha256.digest().digest(content)), Integer.toString(content.length)));
    }

    /**
     * The console and GUI scripts an entry_points.txt declares, named by {@code names}, checked
     * before any is written: a name that is unsafe or would replace one of the environment's own
     * files (its interpreter, an activator) refuses the whole distribution.
     *
     * @param origin what the declarations come from, for the message that refuses them ("wheel X")
     */
    static List<EntryPoint> plannedScripts(String entryPoints, UnaryOperator<List<EntryPoint>> names,
                                           InstallScheme scheme, String origin) {
        List<EntryPoint> named;
        try {
            named = names.apply(EntryPoint.scripts(entryPoints));
        } catch (IllegalArgumentException e) {
            throw new WheelRejectedException(origin + " refused: " + e.getMessage(), true);
        }
        for (EntryPoint ep : named) {
            String reserved = scheme.reservedBy(scriptPath(scheme, ep));
            if (reserved != null) {
                throw new WheelRejectedException(origin + " refused: its console script '" + ep.name()
                        + "' would replace " + reserved, false);
            }
        }
        return named;
    }

    /** Writes scripts {@link #plannedScripts} gave, into the scheme's scripts directory, each pointed at its interpreter. */
    void writeScripts(List<EntryPoint> scripts, InstallScheme scheme, String distribution) throws IOException {
        String shebang = Shebang.forInterpreter(scheme.python());
        for (EntryPoint ep : scripts) {
            write(scriptPath(scheme, ep), ep.script(shebang, distribution).getBytes(StandardCharsets.UTF_8), true);
        }
    }

    private static Path scriptPath(InstallScheme scheme, EntryPoint ep) {
        return scheme.scripts().resolve(ep.name() + scheme.scriptSuffix());
    }

    /**
     * Writes INSTALLER, then RECORD: {@code placedRows} (files that got there otherwise, rendered
     * RECORD rows), the files written here, and RECORD itself.
     */
    InstalledDistribution finish(String name, String version, String placedRows) throws IOException {
        lastDirectory = distInfo; // it exists: METADATA is in it by now
        write(distInfo.resolve("INSTALLER"), INSTALLER, false);
        Path record = distInfo.resolve("RECORD");
        List<RecordFile.Row> rows = new ArrayList<>(written.values());
        rows.add(new RecordFile.Row(RecordFile.pathOf(base, record), "", ""));
        Files.deleteIfExists(record);
        Files.writeString(record, placedRows + RecordFile.render(rows), StandardCharsets.UTF_8);
        return new InstalledDistribution(name, version, distInfo);
    }
}
