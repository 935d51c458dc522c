package org.jvirtualenv.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI as a separate JVM on the test classpath, so each run has exactly the environment
 * and working directory the test gives it, as a user's shell would.
 */
public final class Cli {
    private Cli() {
    }

    public static ProcessResult run(Map<String, String> env, Path workDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.jvirtualenv.cli.Main");
        command.addAll(List.of(args));
        return Run.command(env, workDir, command);
    }
}
