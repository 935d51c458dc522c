package org.jvirtualenv.create;

import java.io.IOException;

/**
 * Makes the files of an environment (or updates them in place) for one target interpreter:
 * everything but the seed packages and the activation scripts. A creator is made for its target
 * ({@link Creators#forChoice}) and owns the layout it creates, which the later stages follow.
 */
public interface Creator {
    /** Name in the creation report, e.g. "CPython3Posix" or "Venv". */
    String name();

    /** Where this creator puts things: what seeding, activation and relocation work from. */
    EnvLayout layout();

    /** Writes the environment at {@code input.destination()}, which exists and is a directory. */
    void create(CreatorInput input) throws IOException;
}
