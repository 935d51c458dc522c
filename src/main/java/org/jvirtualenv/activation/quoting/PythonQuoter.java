package org.jvirtualenv.activation.quoting;

import java.nio.charset.StandardCharsets;

/**
 * Python 2.7 and 3.x. The token is a bytes literal of the value's UTF-8 encoding, written in
 * printable ASCII only, so both language versions read back the exact bytes whatever the source
 * file's declared encoding; the template turns it into the native string type.
 */
public final class PythonQuoter implements Quoter {
    @Override
    public String quote(String raw) {
        StringBuilder out = new StringBuilder("b'");
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int v = b & 0xff;
            if (v == '\\' || v == '\'') {
                out.append('\\').append((char) v);
            } else if (v >= 0x20 && v < 0x7f) {
                out.append((char) v);
            } else {
                out.append(String.format("\\x%02x", v));
            }
        }
        return out.append('\'').toString();
    }
}
