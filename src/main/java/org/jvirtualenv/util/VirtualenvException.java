package org.jvirtualenv.util;

/**
 * The one failure type of the library: a message meant for the user (one line, saying what was
 * wrong and what to do) and the process exit code the CLI should use. Everything that can go wrong
 * because of input or the machine is turned into this; anything else is a bug.
 */
public class VirtualenvException extends RuntimeException {
    /** Bad arguments or options. */
    public static final int USAGE = 2;
    /** The environment could not be created (filesystem, interpreter, seeding). */
    public static final int FAILED = 1;

    private final int exitCode;

    public VirtualenvException(String message) {
        this(FAILED, message, null);
    }

    public VirtualenvException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public VirtualenvException(String message, Throwable cause) {
        this(FAILED, message, cause);
    }

    public VirtualenvException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
