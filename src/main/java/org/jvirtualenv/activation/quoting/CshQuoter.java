package org.jvirtualenv.activation.quoting;

/**
 * csh and tcsh. Single quotes stop variable and command substitution but not history
 * substitution, so {@code !} is taken out of the quotes and backslash-escaped. A newline inside
 * quotes is an error in csh (and a continuation trap in tcsh), so such values are refused.
 */
public final class CshQuoter implements Quoter {
    @Override
    public String quote(String raw) throws UnquotableValueException {
        if (raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) {
            throw new UnquotableValueException("csh cannot hold a newline");
        }
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\'' -> out.append("'\\''");
                case '!' -> out.append("'\\!'");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
