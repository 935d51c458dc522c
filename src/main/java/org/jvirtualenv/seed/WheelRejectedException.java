package org.jvirtualenv.seed;

import org.jvirtualenv.util.VirtualenvException;

/**
 * A wheel that cannot be installed. {@code unsafe} marks a wheel that tried to write outside its
 * target (absolute or {@code ..} entries, links): that is refused outright. Otherwise the wheel is
 * damaged (truncated, bad hashes, missing metadata) or refused for what it is (not a zip, over
 * {@link WheelLimits}, another distribution than its name says, replacing the environment's own
 * files): nothing of it was written, and the next candidate may be used with a warning. A file
 * that cannot be written (a full disk) is not the wheel's fault: that is a {@link WriteFailure},
 * and no other candidate is tried.
 */
public final class WheelRejectedException extends VirtualenvException {
    private final boolean unsafe;

    public WheelRejectedException(String message, boolean unsafe) {
        super(message);
        this.unsafe = unsafe;
    }

    public WheelRejectedException(String message, boolean unsafe, Throwable cause) {
        super(message, cause);
        this.unsafe = unsafe;
    }

    public boolean unsafe() {
        return unsafe;
    }
}
