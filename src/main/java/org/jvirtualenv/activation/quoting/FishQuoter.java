package org.jvirtualenv.activation.quoting;

/**
 * fish. Inside single quotes fish only treats {@code \'} and {@code \\} as escapes; everything
 * else, newlines and {@code $} included, is literal.
 */
public final class FishQuoter implements Quoter {
    @Override
    public String quote(String raw) {
        return "'" + raw.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
