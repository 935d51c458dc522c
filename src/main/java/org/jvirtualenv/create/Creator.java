package org.jvirtualenv.create;

import java.io.IOException;

/**
 * Makes the files of an environment (or updates them in place) for one kind of interpreter:
 * everything but the seed packages and the activation scripts.
 */
public interface Creator {
    /** Name in the creation report, e.g. "CPython3Posix" or "Venv". */
    String name();

    /** Writes the environment at {@code input.destination()}, which exists and is a directory. */
    void create(CreatorInput input) throws IOException;
}
