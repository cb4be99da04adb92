package org.quanze.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSearcher.LeafReaderContextPartition;
import org.apache.lucene.search.IndexSearcher.LeafSlice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Searchers that use every core for one query over a large index. A question matches most items
 * of a large index and facet counts need all of them, so one search is CPU-bound for tens of
 * milliseconds; its documents are cut into one slice per core, searched in parallel. Small
 * indexes stay in one slice: there a thread hand-off costs more than it saves.
 */
public final class Searchers {

    /** Below this many documents a search runs on the calling thread. */
    static final int PARALLEL_FROM_DOCS = 50_000;

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(CORES, r -> {
        Thread t = new Thread(r, "quanze-search");
        t.setDaemon(true);
        return t;
    });

    private Searchers() {}

    /**
     * Slices of equal size, cutting a segment where a slice is full. Merging to one segment per
     * core does not make equal segments (a million items merged to 837k and 189k), and a search
     * in whole segments waits for its largest: one core did four fifths of the work.
     */
    static IndexSearcher open(IndexReader reader) {
        return parallel(reader) ? inSlices(reader, POOL, CORES) : new IndexSearcher(reader);
    }

    /** A searcher that searches {@code reader} in {@code n} slices of equal size on {@code executor}. */
    public static IndexSearcher inSlices(IndexReader reader, Executor executor, int n) {
        return new IndexSearcher(reader, executor) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return balanced(leaves, n);
            }
        };
    }

    /**
     * In parallel by whole segments, for a search whose scorer cannot start inside a segment
     * (Lucene's drill-sideways scorer scores a segment from its first document).
     */
    static IndexSearcher openBySegment(IndexReader reader) {
        if (!parallel(reader) || reader.leaves().size() < 2) return new IndexSearcher(reader);
        return new IndexSearcher(reader, POOL) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                int docs = leaves.stream().mapToInt(l -> l.reader().maxDoc()).sum();
                // About one slice per core: the default (250k documents per slice) keeps 100k in one.
                return slices(leaves, Math.max(1, (docs + CORES - 1) / CORES), Math.max(1, leaves.size() / CORES + 1), false);
            }
        };
    }

    private static boolean parallel(IndexReader reader) {
        return CORES >= 2 && reader.maxDoc() >= PARALLEL_FROM_DOCS;
    }

    /**
     * {@code n} slices of consecutive documents, as equal as documents allow. A segment split
     * between slices lands in consecutive ones, so no slice holds two parts of one segment (which
     * Lucene forbids).
     */
    public static LeafSlice[] balanced(List<LeafReaderContext> leaves, int n) {
        long docs = leaves.stream().mapToLong(l -> l.reader().maxDoc()).sum();
        long per = Math.max(1, (docs + n - 1) / n);
        List<LeafSlice> slices = new ArrayList<>(n);
        List<LeafReaderContextPartition> current = new ArrayList<>();
        long room = per;
        for (LeafReaderContext leaf : leaves) {
            int max = leaf.reader().maxDoc();
            int from = 0;
            while (from < max) {
                int to = (int) Math.min(max, from + room);
                current.add(from == 0 && to == max ? LeafReaderContextPartition.createForEntireSegment(leaf)
                        : LeafReaderContextPartition.createFromAndTo(leaf, from, to));
                room -= to - from;
                from = to;
                if (room == 0) {
                    slices.add(new LeafSlice(current));
                    current = new ArrayList<>();
                    room = per;
                }
            }
        }
        if (!current.isEmpty()) slices.add(new LeafSlice(current));
        return slices.toArray(LeafSlice[]::new);
    }
}
