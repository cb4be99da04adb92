package org.quanze.search;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Searches take turns: the permits bound how many run, a waiter runs when one is freed, a long wait is refused. */
class AdmissionTest {

    @Test
    void aWaitingSearchRunsWhenThePermitIsFreedAndOneWaitingTooLongIsRefusedAsBusy() throws Exception {
        Admission admission = new Admission(1, Duration.ofMillis(100));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> holder = pool.submit(() -> admission.run(() -> {
                running.countDown();
                await(finish);
                return "first";
            }));
            assertEquals(true, running.await(5, TimeUnit.SECONDS));

            // The only permit is held: a search that may wait 100 ms is refused, saying why.
            SearchRefused busy = assertThrows(SearchRefused.class, () -> admission.run(() -> "never"));
            assertEquals(SearchRefused.Reason.BUSY, busy.reason());
            assertEquals("the server is busy: the search waited 100 ms for its turn; try again shortly", busy.getMessage());

            // One that may wait long enough runs once the holder is done.
            Future<String> waiter = pool.submit(() -> admission.runWaiting(Duration.ofSeconds(10), () -> "second"));
            while (admission.waiting() == 0) Thread.onSpinWait();
            assertEquals(1, admission.waiting());
            finish.countDown();
            assertEquals("first", holder.get(5, TimeUnit.SECONDS));
            assertEquals("second", waiter.get(5, TimeUnit.SECONDS));
            assertEquals(0, admission.waiting());
            assertEquals("third", admission.run(() -> "third"));
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aSearchOverSeveralCoresWaitsForAllOfThemAndTakesNoMoreThanThereAre() throws Exception {
        Admission admission = new Admission(2, Duration.ofMillis(100));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> one = pool.submit(() -> admission.run(1, () -> {
                running.countDown();
                await(finish);
                return "one core";
            }));
            assertEquals(true, running.await(5, TimeUnit.SECONDS));
            // One of two permits is taken: another one-core search runs, a two-core one may not.
            assertEquals("beside it", admission.run(1, () -> "beside it"));
            assertEquals(SearchRefused.Reason.BUSY,
                    assertThrows(SearchRefused.class, () -> admission.run(2, () -> "never")).reason());
            finish.countDown();
            assertEquals("one core", one.get(5, TimeUnit.SECONDS));
            // Sixteen slices on a two-permit gate take both permits, not a wait without end.
            assertEquals("alone", admission.run(16, () -> "alone"));
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
