package org.jvirtualenv;

import java.nio.file.Path;
import org.jvirtualenv.util.VirtualenvException;

/**
 * What one request will do, resolved before anything is written: the interpreter, the creator
 * with its layout, the seeder, the activators, any relocation. {@link Virtualenv#plan} makes it,
 * {@link #describe()} says what it will do (the text {@code -v} prints), {@link #run()} does it.
 * A plan is immutable; running it twice does the work twice.
 */
public sealed interface Plan permits EnvironmentPlan, RelocationPlan {
    /** The environment directory, absolute. */
    Path destination();

    /** One line per decision, for people: what {@link #run()} will do. */
    String describe();

    /**
     * Does it. Any failure is a {@link VirtualenvException}; a new environment that fails half-way
     * leaves nothing behind.
     */
    Result run();
}
