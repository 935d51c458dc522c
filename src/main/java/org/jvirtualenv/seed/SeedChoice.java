package org.jvirtualenv.seed;

import java.util.Locale;

/**
 * Which version of one seed distribution to install ({@code --pip}, {@code --setuptools},
 * {@code --wheel}): the newest that runs on the target among the bundled wheels and the extra
 * search dirs ({@link Kind#BUNDLE}), only among the bundled ones ({@link Kind#EMBED}), none, or
 * an exact version.
 *
 * @param version the exact version for {@link Kind#VERSION}, else null
 */
public record SeedChoice(Kind kind, String version) {
    public enum Kind { BUNDLE, EMBED, NONE, VERSION }

    public static final SeedChoice BUNDLE = new SeedChoice(Kind.BUNDLE, null);
    public static final SeedChoice EMBED = new SeedChoice(Kind.EMBED, null);
    public static final SeedChoice NONE = new SeedChoice(Kind.NONE, null);

    public SeedChoice {
        if ((kind == Kind.VERSION) != (version != null)) {
            throw new IllegalArgumentException("a version goes with Kind.VERSION, and only with it");
        }
    }

    /**
     * {@code bundle}, {@code embed}, {@code none} (any case) or a version: a digit (or {@code v}
     * and a digit) followed by the characters a PEP 440 version may hold.
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public static SeedChoice parse(String text) {
        String value = text.strip();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "bundle":
                return BUNDLE;
            case "embed":
                return EMBED;
            case "none":
                return NONE;
            default:
                break;
        }
        if (value.isEmpty() || !isVersionText(value)) {
            throw new IllegalArgumentException("expected bundle, embed, none or a version such as 24.2");
        }
        return new SeedChoice(Kind.VERSION, value);
    }

    /** The form virtualenv prints and the seeder reads: "bundle", "embed", "none" or the version. */
    public String text() {
        return kind == Kind.VERSION ? version : kind.name().toLowerCase(Locale.ROOT);
    }

    private static boolean isVersionText(String value) {
        // A digit first (PEP 440 also allows a leading 'v'): "--pip bundel" is a typo, not a version.
        int first = value.charAt(0) == 'v' || value.charAt(0) == 'V' ? 1 : 0;
        if (first >= value.length() || !Character.isDigit(value.charAt(first))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || c == '.' || c == '+' || c == '!' || c == '-' || c == '_';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
