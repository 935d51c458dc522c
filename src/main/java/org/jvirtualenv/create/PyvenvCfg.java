package org.jvirtualenv.create;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code pyvenv.cfg} file: ordered {@code key = value} lines. The interpreter only needs
 * {@code home}; pip reads {@code include-system-site-packages} (lower-case true/false at the
 * start of a line); IDEs read {@code version}.
 */
public final class PyvenvCfg {
    private final Map<String, String> entries = new LinkedHashMap<>();

    public PyvenvCfg put(String key, String value) {
        if (value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("pyvenv.cfg value for " + key + " cannot contain a line break");
        }
        entries.put(key, value);
        return this;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        entries.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
        return out.toString();
    }

    /** The file's name inside an environment. */
    public static final String FILE_NAME = "pyvenv.cfg";

    /** Reads the keys of the pyvenv.cfg of the environment at {@code envDir}. */
    public static Map<String, String> read(Path envDir) throws IOException {
        return parse(Files.readString(envDir.resolve(FILE_NAME)));
    }

    /**
     * Reads an existing file's keys (later lines win, as the interpreter reads it). A value in one
     * pair of matching quotes, as virtualenv writes the prompt (and venv, in single quotes), is
     * read without them.
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
            }
        }
        return map;
    }

    private static String unquote(String value) {
        if (value.length() > 1 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
