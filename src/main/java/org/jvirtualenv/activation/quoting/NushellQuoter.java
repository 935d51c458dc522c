package org.jvirtualenv.activation.quoting;

/**
 * Nushell. A plain double-quoted string is never interpolated (only {@code $"..."} is), and its
 * backslash escapes have been stable across releases. Control characters are written as
 * "backslash u{hex}" escapes so the script stays one logical line per statement.
 */
public final class NushellQuoter implements Quoter {
    @Override
    public String quote(String raw) {
        StringBuilder out = new StringBuilder("\"");
        raw.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append("\\u{").append(Integer.toHexString(cp)).append('}');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
