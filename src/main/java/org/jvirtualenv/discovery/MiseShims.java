package org.jvirtualenv.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.util.Processes;

/**
 * mise's shims: links to the one mise binary, which picks the tool by the name it was started
 * as. mise's rules (mise.toml and .tool-versions files from the working directory up, idiomatic
 * version files, {@code MISE_*} variables, fuzzy versions) are too many to mirror the way
 * {@link PyenvShims} mirrors pyenv's, so mise itself is asked: {@code mise which NAME}, with the
 * request's environment and working directory, takes about 15 ms and names a real interpreter
 * whose facts are cached. Running the shim instead costs a full introspection on every creation,
 * since what a shim runs can change while the shim does not.
 */
final class MiseShims {
    /** As long as pyenv gets: a first run may read a large binary from a cold disk. */
    private static final long TIMEOUT_SECONDS = 30;

    private final Map<String, String> environment;
    private final Path workDir;

    MiseShims(Map<String, String> environment, Path workDir) {
        this.environment = environment;
        this.workDir = workDir;
    }

    /** The mise binary the shim links to, or null when it is not a link to one. */
    static Path miseBinary(Path shim) {
        if (!Files.isSymbolicLink(shim)) {
            return null;
        }
        try {
            Path real = shim.toRealPath();
            Path name = real.getFileName();
            return name != null && name.toString().equals("mise") && Files.isExecutable(real) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * What mise says the shim runs here. UNDECIDED when mise cannot say (the caller then runs the
     * shim as it is): for a name no active tool provides, mise's shim may still run the next
     * program of that name on PATH, which {@code mise which} does not report.
     */
    ShimTarget resolve(Path shim, Path mise) {
        String name = shim.getFileName().toString();
        Processes.Result result;
        try {
            result = Processes.runExactly(List.of(mise.toString(), "which", name), workDir, environment, TIMEOUT_SECONDS);
        } catch (IOException e) {
            return ShimTarget.undecided("mise which " + name + " could not run: " + e.getMessage());
        }
        if (!result.ok()) {
            return ShimTarget.undecided("mise which " + name + ": " + result.firstErrorLine());
        }
        String out = result.stdout().strip();
        try {
            if (!out.isEmpty() && out.indexOf('\n') < 0 && Path.of(out).isAbsolute()) {
                return ShimTarget.runs(Path.of(out), "mise which " + name);
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        return ShimTarget.undecided("mise which " + name + " printed no single absolute path");
    }
}
