package org.jvirtualenv.activation.quoting;

/**
 * PowerShell. Single-quoted strings are verbatim; a quote is written by doubling it. PowerShell
 * also accepts the typographic single quotes U+2018..U+201B as quote characters, so those are
 * doubled too, or they would end the string early.
 */
public final class PowerShellQuoter implements Quoter {
    @Override
    public String quote(String raw) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\'' || (c >= '\u2018' && c <= '\u201b')) {
                out.append(c);
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }
}
