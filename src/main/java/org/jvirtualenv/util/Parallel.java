package org.jvirtualenv.util;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a few independent, mostly file-system-bound tasks at once and waits for every one of them.
 * Waiting for all before reporting a failure matters: the caller may delete what the tasks were
 * writing into, which must not happen while one of them is still writing.
 *
 * <p>Plain threads, not the common fork-join pool: on a two-core machine that pool has a single
 * worker, and these tasks spend their time in system calls, not on the CPU.
 */
public final class Parallel {
    private Parallel() {
    }

    /** A task that may fail with an {@link IOException} or any unchecked exception. */
    @FunctionalInterface
    public interface Task<T> {
        T call() throws IOException;
    }

    /**
     * Runs every task (the first on the calling thread) and returns their results in task order.
     * When tasks fail, the failure of the earliest one is thrown, as it was thrown, once all have
     * ended; the others are attached to it as suppressed exceptions.
     */
    public static <T> List<T> all(List<? extends Task<? extends T>> tasks) throws IOException {
        int n = tasks.size();
        // Plain arrays are enough: join() makes each thread's writes visible to this one.
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            int index = i;
            Thread thread = new Thread(() -> run(tasks.get(index), index, results, failures),
                    "jvirtualenv-" + index);
            thread.setDaemon(true);
            try {
                thread.start();
                threads.add(thread);
            } catch (OutOfMemoryError e) {
                // No thread to be had (a process limit): the task runs here instead, not never.
                run(tasks.get(index), index, results, failures);
            }
        }
        if (n > 0) {
            run(tasks.get(0), 0, results, failures);
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    // Keep waiting: returning early would let the caller clean up under a running task.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable first = null;
        for (Throwable failure : failures) {
            if (failure == null) {
                continue;
            }
            if (first == null) {
                first = failure;
            } else if (failure != first) {
                first.addSuppressed(failure);
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
        List<T> typed = new ArrayList<>(n);
        for (Object result : results) {
            @SuppressWarnings("unchecked")
            T value = (T) result;
            typed.add(value);
        }
        return typed;
    }

    private static void run(Task<?> task, int index, Object[] results, Throwable[] failures) {
        try {
            results[index] = task.call();
        } catch (Throwable t) {
            failures[index] = t;
        }
    }
}
