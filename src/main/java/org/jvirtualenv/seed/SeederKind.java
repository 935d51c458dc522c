package org.jvirtualenv.seed;

import java.util.Locale;

/** How seed packages get into the environment: {@code --seeder app-data|pip}. */
public enum SeederKind {
    /** Link (or copy) the files of an unpacked, compiled image kept in the app-data cache. */
    APP_DATA("app-data"),
    /** Run the bundled pip to install the chosen wheels. */
    PIP("pip");

    private final String text;

    SeederKind(String text) {
        this.text = text;
    }

    /** The name used on the command line, in variables and in the ini file. */
    public String text() {
        return text;
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static SeederKind parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (SeederKind kind : values()) {
            if (kind.text.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("expected app-data or pip");
    }
}
