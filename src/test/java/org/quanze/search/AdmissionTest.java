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

    @Test
    void aSearchThatCouldUseEveryCoreTakesThemWhenFreeAndOneBesideARunningSearch() throws Exception {
        Admission admission = new Admission(2, Duration.ofMillis(100));
        assertEquals(2, (int) admission.<Integer>runSpread(2, cores -> cores));
        assertEquals(2, (int) admission.<Integer>runSpread(16, cores -> cores));
        assertEquals(1, (int) admission.<Integer>runSpread(1, cores -> cores));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> one = pool.submit(() -> admission.runSpread(2, cores -> {
                running.countDown();
                await(finish);
                return cores;
            }));
            assertEquals(true, running.await(5, TimeUnit.SECONDS));
            // Both permits are taken: another search waits its turn, and is refused as busy past the wait.
            assertEquals(SearchRefused.Reason.BUSY,
                    assertThrows(SearchRefused.class, () -> admission.<Integer>runSpread(2, cores -> cores)).reason());
            finish.countDown();
            assertEquals(2, (int) one.get(5, TimeUnit.SECONDS));
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
        // One permit held by a one-core search: the next runs beside it, on the other core alone.
        CountDownLatch running2 = new CountDownLatch(1);
        CountDownLatch finish2 = new CountDownLatch(1);
        ExecutorService pool2 = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> single = pool2.submit(() -> admission.runSpread(1, cores -> {
                running2.countDown();
                await(finish2);
                return cores;
            }));
            assertEquals(true, running2.await(5, TimeUnit.SECONDS));
            assertEquals(1, (int) admission.<Integer>runSpread(2, cores -> cores));
            finish2.countDown();
            assertEquals(1, (int) single.get(5, TimeUnit.SECONDS));
            assertEquals(2, (int) admission.<Integer>runSpread(2, cores -> cores));
        } finally {
            finish2.countDown();
            pool2.shutdownNow();
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
