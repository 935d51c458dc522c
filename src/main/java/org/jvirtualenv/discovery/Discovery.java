package org.jvirtualenv.discovery;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvirtualenv.VirtualenvException;

/**
 * Finds the interpreter an environment is made from: each spec in turn (a path, or a command
 * name looked up on PATH); the first that resolves wins. With no spec, the first {@code python3}
 * on PATH.
 */
public final class Discovery {
    private final Introspector introspector;
    private final Map<String, String> environment;
    private final Path workDir;

    public Discovery(Introspector introspector, Map<String, String> environment, Path workDir) {
        this.introspector = introspector;
        this.environment = environment;
        this.workDir = workDir;
    }

    public PythonInfo find(List<String> specs) {
        List<String> wanted = specs.isEmpty() ? List.of("python3") : specs;
        List<String> problems = new ArrayList<>();
        for (String spec : wanted) {
            Path candidate = resolve(spec);
            if (candidate == null) {
                problems.add("'" + spec + "' not found on PATH");
                continue;
            }
            try {
                return introspector.describe(candidate);
            } catch (VirtualenvException e) {
                problems.add(e.getMessage());
            }
        }
        throw new VirtualenvException("failed to find a Python interpreter: " + String.join("; ", problems)
                + " (give one with -p/--python, e.g. -p python3.11 or -p /usr/bin/python3)");
    }

    private Path resolve(String spec) {
        if (spec.contains("/") || spec.contains(File.separator)) {
            return workDir.resolve(spec).toAbsolutePath().normalize();
        }
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = workDir.resolve(dir).resolve(spec);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return null;
    }
}
