package org.jvirtualenv.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.util.VirtualenvException;
import org.jvirtualenv.util.Json;
import org.jvirtualenv.util.Processes;
import org.jvirtualenv.util.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs our introspection script in an interpreter and turns its answer into a {@link PythonInfo}. */
public final class Introspector implements PyInfoCache.Probe {
    private static final Logger LOG = LoggerFactory.getLogger(Introspector.class);
    private static final String SCRIPT = loadScript();
    /** A real interpreter answers in well under a second; a cold one on a slow disk in a few. */
    static final long DEFAULT_TIMEOUT_SECONDS = 60;

    private final long timeoutSeconds;

    public Introspector() {
        this(DEFAULT_TIMEOUT_SECONDS);
    }

    Introspector(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The raw JSON the script printed; callers that cache keep this text. */
    @Override
    public String describeJson(Path interpreter) {
        return describe(interpreter, null, null);
    }

    /** The same, run with exactly this environment in this folder (for a shim run through). */
    @Override
    public String describeJson(Path interpreter, Map<String, String> environment, Path workDir) {
        return describe(interpreter, environment, workDir);
    }

    /** @param environment null to run with this process's own environment and folder */
    private String describe(Path interpreter, Map<String, String> environment, Path workDir) {
        if (Files.isDirectory(interpreter)) {
            throw new VirtualenvException("Python interpreter " + interpreter + " is a directory: give the interpreter "
                    + "in it, such as " + interpreter.resolve("bin").resolve("python3"));
        }
        if (!Files.isRegularFile(interpreter)) {
            throw new VirtualenvException("Python interpreter " + interpreter + " does not exist");
        }
        if (!Files.isExecutable(interpreter)) {
            throw new VirtualenvException("Python interpreter " + interpreter + " is not executable: check its permissions");
        }
        // -E: the user's PYTHONPATH/PYTHONHOME must not change what we learn; -s: nor user site.
        // The script goes on the command line so nothing is written to disk.
        List<String> command = List.of(interpreter.toString(), "-E", "-s", "-c", SCRIPT);
        LOG.debug("introspecting {}", interpreter);
        Processes.Result result;
        try {
            result = environment == null ? Processes.run(command, null, Map.of(), timeoutSeconds)
                    : Processes.runExactly(command, workDir, environment, timeoutSeconds);
        } catch (Processes.TimeoutException e) {
            throw new VirtualenvException("Python interpreter " + interpreter + " did not answer within " + timeoutSeconds
                    + " s and was stopped: check that it starts (run it with -c pass) or give another one with -p", e);
        } catch (IOException e) {
            throw new VirtualenvException("could not run Python interpreter " + interpreter + ": " + e.getMessage(), e);
        }
        if (!result.ok()) {
            throw new VirtualenvException("Python interpreter " + interpreter + " failed to run: " + result.firstErrorLine());
        }
        String out = result.stdout().strip();
        int start = out.indexOf('{');
        if (start < 0) {
            throw new VirtualenvException(interpreter + " did not answer like a Python interpreter (got: "
                    + result.firstErrorLine() + ")");
        }
        return out.substring(start);
    }

    private static String loadScript() {
        return Resources.text("/org/jvirtualenv/discovery/py_info.py");
    }
}
