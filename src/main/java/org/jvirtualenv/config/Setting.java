package org.jvirtualenv.config;

import java.nio.file.Path;
import org.jvirtualenv.util.VirtualenvException;

/**
 * One option's value as one source gave it, so that a value that does not parse, and {@code -v},
 * can say where it came from.
 *
 * @param key    the name the source used: {@code --seeder}, {@code VIRTUALENV_SEEDER}, {@code seeder}
 * @param file   the ini file, for {@link Source#CONFIG_FILE}; else null
 */
public record Setting(Source source, String key, String value, Path file) {
    public enum Source { COMMAND_LINE, ENVIRONMENT, CONFIG_FILE }

    /** Where the value came from, as a user would look for it. */
    public String origin() {
        switch (source) {
            case ENVIRONMENT:
                return "from the environment variable " + key;
            case CONFIG_FILE:
                return "from '" + key + "' in " + file;
            default:
                return "from the command line";
        }
    }

    /**
     * The usage error for a value this setting holds that does not parse, naming the source and
     * what is allowed: {@code VIRTUALENV_SYSTEM_SITE_PACKAGES=maybe: expected a boolean ...}.
     */
    public VirtualenvException invalid(String allowed) {
        String where;
        switch (source) {
            case ENVIRONMENT:
                where = key + "=" + value;
                break;
            case CONFIG_FILE:
                where = key + " = " + value + " in " + file;
                break;
            default:
                where = key + " '" + value + "'";
                break;
        }
        return new VirtualenvException(VirtualenvException.USAGE, where + ": " + allowed);
    }
}
