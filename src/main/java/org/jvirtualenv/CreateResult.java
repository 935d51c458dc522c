package org.jvirtualenv;

import java.nio.file.Path;
import java.util.List;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.relocate.RelocationReport;
import org.jvirtualenv.seed.EmbedWheelUpgrade;
import org.jvirtualenv.seed.SeedResult;

/**
 * What was made: the report the CLI prints is built from this alone.
 *
 * @param relocation what --relocatable changed; null without it
 * @param upgrade    what --upgrade-embed-wheels fetched first; null without it
 */
public record CreateResult(
        Path destination,
        PythonInfo python,
        String creator,
        SeedResult seed,
        List<String> activators,
        long millis,
        CreateRequest request,
        RelocationReport relocation,
        EmbedWheelUpgrade.Result upgrade) implements Result {
}
