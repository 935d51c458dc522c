package org.jvirtualenv.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Properties;
import org.jvirtualenv.Virtualenv;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the first line has virtualenv's own shape ("virtualenv 21.14.1 from
 * /path/to/virtualenv/__init__.py"), naming the file that runs (the launcher, its links resolved);
 * the second says which JVM runs it, since the same launcher runs on whatever JAVA_HOME or PATH
 * gives it.
 *
 * <p>The lines are printed as they are ({@link #print}), by {@link Main} for a lone
 * {@code --version} and by {@link VirtualenvCommand} when picocli has parsed one: picocli's own
 * printing would read a {@code %} in the path as a format specifier and {@code @|...|@} as
 * colour markup. This provider still hands them to picocli, for whatever reads the table's version.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return lines();
    }

    static String[] lines() {
        return new String[] {
            "virtualenv " + version() + " from " + location(),
            "jvirtualenv (virtualenv for the JVM) running on Java " + System.getProperty("java.version")
                    + " (" + System.getProperty("java.vendor") + ") in " + System.getProperty("java.home"),
        };
    }

    static void print(PrintWriter out) {
        for (String line : lines()) {
            out.println(line);
        }
        out.flush();
    }

    /**
     * {@link Virtualenv#version()}'s answer, read from the same resource without calling it:
     * calling it would initialise {@link Virtualenv}, whose logger starts slf4j (a service lookup,
     * several milliseconds), which {@code --version} has no use for. VersionTest holds the two equal.
     */
    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = Virtualenv.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // informational, as in Virtualenv.version()
        }
        return properties.getProperty("version", "unknown");
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
