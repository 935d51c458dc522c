package org.jvirtualenv.relocate;

import java.nio.file.Path;
import java.util.List;

/** What --relocatable changed, and what it found but did not understand (left as it was). */
public record RelocationReport(List<Path> rewritten, List<Path> untouched) {
    public RelocationReport {
        rewritten = List.copyOf(rewritten);
        untouched = List.copyOf(untouched);
    }
}
