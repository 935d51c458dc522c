package org.jvirtualenv.activation.quoting;

/**
 * cmd.exe batch files. The token is a double-quoted string meant for a {@code for %%i in (TOKEN)}
 * list, from which the template assigns it with {@code set "NAME=%%~i"}: inside double quotes
 * {@code & | < > ^ ( )} are literal, and {@code %} is doubled because percent expansion happens
 * before any quoting is looked at. cmd has no way to write a double quote or a line break inside
 * such a string, and the {@code for} list would treat {@code *} and {@code ?} as file patterns,
 * so those values are refused.
 */
public final class BatchQuoter implements Quoter {
    @Override
    public String quote(String raw) throws UnquotableValueException {
        for (int i = 0; i < raw.length(); i++) {
            switch (raw.charAt(i)) {
                case '\n', '\r' -> throw new UnquotableValueException("cmd cannot hold a line break");
                case '"' -> throw new UnquotableValueException("cmd cannot hold a double quote (\")");
                case '*', '?' -> throw new UnquotableValueException(
                        "cmd would treat '" + raw.charAt(i) + "' as a file pattern");
                case '\0' -> throw new UnquotableValueException("cmd cannot hold a NUL character");
                default -> { }
            }
        }
        return "\"" + raw.replace("%", "%%") + "\"";
    }
}
