package org.jvirtualenv;

import java.nio.file.Path;
import java.util.List;
import org.jvirtualenv.discovery.PythonInfo;
import org.jvirtualenv.seed.SeedResult;

/** What was made: the report the CLI prints is built from this alone. */
public record CreateResult(
        Path destination,
        PythonInfo python,
        String creator,
        SeedResult seed,
        List<String> activators,
        long millis,
        CreateRequest request) {
}
