package org.jvirtualenv.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Files bundled in the tool (templates, wheels' index), read from the classpath. */
public final class Resources {
    private Resources() {
    }

    /** @param path absolute classpath path such as "/scripts-templates/entry-point.py" */
    public static String text(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream open(String path) {
        InputStream in = Resources.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the build");
        }
        return in;
    }
}
