package org.jvirtualenv.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Executable files a test writes: fake interpreters, shims, version managers. */
public final class Scripts {
    private Scripts() {
    }

    /** Writes {@code text} to {@code file} (making its directory), mode 0755; returns the file. */
    public static Path executable(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
