package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;
import org.quanze.index.IndexHandle;
import org.quanze.index.Schema;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The full ranking without the phrases no item holds scores every item exactly as before. */
class DeadPhrasesTest {

    private final SearchService service = BundledData.sharedEngine().search();

    @Test
    void everyJudgedRankingScoresEveryItemAsBefore() throws IOException {
        IndexHandle h = service.index().acquire();
        try {
            IndexSearcher s = new IndexSearcher(h.reader());
            int phrases = 0;
            int dropped = 0;
            for (String q : ExactCountsTest.judgedQuestions()) {
                QueryPlan plan = service.planner().plan(q, new LuceneGeneration(h), QueryPlanner.USUAL);
                Query full = plan.rescore();
                if (full == null) continue;
                Query pruned = DeadPhrases.drop(s, full);
                phrases += phrases(full);
                dropped += phrases(full) - phrases(pruned);
                assertArrayEquals(scores(s, full), scores(s, pruned), q);
            }
            // On the bundled lists most spellings of several words are in no item as a phrase.
            assertEquals(1537, phrases);
            assertEquals(967, dropped);
        } finally {
            service.index().release(h);
        }
    }

    @Test
    void dropsOnlyOptionalPhrasesThatOccurNowhere() throws IOException {
        IndexHandle h = service.index().acquire();
        try {
            IndexSearcher s = new IndexSearcher(h.reader());
            Query held = phrase("行政", "处罚");
            Query reversed = phrase("处罚", "行政");
            assertTrue(s.count(reversed) == 0 && s.getIndexReader().docFreq(new Term(Schema.NAME, "处罚")) > 0);
            assertSame(held, DeadPhrases.drop(s, held));
            assertInstanceOf(MatchNoDocsQuery.class, DeadPhrases.drop(s, reversed));
            assertInstanceOf(MatchNoDocsQuery.class, ((BoostQuery) DeadPhrases.drop(s, new BoostQuery(reversed, 2f))).getQuery());
            // A required phrase decides what matches: it stays, though it holds nothing.
            BooleanQuery must = new BooleanQuery.Builder().add(reversed, Occur.MUST).add(held, Occur.SHOULD).build();
            assertSame(must, DeadPhrases.drop(s, must));
            assertEquals(0, s.count(DeadPhrases.drop(s, must)));
        } finally {
            service.index().release(h);
        }
    }

    private static Query phrase(String... words) {
        return new PhraseQuery(Schema.NAME, words);
    }

    private static int phrases(Query q) {
        AtomicInteger n = new AtomicInteger();
        q.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void consumeTerms(Query query, Term... terms) {
                if (query instanceof PhraseQuery) n.incrementAndGet();
            }
        });
        return n.get();
    }

    /** Every item's score, or NaN where the query does not match it. */
    private static float[] scores(IndexSearcher s, Query q) throws IOException {
        float[] out = new float[s.getIndexReader().maxDoc()];
        java.util.Arrays.fill(out, Float.NaN);
        Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE, 1f);
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer sc = w.scorer(leaf);
            if (sc == null) continue;
            var it = sc.iterator();
            for (int d = it.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                out[leaf.docBase + d] = sc.score();
            }
        }
        return out;
    }
}
