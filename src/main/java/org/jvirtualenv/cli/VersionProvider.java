package org.jvirtualenv.cli;

import java.nio.file.Path;
import org.jvirtualenv.Virtualenv;
import picocli.CommandLine.IVersionProvider;

/** "virtualenv 0.1.0 (jvirtualenv) from /path/to/the/tool", like virtualenv's own --version. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String location;
        try {
            location = Path.of(Virtualenv.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            location = "unknown location";
        }
        return new String[] {"virtualenv " + Virtualenv.version() + " (jvirtualenv, for the JVM) from " + location};
    }
}
