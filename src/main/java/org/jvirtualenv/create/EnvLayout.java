package org.jvirtualenv.create;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.jvirtualenv.discovery.PythonInfo;

/**
 * Where things go inside an environment for one target interpreter. Every platform and
 * implementation difference in directory and file names lives behind this interface; all paths
 * are relative to the environment root and use '/'. A layout comes with its creator
 * ({@link Creator#layout()}) for a new environment, and from {@link #read} for an existing one.
 */
public interface EnvLayout {
    /** The facts the names below are derived from. */
    LayoutFacts facts();

    /** "bin" or "Scripts". */
    String binDir();

    /** The library directory: "lib" or "Lib" (activators put its pkgconfig first on PKG_CONFIG_PATH). */
    String libDir();

    /** The site-packages directory pure-Python distributions install into. */
    String purelib();

    /** The site-packages directory for binary distributions (the same as purelib on most layouts). */
    String platlib();

    /** Where distributions' C headers go. */
    String include();

    /** The environment's main interpreter, e.g. "bin/python" or "Scripts/python.exe". */
    String pythonExecutable();

    /** Every name the interpreter is reachable under in binDir, main one first. */
    List<String> executableNames();

    /** Directories to create besides binDir, purelib and platlib. */
    List<String> extraDirs();

    /** Suffix of generated console scripts ("" on POSIX, ".exe" on Windows). */
    String scriptSuffix();

    boolean windows();

    /** "X.Y" of the environment's interpreter. */
    default String pythonVersion() {
        return facts().version().majorMinor();
    }

    /** purelib and platlib, once each when they are the same directory. */
    default List<String> sitePackages() {
        return List.copyOf(new LinkedHashSet<>(List.of(purelib(), platlib())));
    }

    /** Where a distribution's headers (a wheel's .data/headers) go, in a folder named after it. */
    default String headers() {
        return include() + "/site/python" + pythonVersion();
    }

    /** The layout our builtin creator gives environments of this interpreter. */
    static EnvLayout forTarget(PythonInfo info) {
        return info.isWindows() ? WindowsLayout.forTarget(info) : PosixLayout.forTarget(info);
    }

    /**
     * The layout of the existing environment at {@code envDir}, from its pyvenv.cfg and what is on
     * disk; runs no interpreter.
     *
     * @throws IOException when pyvenv.cfg cannot be read
     * @throws org.jvirtualenv.util.VirtualenvException when neither pyvenv.cfg nor the disk tells the Python version
     */
    static EnvLayout read(Path envDir) throws IOException {
        return ExistingLayout.read(envDir);
    }
}
