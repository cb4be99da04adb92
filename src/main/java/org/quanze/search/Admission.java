package org.quanze.search;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many searches run at once: two per core, the rest wait their turn in arrival order. A
 * search over a large index already uses several cores (its index is searched in slices, one
 * per core) and takes a permit for each when they are free.
 * A search is CPU-bound; thirty-two run together on two cores each take sixteen times as long,
 * and every one of them passes the search time limit (#6: at a million items, 8 and 32
 * connections). In turn, each runs at close to full speed and the time limit measures the
 * search, not the crowd. Two per core rather than one: a search holding one of exactly as many
 * turns as cores left that core idle whenever its thread was off the CPU (the HTTP threads', the
 * collector's and the load's own time on the same cores), and each finished search woke a waiting
 * thread that then had to be scheduled before the turn was used. On the bundled lists at 8
 * connections that was a quarter of the throughput (1,600 against 2,050 questions a second,
 * interleaved runs; bench/FINDINGS.md); two searches on a core at most double its time, far within the
 * time limit (a million items: p99 170 ms alone). A request that waits longer than
 * {@code maxWait} is refused as busy: the server is overloaded, and it says so instead of
 * queueing without end.
 */
final class Admission {

    /** Searches at once: two per core, so a slow search on a one-core machine does not stall all. */
    static final int DEFAULT_PERMITS = 2 * Runtime.getRuntime().availableProcessors();
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

    private final Semaphore permits;
    private final int size;
    private final long maxWaitNanos;

    Admission(int permits, Duration maxWait) {
        this.permits = new Semaphore(permits, true);
        this.size = Math.max(1, permits);
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Runs {@code work} when a permit is free; refuses it as busy after waiting {@code maxWait}. */
    <T> T run(SearchWork<T> work) throws java.io.IOException {
        return run(1, work);
    }

    /** Runs {@code work}, which keeps {@code cores} cores busy, when as many permits are free (at most all). */
    <T> T run(int cores, SearchWork<T> work) throws java.io.IOException {
        return runWaiting(Math.max(1, Math.min(cores, size)), maxWaitNanos, work);
    }

    /**
     * Runs {@code work} on as many cores as it can use ({@code cores}, at most all) when as many
     * turns are free at once, else on one, waiting its turn for it. A lone search over a large index
     * gets every core (its slices in parallel, for latency); under load each search runs on one,
     * beside the others: a search's ranking, highlighting and answer run on one thread anyway, and
     * while they did, the core its slices had also taken sat idle (HTTP at 100k items answered 65
     * questions a second on two cores, where one search costs 20 ms of CPU). {@code work} is told
     * how many it got.
     */
    <T> T runSpread(int cores, Spread<T> work) throws java.io.IOException {
        int all = Math.max(1, Math.min(cores, size));
        if (all > 1 && permits.tryAcquire(all)) {
            try {
                return work.run(all);
            } finally {
                permits.release(all);
            }
        }
        return runWaiting(1, maxWaitNanos, () -> work.run(1));
    }

    /** As {@link #run(SearchWork)}, waiting at most {@code maxWait} for this one. */
    <T> T runWaiting(Duration maxWait, SearchWork<T> work) throws java.io.IOException {
        return runWaiting(1, maxWait.toNanos(), work);
    }

    private <T> T runWaiting(int cost, long maxWaitNanos, SearchWork<T> work) throws java.io.IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(cost, maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchRefused(SearchRefused.Reason.BUSY, "the search was interrupted while it waited its turn");
        }
        if (!admitted) {
            long ms = TimeUnit.NANOSECONDS.toMillis(maxWaitNanos);
            throw new SearchRefused(SearchRefused.Reason.BUSY, "the server is busy: the search waited "
                    + (ms < 1000 ? ms + " ms" : ms / 1000 + " s") + " for its turn; try again shortly");
        }
        try {
            return work.run();
        } finally {
            permits.release(cost);
        }
    }

    /** Searches waiting for a permit now. */
    int waiting() {
        return permits.getQueueLength();
    }

    /** Work that runs on the number of cores it is given. */
    @FunctionalInterface
    interface Spread<T> {
        T run(int cores) throws java.io.IOException;
    }

    @FunctionalInterface
    interface SearchWork<T> {
        T run() throws java.io.IOException;
    }
}
