package org.jvirtualenv.activation.quoting;

/**
 * xonsh. The token is a Python string literal, which xonsh reads in Python mode without
 * expanding anything; but xonsh also gives {@code $NAME}, {@code @(...)}, {@code !(...)} and
 * {@code `...`} meanings in other places, and a literal that holds them is one careless edit
 * away from such a place. So the literal holds nothing but letters, digits, space and
 * {@code / . - _}: every other character is written as a backslash escape of its code point,
 * which Python turns back into exactly that character. Newlines, quotes and non-ASCII need no
 * special case, and the script file stays pure ASCII whatever the encoding xonsh reads it in.
 */
public final class XonshQuoter implements Quoter {
    @Override
    public String quote(String raw) {
        StringBuilder out = new StringBuilder("'");
        raw.codePoints().forEach(cp -> {
            if (isPlain(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return out.append('\'').toString();
    }

    private static boolean isPlain(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                || cp == ' ' || cp == '/' || cp == '.' || cp == '-' || cp == '_';
    }
}
