package org.jvirtualenv.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts child processes with an environment the test fully controls: nothing is inherited from
 * this machine (which sets PIP_* and PYTHON* globally), only what {@link #cleanEnvironment} gives
 * plus what the test adds.
 */
public final class Run {
    /** Creating and seeding environments, and pip, take far longer than a shell probe. */
    private static final Duration TIMEOUT = Duration.ofSeconds(300);

    private Run() {
    }

    /**
     * The shells' clean environment with /usr/local/bin first on PATH, a UTF-8 LC_ALL, and pip told
     * to read no configuration file at all (the machine's pip.conf points at a local index).
     */
    public static Map<String, String> cleanEnvironment(Path home) {
        Map<String, String> env = new HashMap<>(Shells.cleanEnvironment(home));
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LC_ALL", "C.UTF-8");
        env.put("PIP_CONFIG_FILE", "/dev/null");
        env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        env.put("PIP_NO_INPUT", "1");
        return env;
    }

    public static ProcessResult command(Map<String, String> env, Path workDir, String... command) {
        return command(env, workDir, List.of(command));
    }

    public static ProcessResult command(Map<String, String> env, Path workDir, List<String> command) {
        return ProcessRunner.run(command, env, workDir, null, TIMEOUT);
    }

    public static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(key, value);
        return copy;
    }
}
