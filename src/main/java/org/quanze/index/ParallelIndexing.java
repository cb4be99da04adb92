package org.quanze.index;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Feeds records to one IndexWriter from one thread per core. Analysis (SmartCN above all) is
 * nearly all of the cost of a build and IndexWriter is made for concurrent adds (one in-memory
 * segment per thread), so on two cores a build takes about half the time of a single thread.
 * Records are taken from the iterator one at a time under a lock, in order, so the iterator may
 * stream and need not be thread-safe; the order number given to each record keeps ingest order
 * for sort=source whatever document ids the threads end up with.
 */
final class ParallelIndexing {

    private final IndexWriter writer;
    private final Iterator<PowerRecord> records;
    private final Consumer<PowerRecord> onEach;
    private long next;

    /** @param onEach called for every record in order, under the same lock that takes it */
    ParallelIndexing(IndexWriter writer, Iterator<PowerRecord> records, Consumer<PowerRecord> onEach) {
        this.writer = writer;
        this.records = records;
        this.onEach = onEach;
    }

    static int threads() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /** Indexes every record; returns how many. */
    long run() throws IOException {
        int n = threads();
        if (n == 1) {
            work();
            return next;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "quanze-indexing");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                done.add(pool.submit(() -> {
                    work();
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return next;
    }

    private void work() throws IOException {
        var facets = Schema.facetsConfig();
        while (true) {
            PowerRecord r;
            long order;
            synchronized (this) {
                if (!records.hasNext()) return;
                r = records.next();
                order = next++;
                onEach.accept(r);
            }
            // Upsert by id: a record seen twice replaces itself instead of duplicating.
            writer.updateDocument(new Term(Schema.ID, r.id()), facets.build(DocumentMapper.toDocument(r, order)));
        }
    }
}
