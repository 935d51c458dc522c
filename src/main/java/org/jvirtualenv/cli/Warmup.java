package org.jvirtualenv.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jvirtualenv.Virtualenv;
import org.jvirtualenv.activation.Activators;
import org.jvirtualenv.seed.BundledWheels;
import org.jvirtualenv.util.Sha256;
import org.slf4j.LoggerFactory;

/**
 * Starts, on a second thread, the services every creation needs and whose first use is slow in a
 * fresh JVM (slf4j looks for its provider with a ServiceLoader, the first MessageDigest reads the
 * security providers, the bundled wheels' index is parsed, the activation templates are read from
 * the jar), while the main thread is still busy reading the command line. Each of them is thread-safe and would be started on first use anyway,
 * so if this thread is late or fails, the main thread just does the work itself.
 */
final class Warmup implements Runnable {
    /** Counted down once slf4j has started on the warm-up thread; null when no warm-up runs. */
    private static volatile CountDownLatch logging;

    private Warmup() {
    }

    /**
     * Waits (briefly) until slf4j has started. A logger used on the main thread while slf4j is
     * still starting on this one records its calls and replays them afterwards, and slf4j then
     * prints a warning about it on stderr, even with -q. The wait is called after the command line
     * is parsed, by which time the warm-up has normally long finished.
     */
    static void awaitLogging() {
        CountDownLatch latch = logging;
        if (latch == null) {
            return;
        }
        try {
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Must run after the logging properties are set: slf4j-simple reads them once, when it starts.
     * A plain Runnable, not a lambda: the first lambda or regular expression of a process starts
     * the JVM's method-handle machinery, several milliseconds that belong on this thread.
     */
    static void start() {
        logging = new CountDownLatch(1);
        Thread thread = new Thread(new Warmup(), "jvirtualenv-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            Pattern.compile("[a-z]+(\\.[a-z]+)*").matcher("warm.up").matches();
            try {
                LoggerFactory.getLogger(Virtualenv.class);
            } finally {
                logging.countDown();
            }
            Sha256.digest();
            BundledWheels.load();
            Activators.loadTemplates();
        } catch (RuntimeException | Error e) {
            // Nothing is lost: whatever failed here is started (and reported) where it is used.
        }
    }
}
