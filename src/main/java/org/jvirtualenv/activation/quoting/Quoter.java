package org.jvirtualenv.activation.quoting;

/**
 * Turns a raw value into one complete token of a script language, such that the language reads
 * back exactly the raw value and runs nothing. The token is meant to stand on its own in a
 * template, never inside the template's own quotes, so that every value is quoted exactly once.
 */
public interface Quoter {
    /**
     * @throws UnquotableValueException when the language cannot hold this value safely; callers
     *     must then refuse to write the script rather than write a weaker one
     */
    String quote(String raw) throws UnquotableValueException;
}
