package org.jvirtualenv.activation.quoting;

/**
 * A value a script language cannot hold safely. The message is a short reason that reads well
 * after "cannot write FILE: ", e.g. "csh cannot hold a newline".
 */
public class UnquotableValueException extends Exception {
    public UnquotableValueException(String reason) {
        super(reason);
    }
}
