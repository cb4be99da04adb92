package org.quanze.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Parts of one request that do not depend on each other (a search's facet counts beside its
 * ranking; half of its page's highlights), given to a core that is idle. A part is handed over
 * only to a thread that is free at that moment; when every helper is busy (the server is loaded,
 * so no core is idle) the caller does the part itself, at once, and nothing waits in a queue.
 * So a lone request uses the machine's cores and a loaded server does what it did before.
 */
final class SideWork {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ThreadPoolExecutor HELPERS = new ThreadPoolExecutor(0, Math.max(1, CORES - 1), 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "quanze-side-work");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    private SideWork() {}

    /** A part started beside the caller (or done by it, when no helper is free). */
    static <T> Part<T> start(Callable<T> work) {
        return new Part<>(CORES < 2 ? done(work) : HELPERS.submit(work));
    }

    private static <T> Future<T> done(Callable<T> work) {
        java.util.concurrent.FutureTask<T> f = new java.util.concurrent.FutureTask<>(work);
        f.run();
        return f;
    }

    /** A part's result; its failure is rethrown as it was thrown. */
    record Part<T>(Future<T> future) {

        T join() throws IOException {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return future.get();
                    } catch (InterruptedException e) {
                        interrupted = true; // the part holds the index open: wait for it all the same
                    } catch (ExecutionException e) {
                        Throwable c = e.getCause();
                        if (c instanceof IOException io) throw io;
                        if (c instanceof RuntimeException re) throw re;
                        if (c instanceof Error err) throw err;
                        throw new UncheckedIOException(new IOException(c));
                    }
                }
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }

        /** Waits for the part to end, ignoring how: before the index it reads is released. */
        void settle() {
            try {
                join();
            } catch (IOException | RuntimeException ignored) {
                // The request is failing already for another reason; this part's outcome is moot.
            }
        }
    }
}
