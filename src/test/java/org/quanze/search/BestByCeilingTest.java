package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quanze.index.IndexHandle;
import org.quanze.index.Searchers;
import org.quanze.testing.BundledData;
import org.quanze.testing.GeneratedData;
import org.quanze.testing.RelevanceQuestions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first stage's best matches, found without scoring those that cannot be among them
 * ({@link BestByCeiling}), are Lucene's: the same items, scores bit for bit and total, for the 90
 * relevance questions on the 10k generated corpus, one segment searched at once and in 2 and 3
 * slices that cut it, for a best 1, 10 and 100, under a time limit as the engine searches; and
 * each slice's own best holds real items only, where another slice's kept its queue from filling. The ceiling an item is judged by is never below
 * its score, on every item any question's first stage matches, there and on the bundled lists.
 */
class BestByCeilingTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void theBestAndTheTotalAreLucenesWhileMostMatchesAreNotScored() throws IOException {
        IndexHandle h = GeneratedData.sharedEngine().search().index().acquire();
        try {
            QueryPlanner planner = new QueryPlanner(Vocabulary.load(BundledData.PROJECT_DATA));
            List<IndexSearcher> searchers = List.of(new IndexSearcher(h.reader()),
                    Searchers.inSlices(h.reader(), POOL, 2), Searchers.inSlices(h.reader(), POOL, 3));
            // Under a time limit, as a search runs (Turn): Lucene then scores in windows and hands
            // the collector the scorer again at each, positioned inside the match set.
            for (IndexSearcher s : searchers) s.setTimeout(new QueryTimeoutImpl(3_600_000));
            int bounded = 0;
            long matched = 0;
            long scored = 0;
            for (String text : RelevanceQuestions.all()) {
                // As the first pass searches it without a selected facet: the kinds are told apart as it collects.
                Query first = planner.plan(text, new LuceneGeneration(h), QueryPlanner.USUAL).candidates();
                if (!BestByCeiling.applies(first)) continue;
                bounded++;
                for (IndexSearcher s : searchers) {
                    for (int n : new int[] {1, 10, 100}) {
                        TopDocs expected = s.search(first, new TopScoreDocCollectorManager(n, Integer.MAX_VALUE));
                        BestByCeiling best = new BestByCeiling(n);
                        TopDocs found = s.search(first, best);
                        s.search(first, eachSliceChecked(new BestByCeiling(n)));
                        String where = text + ", best " + n + " in " + s.getSlices().length + " slices";
                        assertEquals(expected.totalHits, found.totalHits, where);
                        assertEquals(show(expected), show(found), where);
                        if (n == 10) {
                            matched += found.totalHits.value();
                            scored += best.scored();
                        }
                    }
                }
            }
            // 71 of the 90 questions search a filter and the concepts' words alone; the others name
            // a statute or quote a phrase, which score apart, or find nothing. Of what they match
            // (408,519 over the three searchers), a quarter is scored for their best 10 (97,857).
            assertEquals(71, bounded);
            assertTrue(matched > 400_000, matched + " matched");
            assertTrue(scored * 3 < matched, scored + " of " + matched + " scored");
        } finally {
            GeneratedData.sharedEngine().search().index().release(h);
        }
    }

    /**
     * A slice whose every match falls below another slice's published best queues none, and its
     * matches still count: Lucene's collector answers an empty queue with a total of 0, and a
     * search in 3 slices lost a third of its total where one slice had finished before another
     * began. The slices are run here one after the other in each of their 6 orders, so which one
     * publishes first is not left to the threads.
     */
    @Test
    void aSliceThatQueuesNoneStillCountsItsMatches() throws IOException {
        IndexHandle h = GeneratedData.sharedEngine().search().index().acquire();
        try {
            QueryPlanner planner = new QueryPlanner(Vocabulary.load(BundledData.PROJECT_DATA));
            IndexSearcher s = new IndexSearcher(h.reader());
            s.setQueryCache(null);
            IndexSearcher.LeafSlice[] slices = Searchers.balanced(h.reader().leaves(), 3);
            int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
            int emptySlices = 0;
            for (String text : RelevanceQuestions.every()) {
                Query first = planner.plan(text, new LuceneGeneration(h), QueryPlanner.USUAL).candidates();
                if (!BestByCeiling.applies(first)) continue;
                Query rewritten = s.rewrite(first);
                TopDocs expected = s.search(rewritten, new TopScoreDocCollectorManager(1, Integer.MAX_VALUE));
                Weight w = s.createWeight(rewritten, ScoreMode.COMPLETE, 1f);
                for (int[] order : orders) {
                    BestByCeiling best = new BestByCeiling(1);
                    List<BestByCeiling.Best> collectors = new ArrayList<>();
                    for (int i : order) {
                        BestByCeiling.Best c = best.newCollector();
                        for (IndexSearcher.LeafReaderContextPartition p : slices[i].partitions) {
                            LeafCollector leaf = c.getLeafCollector(p.ctx);
                            BulkScorer scorer = w.bulkScorer(p.ctx);
                            if (scorer != null) scorer.score(leaf, p.ctx.reader().getLiveDocs(), p.minDocId, p.maxDocId);
                            leaf.finish();
                        }
                        collectors.add(c);
                        if (c.topDocsSize() == 0 && c.getTotalHits() > 0) emptySlices++;
                    }
                    TopDocs found = best.reduce(collectors);
                    String where = text + ", slices in the order " + Arrays.toString(order);
                    assertEquals(expected.totalHits, found.totalHits, where);
                    assertEquals(show(expected), show(found), where);
                }
            }
            // Of the 644 questions × 6 orders, this many slices matched items and queued none.
            assertEquals(51, emptySlices);
        } finally {
            GeneratedData.sharedEngine().search().index().release(h);
        }
    }

    @Test
    void noItemScoresAboveItsCeiling() throws IOException {
        for (var engine : List.of(GeneratedData.sharedEngine(), BundledData.sharedEngine())) {
            IndexHandle h = engine.search().index().acquire();
            try {
                QueryPlanner planner = new QueryPlanner(Vocabulary.load(BundledData.PROJECT_DATA));
                IndexSearcher s = new IndexSearcher(h.reader());
                long items = 0;
                for (String text : RelevanceQuestions.all()) {
                    TermTreeQuery tree = tree(planner.plan(text, new LuceneGeneration(h), QueryPlanner.USUAL).candidates());
                    if (tree == null) continue;
                    Weight w = s.createWeight(s.rewrite(tree), ScoreMode.COMPLETE, 1f);
                    for (LeafReaderContext leaf : h.reader().leaves()) {
                        Scorer scorer = w.scorer(leaf);
                        if (scorer == null) continue;
                        TermTreeScorer t = (TermTreeScorer) scorer;
                        for (int d = t.iterator().nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = t.iterator().nextDoc()) {
                            float score = t.score();
                            float ceiling = t.ceiling();
                            assertTrue(ceiling >= score, text + ": item " + d + " scores " + score + " above its ceiling " + ceiling);
                            items++;
                        }
                    }
                }
                assertTrue(items > h.reader().maxDoc(), items + " items checked");
            } finally {
                engine.search().index().release(h);
            }
        }
    }

    /**
     * {@code best}, each slice's own best checked: real items only, none of the queue's place
     * holders where another slice's best kept this one's queue from filling.
     */
    private static CollectorManager<BestByCeiling.Best, TopDocs> eachSliceChecked(BestByCeiling best) {
        return new CollectorManager<>() {
            @Override
            public BestByCeiling.Best newCollector() {
                return best.newCollector();
            }

            @Override
            public TopDocs reduce(Collection<BestByCeiling.Best> collectors) {
                for (BestByCeiling.Best c : collectors) {
                    for (ScoreDoc sd : c.topDocs().scoreDocs) {
                        assertTrue(sd.score >= 0 && sd.doc != Integer.MAX_VALUE, "a place holder among a slice's best: " + sd);
                    }
                }
                return null;
            }
        };
    }

    private static TermTreeQuery tree(Query candidates) {
        if (!(candidates instanceof BooleanQuery b)) return null;
        for (BooleanClause c : b.clauses()) if (c.query() instanceof TermTreeQuery t) return t;
        return null;
    }

    private static String show(TopDocs top) {
        StringBuilder b = new StringBuilder();
        for (ScoreDoc sd : top.scoreDocs) b.append(sd.doc).append(':').append(Integer.toHexString(Float.floatToIntBits(sd.score))).append(' ');
        assertNotNull(top.totalHits);
        return b.toString();
    }
}
