package org.jvirtualenv.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
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
    /** Virtualenv.version()'s resource, beside the class. */
    private static final String VERSION_FILE = "version.properties";

    @Override
    public String[] getVersion() {
        return lines();
    }

    static String[] lines() {
        Path location = location();
        return new String[] {
            "virtualenv " + version(location) + " from " + shown(location),
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
     * several milliseconds), which {@code --version} has no use for. VersionTest and
     * LauncherArgumentsIT hold the two equal.
     */
    private static String version(Path location) {
        Properties properties = new Properties();
        try (InputStream in = versionResource(location)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException | RuntimeException e) {
            // informational, as in Virtualenv.version()
        }
        return properties.getProperty("version", "unknown");
    }

    /**
     * Run from the jar, the entry is read from the jar itself: a class loader looks in the JDK's
     * module image first, whose reader costs a fresh JVM about 5 ms to start. The JVM has the jar
     * open already, and a second ZipFile on it shares what the first one read.
     */
    private static InputStream versionResource(Path location) throws IOException {
        if (location != null && Files.isRegularFile(location)) {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                ZipEntry entry = jar.getEntry(Virtualenv.class.getPackageName().replace('.', '/') + "/" + VERSION_FILE);
                if (entry != null) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        return new ByteArrayInputStream(in.readAllBytes());
                    }
                }
            }
        }
        return Virtualenv.class.getResourceAsStream(VERSION_FILE);
    }

    /** The launcher (a jar behind a shell stub) or, run from a build, the classes directory; null if unknown. */
    private static Path location() {
        try {
            return Path.of(Virtualenv.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return null;
        }
    }

    /** The location with its links resolved. */
    private static String shown(Path location) {
        if (location == null) {
            return "an unknown location";
        }
        try {
            return location.toRealPath().toString();
        } catch (IOException e) {
            return location.toAbsolutePath().toString();
        }
    }
}
