package org.quanze.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Searchers that use every core for one query over a large index. A question matches most items
 * of a large index and facet counts need all of them, so one search is CPU-bound for tens of
 * milliseconds; with the index in one segment per core (see IndexStore.build), its segments are
 * searched in parallel. Small indexes stay in one slice: there a thread hand-off costs more than
 * it saves.
 */
final class Searchers {

    /** Below this many documents a search runs on the calling thread. */
    static final int PARALLEL_FROM_DOCS = 50_000;

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(CORES, r -> {
        Thread t = new Thread(r, "quanze-search");
        t.setDaemon(true);
        return t;
    });

    private Searchers() {}

    static IndexSearcher open(IndexReader reader) {
        if (CORES < 2 || reader.maxDoc() < PARALLEL_FROM_DOCS || reader.leaves().size() < 2) return new IndexSearcher(reader);
        return new IndexSearcher(reader, POOL) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                int docs = leaves.stream().mapToInt(l -> l.reader().maxDoc()).sum();
                // About one slice per core: the default (250k documents per slice) keeps 100k in one.
                return slices(leaves, Math.max(1, (docs + CORES - 1) / CORES), Math.max(1, leaves.size() / CORES + 1), false);
            }
        };
    }
}
