package org.jvirtualenv;

import java.nio.file.Path;
import java.util.List;
import org.jvirtualenv.relocate.RelocationReport;

/**
 * What making an existing environment relocatable did.
 *
 * @param activators the activators rendered again in relocatable form (display names)
 */
public record RelocationResult(Path destination, List<String> activators, RelocationReport relocation) implements Result {
    public RelocationResult {
        activators = List.copyOf(activators);
    }
}
