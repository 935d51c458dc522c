package org.jvirtualenv.activation;

import java.nio.file.Path;
import java.util.List;
import org.jvirtualenv.create.EnvLayout;

/**
 * Everything an activator needs to know about the environment it activates. Values are raw
 * (unquoted); each activator quotes them for its own shell exactly once. Made from the
 * environment's layout by {@link #of}; tests describe one directly.
 *
 * @param envDir        absolute path of the environment
 * @param binDirName    name of the scripts directory inside envDir ("bin", or "Scripts" on Windows)
 * @param libDirName    name of the library directory inside envDir that holds {@code pkgconfig}
 *                      (what activators put first on PKG_CONFIG_PATH): "lib", or "Lib" on Windows
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
        String libDirName,
        String prompt,
        boolean windows,
        List<String> sitePackages,
        String pythonVersion,
        boolean relocatable) {

    public ActivationContext {
        envDir = envDir.toAbsolutePath();
        sitePackages = List.copyOf(sitePackages);
    }

    /**
     * The context of the environment at {@code envDir} laid out as {@code layout}.
     *
     * @param prompt the resolved prompt, or null for the default: the environment directory's name.
     *               An empty one is the default too, as in virtualenv 21: {@code --prompt ""} shows
     *               the name, not {@code () }.
     */
    public static ActivationContext of(EnvLayout layout, Path envDir, String prompt, boolean relocatable) {
        String shown = prompt == null || prompt.isEmpty() ? String.valueOf(envDir.toAbsolutePath().getFileName()) : prompt;
        return new ActivationContext(envDir, layout.binDir(), layout.libDir(), shown, layout.windows(),
                layout.sitePackages(), layout.pythonVersion(), relocatable);
    }

    public Path binDir() {
        return envDir.resolve(binDirName);
    }
}
