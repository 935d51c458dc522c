package org.jvirtualenv.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Files bundled in the tool (templates, wheels' index), read from the classpath. */
public final class Resources {
    private Resources() {
    }

    // Read once per process: they are part of the tool, and some (the console-script template) are
    // asked for once per script.
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    /** @param path absolute classpath path such as "/scripts-templates/entry-point.py" */
    public static String text(String path) {
        return TEXTS.computeIfAbsent(path, Resources::read);
    }

    private static String read(String path) {
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
