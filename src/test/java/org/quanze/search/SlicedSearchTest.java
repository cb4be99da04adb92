package org.quanze.search;

import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSearcher.LeafReaderContextPartition;
import org.apache.lucene.search.IndexSearcher.LeafSlice;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quanze.index.IndexHandle;
import org.quanze.index.Schema;
import org.quanze.index.Searchers;
import org.quanze.testing.BundledData;
import org.quanze.testing.GeneratedData;
import org.quanze.testing.RelevanceQuestions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large index is searched in slices of equal size, cutting segments where a slice is full
 * ({@link Searchers#balanced}). Searched that way, every question's match set gives the same
 * total, the same facet counts and the same best 100 items with the same scores, bit for bit, as
 * the segments searched one after another, and those 100 get the same second-stage scores when
 * the slices share them out ({@link FewDocs#scores(org.apache.lucene.search.Weight, IndexSearcher, int[])}): for the 90 relevance questions, on the bundled lists
 * (one segment, so every slice is a part of it) and on two segments of unequal size (the 10k
 * generated corpus and the bundled lists read as one index).
 */
class SlicedSearchTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void slicesAreEqualAndCoverEveryDocumentOnce() throws IOException {
        IndexHandle h = GeneratedData.sharedEngine().search().index().acquire();
        IndexHandle b = BundledData.sharedEngine().search().index().acquire();
        try {
            IndexReader both = twoSegments(h, b);
            List<LeafReaderContext> leaves = both.leaves();
            assertEquals(2, leaves.size());
            int docs = both.maxDoc();
            for (int n : new int[] {1, 2, 3, 7}) {
                LeafSlice[] slices = Searchers.balanced(leaves, n);
                assertEquals(n, slices.length, n + " slices");
                int[] seen = new int[docs];
                for (LeafSlice slice : slices) {
                    int size = 0;
                    Set<LeafReaderContext> inSlice = new HashSet<>();
                    for (LeafReaderContextPartition p : slice.partitions) {
                        assertTrue(inSlice.add(p.ctx), "one part of a segment per slice");
                        int to = Math.min(p.maxDocId, p.ctx.reader().maxDoc());
                        for (int d = p.minDocId; d < to; d++) seen[p.ctx.docBase + d]++;
                        size += to - p.minDocId;
                    }
                    // ceil(docs / n) each, the last what is left: fewer by less than n.
                    int per = (docs + n - 1) / n;
                    assertTrue(size <= per && size > per - n, n + " slices: " + size + " of " + docs);
                }
                for (int d = 0; d < docs; d++) assertEquals(1, seen[d], "document " + d + " in " + n + " slices");
            }
            // Two slices of ten thousand and some: the first a part of the large segment, the
            // second its rest with the whole small one.
            LeafSlice[] two = Searchers.balanced(leaves, 2);
            assertEquals(1, two[0].partitions.length);
            assertEquals(2, two[1].partitions.length);
            assertEquals(leaves.get(0), two[1].partitions[0].ctx);
            assertEquals(leaves.get(1), two[1].partitions[1].ctx);
        } finally {
            GeneratedData.sharedEngine().search().index().release(h);
            BundledData.sharedEngine().search().index().release(b);
        }
    }

    @Test
    void theBundledListsSearchInPartsOfOneSegmentAsInOne() throws IOException {
        IndexHandle b = BundledData.sharedEngine().search().index().acquire();
        try {
            assertEquals(1, b.reader().leaves().size());
            assertEquals(90, compareEveryQuestion(b, b.reader()));
        } finally {
            BundledData.sharedEngine().search().index().release(b);
        }
    }

    @Test
    void twoSegmentsOfUnequalSizeSearchInSlicesAsOneAfterTheOther() throws IOException {
        IndexHandle h = GeneratedData.sharedEngine().search().index().acquire();
        IndexHandle b = BundledData.sharedEngine().search().index().acquire();
        try {
            assertEquals(90, compareEveryQuestion(h, twoSegments(h, b)));
        } finally {
            GeneratedData.sharedEngine().search().index().release(h);
            BundledData.sharedEngine().search().index().release(b);
        }
    }

    /** The 10k corpus's segment and the bundled lists' one, as one index. */
    private static IndexReader twoSegments(IndexHandle generated, IndexHandle bundled) throws IOException {
        assertEquals(1, generated.reader().leaves().size());
        return new MultiReader(new IndexReader[] {generated.reader(), bundled.reader()}, false);
    }

    /** The number of questions compared; {@code h} plans them. */
    private static int compareEveryQuestion(IndexHandle h, IndexReader reader) throws IOException {
        SortedSetDocValuesReaderState facets = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
        IndexSearcher sequential = new IndexSearcher(reader);
        List<IndexSearcher> sliced = List.of(Searchers.inSlices(reader, POOL, 2), Searchers.inSlices(reader, POOL, 3));
        QueryPlanner planner = new QueryPlanner(Vocabulary.load(BundledData.PROJECT_DATA));
        int questions = 0;
        int rescored = 0;
        long matched = 0;
        for (String text : RelevanceQuestions.all()) {
            QueryPlan p = planner.plan(text, new LuceneGeneration(h), QueryPlanner.USUAL);
            Query q = new Filters(Map.of(), true).base(p.candidates());
            Answer expected = answer(h, facets, sequential, q);
            // The second stage over the first stage's best: each slice scores its share of them.
            int[] best = expected.docs().stream().mapToInt(Integer::intValue).toArray();
            Weight full = p.rescore() == null ? null : sequential.createWeight(sequential.rewrite(p.rescore()), ScoreMode.COMPLETE, 1);
            String second = full == null ? "" : bits(FewDocs.scores(full, reader, best));
            for (int i = 0; i < sliced.size(); i++) {
                assertEquals(i + 2, sliced.get(i).getSlices().length);
                assertEquals(expected, answer(h, facets, sliced.get(i), q), text + " in " + (i + 2) + " slices");
                if (full != null) assertEquals(second, bits(FewDocs.scores(full, sliced.get(i), best)), text + ", second stage in " + (i + 2) + " slices");
            }
            if (full != null) rescored++;
            matched += expected.total();
            questions++;
        }
        assertTrue(matched > reader.maxDoc(), matched + " matches compared");
        // Every question has a second stage: concepts, a statute or a quoted phrase to rank by.
        assertEquals(90, rescored);
        return questions;
    }

    private record Answer(long total, int count, List<String> top, Map<String, List<SearchResult.FacetValue>> facets) {
        List<Integer> docs() {
            return top.stream().map(t -> Integer.valueOf(t.substring(0, t.indexOf(':')))).toList();
        }
    }

    private static String bits(float[] scores) {
        StringBuilder b = new StringBuilder();
        for (float f : scores) b.append(Integer.toHexString(Float.floatToIntBits(f))).append(' ');
        return b.toString();
    }

    private static Answer answer(IndexHandle h, SortedSetDocValuesReaderState state, IndexSearcher s, Query q) throws IOException {
        FacetsCollectorManager.FacetsResult r = FacetsCollectorManager.search(s, q, 100, new FacetsCollectorManager());
        List<String> top = new ArrayList<>();
        for (ScoreDoc sd : r.topDocs().scoreDocs) top.add(sd.doc + ":" + Integer.toHexString(Float.floatToIntBits(sd.score)));
        return new Answer(r.topDocs().totalHits.value(), s.count(q), top,
                FacetSupport.read(new SortedSetDocValuesFacetCounts(state, r.facetsCollector()), Map.of(), h.sourceTitles()));
    }
}
