package org.jvirtualenv;

import java.nio.file.Path;

/** What a {@link Plan} did: a new (or updated) environment, or an existing one made relocatable. */
public sealed interface Result permits CreateResult, RelocationResult {
    /** The environment directory, absolute. */
    Path destination();
}
