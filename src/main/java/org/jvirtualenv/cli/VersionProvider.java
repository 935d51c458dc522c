package org.jvirtualenv.cli;

import java.nio.file.Path;
import org.jvirtualenv.Virtualenv;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the first line has virtualenv's own shape ("virtualenv 21.14.1 from
 * /path/to/virtualenv/__init__.py"), naming the file that runs (the launcher, its links resolved);
 * the second says which JVM runs it, since the same launcher runs on whatever JAVA_HOME or PATH
 * gives it.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "virtualenv " + Virtualenv.version() + " from " + location(),
            "jvirtualenv (virtualenv for the JVM) running on Java " + System.getProperty("java.version")
                    + " (" + System.getProperty("java.vendor") + ") in " + System.getProperty("java.home"),
        };
    }

    /** The launcher (a jar behind a shell stub) or, run from a build, the classes directory. */
    private static String location() {
        try {
            Path path = Path.of(Virtualenv.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try {
                return path.toRealPath().toString();
            } catch (java.io.IOException e) {
                return path.toAbsolutePath().toString();
            }
        } catch (Exception e) {
            return "an unknown location";
        }
    }
}
