package org.jvirtualenv;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code -vv}: how long each stage took, one line each ({@code timing: seed 41 ms}), which
 * {@code bench/benchmark.sh --breakdown} collects.
 */
final class Timing {
    private static final Logger LOG = LoggerFactory.getLogger(Timing.class);

    private Timing() {
    }

    static void log(String stage, long startNanos) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("timing: {} {} ms", stage, (System.nanoTime() - startNanos) / 1_000_000);
        }
    }
}
