package org.jvirtualenv.activation;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything an activator needs to know about the environment it activates. Values are raw
 * (unquoted); each activator quotes them for its own shell exactly once.
 *
 * @param envDir        absolute path of the environment
 * @param binDirName    name of the scripts directory inside envDir ("bin", or "Scripts" on Windows)
 * @param prompt        the VIRTUAL_ENV_PROMPT value (already resolved: --prompt, "." = current
 *                      directory name, default the env directory's name)
 * @param windows       whether the environment uses the Windows layout
 * @param sitePackages  site-packages directories relative to envDir, '/'-separated
 * @param pythonVersion "X.Y" of the environment's interpreter
 * @param relocatable   whether the scripts must find the environment from their own location
 *                      (--relocatable) instead of trusting the path baked in at creation
 */
public record ActivationContext(
        Path envDir,
        String binDirName,
        String prompt,
        boolean windows,
        List<String> sitePackages,
        String pythonVersion,
        boolean relocatable) {

    public ActivationContext(Path envDir, String binDirName, String prompt, boolean windows,
                             List<String> sitePackages, String pythonVersion) {
        this(envDir, binDirName, prompt, windows, sitePackages, pythonVersion, false);
    }

    public ActivationContext {
        envDir = envDir.toAbsolutePath();
        sitePackages = List.copyOf(sitePackages);
    }

    public Path binDir() {
        return envDir.resolve(binDirName);
    }

    /**
     * Name of the library directory inside envDir that holds {@code pkgconfig} (what activators
     * put first on PKG_CONFIG_PATH): "Lib" in the Windows layout, "lib" elsewhere.
     */
    public String libDirName() {
        return windows ? "Lib" : "lib";
    }
}
