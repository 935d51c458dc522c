package org.jvirtualenv.cli;

import java.util.regex.Pattern;
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
final class Warmup implements Runnable {
    private Warmup() {
    }

    /**
     * Must run after the logging properties are set: slf4j-simple reads them once, when it starts.
     * A plain Runnable, not a lambda: the first lambda or regular expression of a process starts
     * the JVM's method-handle machinery, several milliseconds that belong on this thread.
     */
    static void start() {
        Thread thread = new Thread(new Warmup(), "jvirtualenv-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            Pattern.compile("[a-z]+(\\.[a-z]+)*").matcher("warm.up").matches();
            LoggerFactory.getLogger(Virtualenv.class);
            Sha256.digest();
            BundledWheels.load();
        } catch (RuntimeException | Error e) {
            // Nothing is lost: whatever failed here is started (and reported) where it is used.
        }
    }
}
