package org.jvirtualenv.create;

import java.util.List;
import org.jvirtualenv.discovery.PythonInfo;

/**
 * Where things go inside an environment for one target interpreter. Every platform and
 * implementation difference in directory and file names lives behind this interface; all paths
 * are relative to the environment root and use '/'.
 */
public interface EnvLayout {
    /** "bin" or "Scripts". */
    String binDir();

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

    static EnvLayout forTarget(PythonInfo info) {
        return info.isWindows() ? new WindowsLayout(info) : new PosixLayout(info);
    }
}
