package org.quanze.search;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;
import org.quanze.index.IndexHandle;
import org.quanze.testing.BundledData;
import org.quanze.testing.RelevanceQuestions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A concept's {@code words} and {@code coverage} parts, ranked from one set of scorers, score every
 * item of the bundled lists as the two standard queries they stand for (which an explanation
 * reports and the OpenSearch backend runs): the same items match, with the same score up to the
 * order floats are summed in. For every concept of every question of the three relevance sets.
 */
class ConceptQueryTest {

    @Test
    void aConceptScoresEveryItemAsItsTwoPartsDo() throws IOException {
        SearchService service = BundledData.sharedEngine().search();
        IndexHandle h = service.index().acquire();
        try {
            IndexSearcher s = new IndexSearcher(h.reader());
            int[] all = new int[h.reader().maxDoc()];
            for (int d = 0; d < all.length; d++) all[d] = d;
            int concepts = 0;
            int matches = 0;
            List<String> questions = RelevanceQuestions.all();
            for (String q : questions) {
                QueryPlan plan = service.planner().plan(q, new LuceneGeneration(h), QueryPlanner.USUAL);
                List<ConceptQuery> seen = new ArrayList<>();
                for (QueryPlan.Part p : plan.ranking()) {
                    if (p.together() == null || seen.stream().anyMatch(c -> c == p.together())) continue;
                    seen.add(p.together());
                    float[] together = scores(s, p.together(), all);
                    float[] parts = scores(s, p.together().expanded(), all);
                    for (int d = 0; d < all.length; d++) {
                        String what = q + " / " + p.detail() + " / doc " + d;
                        assertEquals(Float.isNaN(parts[d]), Float.isNaN(together[d]), what);
                        if (Float.isNaN(parts[d])) continue;
                        assertEquals(parts[d], together[d], parts[d] * 1e-6, what);
                        matches++;
                    }
                    concepts++;
                }
                // The full ranking holds each concept once, not its two parts.
                assertEquals(plan.ranking().size() - seen.size(), clauses(plan));
            }
            assertEquals(90, questions.size());
            assertTrue(concepts > questions.size(), concepts + " concepts");
            assertTrue(matches > concepts, matches + " items matched");
        } finally {
            service.index().release(h);
        }
    }

    private static float[] scores(IndexSearcher s, org.apache.lucene.search.Query q, int[] docs) throws IOException {
        Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE, 1f);
        return FewDocs.scores(w, s.getIndexReader(), docs);
    }

    private static int clauses(QueryPlan plan) {
        return plan.rescore() instanceof org.apache.lucene.search.BooleanQuery b ? b.clauses().size() : 0;
    }
}
