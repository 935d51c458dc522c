package org.jvirtualenv.activation.quoting;

/**
 * POSIX sh family (bash, zsh, dash, ksh, mksh). Single quotes make every byte literal, newlines
 * included; the only character they cannot contain is the single quote itself, which is written
 * as close-quote, backslash-quote, reopen.
 */
public final class PosixShellQuoter implements Quoter {
    @Override
    public String quote(String raw) {
        return "'" + raw.replace("'", "'\\''") + "'";
    }
}
