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
        try (Holding both = new Holding(admission, 2)) {
            // Both permits are taken: another search waits its turn, and is refused as busy past the wait.
            assertEquals(SearchRefused.Reason.BUSY,
                    assertThrows(SearchRefused.class, () -> admission.<Integer>runSpread(2, cores -> cores)).reason());
            assertEquals(2, both.release());
        }
        // One permit held by a one-core search: the next runs beside it, on the other core alone.
        try (Holding one = new Holding(admission, 1)) {
            assertEquals(1, (int) admission.<Integer>runSpread(2, cores -> cores));
            assertEquals(1, one.release());
            assertEquals(2, (int) admission.<Integer>runSpread(2, cores -> cores));
        }
    }

    /** A search on a thread of its own that holds its turn until released. */
    private static final class Holding implements AutoCloseable {
        private final CountDownLatch finish = new CountDownLatch(1);
        private final ExecutorService pool = Executors.newSingleThreadExecutor();
        private final Future<Integer> cores;

        /** Returns once the search runs, having asked for {@code wanted} cores. */
        Holding(Admission admission, int wanted) throws InterruptedException {
            CountDownLatch running = new CountDownLatch(1);
            cores = pool.submit(() -> admission.runSpread(wanted, given -> {
                running.countDown();
                await(finish);
                return given;
            }));
            assertEquals(true, running.await(5, TimeUnit.SECONDS));
        }

        /** Lets it finish; the cores it ran on. */
        int release() throws Exception {
            finish.countDown();
            return cores.get(5, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
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
