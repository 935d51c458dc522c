package org.jvirtualenv.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void resultsComeBackInTaskOrder() throws IOException {
        List<Parallel.Task<String>> tasks = List.of(
                () -> {
                    pause(50);
                    return "first";
                },
                () -> "second",
                () -> "third");
        assertEquals(List.of("first", "second", "third"), Parallel.all(tasks));
    }

    @Test
    void tasksReallyRunAtTheSameTime() throws IOException {
        // Each task waits for the other: run one after the other, both would time out.
        CountDownLatch both = new CountDownLatch(2);
        Parallel.Task<Boolean> meet = () -> {
            both.countDown();
            try {
                return both.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        };
        assertEquals(List.of(true, true), Parallel.all(List.of(meet, meet)));
    }

    @Test
    void aFailureIsThrownOnlyAfterEveryTaskHasEnded() {
        AtomicBoolean slowFinished = new AtomicBoolean();
        IOException failure = new IOException("disk full");
        List<Parallel.Task<Object>> tasks = List.of(
                () -> {
                    throw failure;
                },
                () -> {
                    pause(200);
                    slowFinished.set(true);
                    return null;
                });
        IOException thrown = assertThrows(IOException.class, () -> Parallel.all(tasks));
        assertSame(failure, thrown);
        assertTrue(slowFinished.get(), "the caller must not see the failure while another task still writes");
    }

    @Test
    void theEarliestTasksFailureWinsAndTheOthersAreAttached() {
        IllegalStateException late = new IllegalStateException("second");
        IOException early = new IOException("first");
        List<Parallel.Task<Object>> tasks = List.of(
                () -> {
                    pause(100);
                    throw early;
                },
                () -> {
                    throw late;
                });
        IOException thrown = assertThrows(IOException.class, () -> Parallel.all(tasks));
        assertSame(early, thrown);
        assertEquals(List.of(late), List.of(thrown.getSuppressed()));
    }

    @Test
    void uncheckedExceptionsKeepTheirType() {
        List<Parallel.Task<Object>> tasks = List.of(() -> "fine", () -> {
            throw new IllegalArgumentException("bad wheel");
        });
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Parallel.all(tasks));
        assertEquals("bad wheel", thrown.getMessage());
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }
}
