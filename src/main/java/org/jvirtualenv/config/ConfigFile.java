package org.jvirtualenv.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code [virtualenv]} section of virtualenv's ini file, read the way Python's configparser
 * reads it, as far as virtualenv users rely on it: {@code key = value} or {@code key: value}, keys
 * case-insensitive, {@code #} and {@code ;} comment lines, and indented continuation lines, which
 * is how a list is written one item per line. Other sections are ignored.
 *
 * @param path    where the file is looked for
 * @param status  whether it was read
 * @param problem why it could not be read or parsed (null unless {@link Status#FAILED})
 * @param values  the section's keys (lower case, {@code -} read as {@code _}) and values
 */
public record ConfigFile(Path path, Status status, String problem, Map<String, String> values) {
    public static final String SECTION = "virtualenv";

    public enum Status {
        ACTIVE("active"), MISSING("missing"), FAILED("failed to parse");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        /** The word virtualenv's --help uses for this state. */
        public String text() {
            return text;
        }
    }

    public ConfigFile {
        values = Map.copyOf(values);
    }

    /**
     * {@code $VIRTUALENV_CONFIG_FILE}, else {@code $XDG_CONFIG_HOME/virtualenv/virtualenv.ini},
     * else {@code ~/.config/virtualenv/virtualenv.ini}.
     */
    public static Path defaultPath(Map<String, String> environment) {
        String explicit = environment.get("VIRTUALENV_CONFIG_FILE");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path configHome = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return configHome.resolve("virtualenv").resolve("virtualenv.ini");
    }

    /** Reads the file; a missing one is {@link Status#MISSING}, an unreadable or malformed one {@link Status#FAILED}. */
    public static ConfigFile read(Path path) {
        String text;
        try {
            // A strict decoder: a file in another encoding is reported, not read with replaced characters.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            return new ConfigFile(path, Status.MISSING, null, Map.of());
        } catch (CharacterCodingException e) {
            return new ConfigFile(path, Status.FAILED, "not UTF-8 text", Map.of());
        } catch (IOException e) {
            if (!Files.exists(path)) {
                return new ConfigFile(path, Status.MISSING, null, Map.of());
            }
            return new ConfigFile(path, Status.FAILED, reason(e), Map.of());
        }
        try {
            return new ConfigFile(path, Status.ACTIVE, null, parse(text));
        } catch (IllegalArgumentException e) {
            return new ConfigFile(path, Status.FAILED, e.getMessage(), Map.of());
        }
    }

    /** The {@code [virtualenv]} section of an ini text. */
    static Map<String, String> parse(String text) {
        Map<String, String> section = new LinkedHashMap<>();
        String current = null;
        String lastKey = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                // configparser keeps blank lines inside a multi-line value only to strip them later.
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && lastKey != null) {
                if (SECTION.equals(current)) {
                    String before = section.get(lastKey);
                    section.put(lastKey, before.isEmpty() ? stripped : before + "\n" + stripped);
                }
                continue;
            }
            if (stripped.startsWith("[")) {
                if (!stripped.endsWith("]")) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": a section header must end with ']'");
                }
                current = stripped.substring(1, stripped.length() - 1).strip();
                lastKey = null;
                continue;
            }
            int eq = stripped.indexOf('=');
            int colon = stripped.indexOf(':');
            int split = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (split <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 'key = value', found '" + stripped + "'");
            }
            if (current == null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": '" + stripped + "' comes before any [section]");
            }
            // virtualenv's keys are written with '_'; '-' as in the option's name is taken too.
            lastKey = stripped.substring(0, split).strip().toLowerCase(Locale.ROOT).replace('-', '_');
            if (SECTION.equals(current)) {
                section.put(lastKey, stripped.substring(split + 1).strip());
            }
        }
        return section;
    }

    /** The line {@code --help} ends with, as virtualenv words it. */
    public String helpLine() {
        return "config file " + path + " " + status.text() + " (change via env var VIRTUALENV_CONFIG_FILE)";
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
