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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Feeds records to one IndexWriter from one thread per core. Analysis (SmartCN above all) is
 * nearly all of the cost of a build and IndexWriter is made for concurrent adds (one in-memory
 * segment per thread), so on two cores a build takes about half the time of a single thread.
 * Records are taken from the iterator one at a time under a lock, in order, so the iterator may
 * stream and need not be thread-safe; the order number given to each record keeps ingest order
 * for sort=source whatever document ids the threads end up with.
 *
 * <p>Where one thread fails, the others stop after the record they are adding, and the build
 * fails with the first failure. They are never interrupted: an IndexWriter's thread interrupted
 * inside a flush turns the interrupt into a tragic close of the writer, whose caller then waits
 * on that close for ever (a 1M build hung so, the real failure lost behind "this IndexWriter is
 * closed").
 */
final class ParallelIndexing {

    private final IndexWriter writer;
    private final Iterator<PowerRecord> records;
    private final Consumer<PowerRecord> onEach;
    private final Function<PowerRecord, List<String>> articles;
    private final ArticleWords articleWords = new ArticleWords(Analyzers.words());
    private long next;
    /** The first failure of any thread; once set, the others take no further record. */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * @param onEach   called for every record in order, under the same lock that takes it
     * @param articles the texts of the articles a record's legal basis cites (see {@link Schema#ARTICLES})
     */
    ParallelIndexing(IndexWriter writer, Iterator<PowerRecord> records, Consumer<PowerRecord> onEach,
                     Function<PowerRecord, List<String>> articles) {
        this.writer = writer;
        this.records = records;
        this.onEach = onEach;
        this.articles = articles;
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
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // Recorded by work(); the others still finish their record before it is thrown.
                }
            }
            Throwable first = failure.get();
            if (first instanceof IOException io) throw io;
            if (first instanceof UncheckedIOException u) throw u.getCause();
            if (first instanceof RuntimeException re) throw re;
            if (first != null) throw new IOException(first);
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            Thread.currentThread().interrupt();
            throw new IOException("indexing was interrupted", e);
        } finally {
            pool.shutdown();
        }
        return next;
    }

    private void work() throws IOException {
        try {
            add();
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
            throw e;
        }
    }

    private void fail(Throwable e) {
        if (!failure.compareAndSet(null, e) && failure.get() != e) failure.get().addSuppressed(e);
    }

    private void add() throws IOException {
        var facets = Schema.facetsConfig();
        while (true) {
            PowerRecord r;
            long order;
            synchronized (this) {
                // Asked under the lock that takes records: once a record failed to come, none is taken.
                if (failure.get() != null || !records.hasNext()) return;
                try {
                    r = records.next();
                } catch (RuntimeException e) {
                    fail(e);
                    throw e;
                }
                order = next++;
                onEach.accept(r);
            }
            // Upsert by id: a record seen twice replaces itself instead of duplicating.
            writer.updateDocument(new Term(Schema.ID, r.id()), facets.build(DocumentMapper.toDocument(r, order, articles.apply(r), articleWords)));
        }
    }
}
