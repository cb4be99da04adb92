package org.quanze.index;

import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One opened generation: reader, searcher, facet state and suggester, built once per reader and
 * shared by every request (never per request). Reference-counted, so a search that acquired it
 * finishes on it even after a newer generation has been swapped in.
 */
public final class IndexHandle implements Closeable {

    private final Path path;
    private final Directory dir;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    /**
     * Null until it is read (half a second at a million items, so it is read beside the first
     * searches rather than before them), and when it would not fit its share of the heap: counts
     * then come from doc values, the same counts.
     */
    private volatile FacetOrdinals facetOrdinals;
    private final AnalyzingInfixSuggester suggester;
    private final AtomicInteger refs = new AtomicInteger(1);
    /** Values derived once per reader (all-docs facet counts, source titles), shared by requests. */
    private final org.quanze.model.Derived derived = new org.quanze.model.Derived();

    private IndexHandle(Path path) throws IOException {
        this.path = path;
        this.dir = FSDirectory.open(path);
        this.reader = DirectoryReader.open(dir);
        this.searcher = Searchers.open(reader);
        this.facetState = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
        this.suggester = Suggestions.open(path.resolve("suggest"));
        Thread.ofPlatform().daemon().name("quanze-facet-ordinals").start(() -> {
            try {
                facetOrdinals = FacetOrdinals.load(facetState, Runtime.getRuntime().maxMemory() / 8);
            } catch (IOException | RuntimeException closedMeanwhile) {
                // The generation was retired before its table was read: nothing will count on it.
            }
        });
    }

    public static IndexHandle open(Path generation) throws IOException {
        return new IndexHandle(generation);
    }

    public Path path() { return path; }

    public IndexSearcher searcher() { return searcher; }

    /**
     * A searcher of its own over this generation's reader, for one request that sets its own
     * timeout on it; as cheap as an object (the reader, its segments and caches are shared).
     */
    public IndexSearcher newSearcher() { return Searchers.open(reader); }

    /**
     * As {@link #newSearcher}, in parallel by whole segments only: for Lucene's drill-sideways
     * scorer, which refuses to start inside a segment.
     */
    public IndexSearcher newSegmentSearcher() { return Searchers.openBySegment(reader); }

    /** As {@link #newSearcher}, searching the segments one after another on the calling thread. */
    public IndexSearcher newSequentialSearcher() { return new IndexSearcher(reader); }

    public DirectoryReader reader() { return reader; }

    public SortedSetDocValuesReaderState facetState() { return facetState; }

    /** The facet counts of the items a search over this generation collected. */
    public Facets facetCounts(FacetsCollector collected) throws IOException {
        FacetOrdinals table = facetOrdinals;
        return table != null ? table.count(collected) : new SortedSetDocValuesFacetCounts(facetState, collected);
    }

    /**
     * Facet counts of the items a search collects: taken as it collects them from the ordinal
     * table ({@link FacetOrdinals#counting}); until the table is read, or where it would not fit,
     * from Lucene's collected sets ({@link #facetCounts}), the same counts.
     */
    public CollectorManager<?, Facets> facetCounting() {
        FacetOrdinals table = facetOrdinals;
        if (table != null) return table.counting();
        FacetsCollectorManager collected = new FacetsCollectorManager();
        return new CollectorManager<FacetsCollector, Facets>() {
            @Override
            public FacetsCollector newCollector() throws IOException {
                return collected.newCollector();
            }

            @Override
            public Facets reduce(Collection<FacetsCollector> collectors) throws IOException {
                return facetCounts(collected.reduce(collectors));
            }
        };
    }

    public int items() { return reader.numDocs(); }

    /** Source id → list title, in ingest order. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, String> sourceTitles() {
        return derived("sourceTitles", h -> {
            try {
                String json = reader.getIndexCommit().getUserData().get(IndexStore.SOURCES);
                if (json == null) return java.util.Map.<String, String>of();
                return java.util.Collections.unmodifiableMap(
                        org.quanze.model.Json.MAPPER.readValue(json, java.util.LinkedHashMap.class));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    public String fingerprint() throws IOException {
        return reader.getIndexCommit().getUserData().get(IndexStore.FINGERPRINT);
    }

    /**
     * A value computed once for this reader (see {@link org.quanze.model.Derived}); computing it
     * must not depend on the request.
     */
    public <T> T derived(String key, java.util.function.Function<IndexHandle, T> compute) {
        return derived.get(key, () -> compute.apply(this));
    }

    /** The value {@link #derived} computed under {@code key}, or null where none is yet. */
    public <T> T derivedIfPresent(String key) {
        return derived.peek(key);
    }

    public List<Suggestions.Suggestion> suggest(String q, int n) throws IOException {
        return Suggestions.lookup(suggester, q, n);
    }

    /** Takes a reference; false when the handle is already closed (the caller retries on the newer one). */
    boolean tryIncRef() {
        while (true) {
            int r = refs.get();
            if (r <= 0) return false;
            if (refs.compareAndSet(r, r + 1)) return true;
        }
    }

    public void decRef() throws IOException {
        if (refs.decrementAndGet() == 0) {
            try (dir; reader; suggester) {
                // closes all three
            }
        }
    }

    @Override
    public void close() throws IOException {
        decRef();
    }
}
