package org.jvirtualenv.cli;

import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.seed.BundledWheels;
import org.jvirtualenv.seed.Sha256;
import org.slf4j.LoggerFactory;

/**
 * Starts, on a second thread, the services every creation needs and whose first use is slow in a
 * fresh JVM (slf4j looks for its provider with a ServiceLoader, the first MessageDigest reads the
 * security providers, the bundled wheels' index is parsed), while the main thread is still busy
 * reading the command line. Each of them is thread-safe and would be started on first use anyway,
 * so if this thread is late or fails, the main thread just does the work itself.
 */
final class Warmup {
    private Warmup() {
    }

    /** Must run after the logging properties are set: slf4j-simple reads them once, when it starts. */
    static void start() {
        Thread thread = new Thread(Warmup::run, "jvirtualenv-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            LoggerFactory.getLogger(Virtualenv.class);
            Sha256.digest();
            BundledWheels.load();
        } catch (RuntimeException | Error e) {
            // Nothing is lost: whatever failed here is started (and reported) where it is used.
        }
    }
}
