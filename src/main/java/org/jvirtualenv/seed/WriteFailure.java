package org.jvirtualenv.seed;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import org.jvirtualenv.util.VirtualenvException;

/**
 * A write that failed because of where it went (a full disk, a quota, a read-only or forbidden
 * place), told apart from a wheel that cannot be read: the wheel is fine, so no other wheel is
 * tried, and the user is told what to do about the place. One line; the exception is the cause
 * (shown with -v).
 */
final class WriteFailure extends VirtualenvException {
    /** The failures this recognises, by the reason the operating system gave (strerror). */
    private enum Kind {
        NO_SPACE("no space left on device", "free some space and run again"),
        QUOTA("disk quota exceeded", "free some space (or have the quota raised) and run again"),
        READ_ONLY("read-only file system", "choose a writable place (for the cache: --app-data DIR) and run again"),
        DENIED("permission denied", "check the permissions there (for the cache: --app-data DIR) and run again"),
        TOO_LARGE("file too large", "a limit on file sizes applies (ulimit -f?): raise it and run again");

        final String reason;
        final String advice;

        Kind(String reason, String advice) {
            this.reason = reason;
            this.advice = advice;
        }
    }

    private WriteFailure(String message, IOException cause) {
        super(message, cause);
    }

    /**
     * The failure of writing {@code path}, or null when {@code e} is none of the kinds above (the
     * caller then says what it was doing in its own words).
     *
     * @param path what was being written (the exception's own files are not used: a copy names
     *             its source first, a link its target)
     */
    static WriteFailure recognise(Path path, IOException e) {
        Kind kind = kindOf(e);
        if (kind == null) {
            return null;
        }
        return new WriteFailure(kind.reason + " writing " + path + ": " + kind.advice, e);
    }

    /** As {@link #recognise}, or any other failure to write as "cannot write PATH: reason". */
    static VirtualenvException of(Path path, IOException e) {
        WriteFailure known = recognise(path, e);
        if (known != null) {
            return known;
        }
        return new VirtualenvException("cannot write " + path + ": " + e.getMessage(), e);
    }

    private static Kind kindOf(IOException e) {
        if (e instanceof AccessDeniedException) {
            return Kind.DENIED;
        }
        // A FileSystemException's message is its file names: only its reason says what failed.
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (reason == null) {
            return null;
        }
        String lower = reason.toLowerCase(Locale.ROOT);
        for (Kind kind : Kind.values()) {
            if (lower.contains(kind.reason)) {
                return kind;
            }
        }
        return null;
    }
}
