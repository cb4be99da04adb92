package org.quanze.search;

import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;
import org.quanze.index.IndexHandle;

/**
 * One search-like call's turn: the index generation it reads (held until the call ends) and a
 * searcher of its own whose timeout is the call's time limit. The timeout sits on the searcher,
 * so Lucene's scorers still run in bulk and prune as they are built to; a search that runs out of
 * time returns early with what it found, and {@link #checkTime} turns that into a refusal.
 * The clock starts at the first search: reading the question (bounded in size, and the first one
 * after start-up waits for the word segmenter's dictionaries) is not what the limit guards.
 */
final class Turn {

    private final IndexHandle handle;
    private final long limitMillis;
    /** Whether its searches may run the index's slices in parallel (admission gave it every core). */
    private final boolean parallel;
    private QueryTimeoutImpl timeout;
    private IndexSearcher searcher;

    Turn(IndexHandle handle, long limitMillis, boolean parallel) {
        this.handle = handle;
        this.limitMillis = limitMillis;
        this.parallel = parallel;
    }

    IndexHandle handle() {
        return handle;
    }

    /** The time-limited searcher; the first call starts the clock. */
    IndexSearcher searcher() {
        if (searcher == null) {
            timeout = new QueryTimeoutImpl(limitMillis);
            searcher = newSearcher();
            searcher.setTimeout(timeout);
        }
        return searcher;
    }

    /**
     * A searcher without the bulk-scorer timeout, for drill-sideways counting: its scorer scores
     * each segment whole in one window, refusing the timeout's windows and parts of segments;
     * callers check the time themselves ({@link #shouldStop}) as they collect.
     */
    IndexSearcher unwindowedSearcher() {
        searcher(); // starts the clock
        return parallel ? handle.newSegmentSearcher() : handle.newSequentialSearcher();
    }

    private IndexSearcher newSearcher() {
        return parallel ? handle.newSearcher() : handle.newSequentialSearcher();
    }

    /** Whether the time limit has passed. */
    boolean shouldStop() {
        return timeout != null && timeout.shouldExit();
    }

    /** Refuses the call when the limit passed or a search on this turn's searcher stopped early. */
    void checkTime() throws SearchRefused {
        if (searcher != null && (searcher.timedOut() || timeout.shouldExit())) {
            throw new SearchRefused(SearchRefused.Reason.TIMED_OUT, "the search took longer than " + limitMillis
                    + " ms and was stopped; try again, or narrow it with more words or facets");
        }
    }
}
