package org.jvirtualenv.activation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One kind of activation script (one shell family). */
public interface Activator {
    /** Short name used by {@code --activators}, e.g. "bash", "fish". */
    String name();

    /** Name shown in the creation report, e.g. "BashActivator". */
    String displayName();

    /** The names of the files it writes into the scripts directory, main one first. */
    List<String> scriptNames();

    /** Whether this activator belongs in an environment of this kind by default. */
    boolean supports(ActivationContext context);

    /** Writes the script(s) into the env's scripts directory; returns the files written. */
    List<Path> generate(ActivationContext context) throws IOException;
}
