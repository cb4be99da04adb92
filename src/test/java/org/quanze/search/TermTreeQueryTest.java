package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;
import org.quanze.Engine;
import org.quanze.index.IndexHandle;
import org.quanze.index.Schema;
import org.quanze.testing.BundledData;
import org.quanze.testing.RelevanceQuestions;
import org.quanze.testing.GeneratedData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TermTreeQuery} matches the items its standard form matches and scores each of them with
 * the same float, bit for bit: for the first stage of every judged, tuning and blind question,
 * on the bundled lists and on a generated corpus of 10,000 items, both as the
 * concepts' sum alone and inside the match set as the planner builds it; and for trees written to
 * reach its corners (a term twice in a bag, a term no item holds, a dismax with a tie, boosts
 * nested three deep).
 */
class TermTreeQueryTest {

    @Test
    void scoresEveryQuestionAsItsStandardFormOnTheBundledLists() throws IOException {
        int[] compared = compareQuestions(BundledData.sharedEngine());
        // Of the other 19 of the 90 questions, 17 have no concept to score (a statute or a quoted
        // phrase alone) and 2 a concept found only by its bigrams, whose phrases keep the standard form.
        assertEquals(71, compared[0], "questions read as term trees");
        // Not two empty answers: most questions' first stage reaches dozens of the 86 records.
        assertTrue(compared[1] > 2_000, compared[1] + " scored items compared");
    }

    @Test
    void scoresEveryQuestionAsItsStandardFormOnAGeneratedCorpus() throws IOException {
        int[] compared = compareQuestions(GeneratedData.sharedEngine());
        assertEquals(71, compared[0], "questions read as term trees");
        assertTrue(compared[1] > 200_000, compared[1] + " scored items compared");
    }

    @Test
    void scoresTheCornersOfLucenesArithmeticAsLuceneDoes() throws IOException {
        IndexHandle h = GeneratedData.sharedEngine().search().index().acquire();
        try {
            IndexSearcher s = h.searcher();
            Query twice = new BooleanQuery.Builder().add(all("医疗"), Occur.SHOULD).add(all("医疗"), Occur.SHOULD)
                    .add(all("保障"), Occur.SHOULD).build();
            Query missing = new BooleanQuery.Builder().add(all("医疗"), Occur.SHOULD).add(all("不存在的词语"), Occur.SHOULD).build();
            Query tie = new DisjunctionMaxQuery(List.of(new BoostQuery(all("处罚"), 2f), all("罚款"), name("处罚")), 0.3f);
            Query nested = new BoostQuery(new DisjunctionMaxQuery(List.of(new BoostQuery(
                    new BooleanQuery.Builder().add(new BoostQuery(name("医疗"), 1.7f), Occur.SHOULD).add(all("机构"), Occur.SHOULD).build(),
                    0.35f), all("医院")), 0f), 3f);
            List<Query> trees = List.of(twice, missing, tie, nested);
            int scored = compare(s, new TermTreeQuery(trees), standard(trees), "corners", 0);
            assertTrue(scored > 5_000, scored + " items");
            assertEquals(0, compare(s, new TermTreeQuery(List.of(missing(), missing())), standard(List.of(missing(), missing())), "nothing", 0));
        } finally {
            GeneratedData.sharedEngine().search().index().release(h);
        }
    }

    @Test
    void refusesWhatIsNotATreeOfTerms() {
        Query phrase = new PhraseQuery(Schema.ALL, "医疗", "保障");
        assertFalse(TermTreeQuery.acceptsAll(List.of(all("医疗"), phrase)));
        assertFalse(TermTreeQuery.acceptsAll(List.of(new BooleanQuery.Builder().add(all("医疗"), Occur.MUST).build())));
        assertFalse(TermTreeQuery.acceptsAll(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TermTreeQuery(List.of(phrase)));
    }

    /** {@code [questions read as term trees, items compared]} */
    private static int[] compareQuestions(Engine engine) throws IOException {
        IndexHandle h = engine.search().index().acquire();
        try {
            IndexSearcher s = h.searcher();
            QueryPlanner planner = new QueryPlanner(Vocabulary.load(BundledData.PROJECT_DATA));
            int questions = 0, items = 0;
            for (String text : RelevanceQuestions.all()) {
                QueryPlan p = planner.plan(text, new LuceneGeneration(h), QueryPlanner.USUAL);
                List<Query> trees = new ArrayList<>();
                for (QueryPlan.Concept c : p.concepts()) if (c.score() != null) trees.add(c.score());
                if (!TermTreeQuery.acceptsAll(trees)) continue;
                questions++;
                items += compare(s, new TermTreeQuery(trees), standard(trees), text, 0);
                // Where a concept's only spelling is one word, Lucene rewrote the standard
                // form's score clause that equals its presence filter into a required clause,
                // added to the rest as floats: the last bit may differ there.
                compare(s, p.candidates(), unfolded(p.candidates()), text + " (match set)", 1);
            }
            return new int[] {questions, items};
        } finally {
            engine.search().index().release(h);
        }
    }

    /** The planner's match set with the term trees as separate clauses, as it was built before them. */
    private static Query unfolded(Query candidates) {
        if (!(candidates instanceof BooleanQuery b)) return candidates;
        BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        for (BooleanClause c : b.clauses()) {
            if (c.query() instanceof TermTreeQuery t) {
                for (BooleanClause tc : ((BooleanQuery) t.expanded()).clauses()) out.add(tc.query(), Occur.SHOULD);
            } else {
                out.add(c);
            }
        }
        return out.build();
    }

    private static Query standard(List<Query> trees) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query t : trees) b.add(t, Occur.SHOULD);
        return b.build();
    }

    /** Asserts equal matches and scores at most {@code ulps} floats apart on every item; returns how many matched. */
    private static int compare(IndexSearcher s, Query actual, Query expected, String what, int ulps) throws IOException {
        Map<Integer, Float> a = scores(s, actual);
        Map<Integer, Float> e = scores(s, expected);
        assertEquals(e.keySet(), a.keySet(), what + ": matches");
        for (Map.Entry<Integer, Float> x : e.entrySet()) {
            int apart = Math.abs(Float.floatToIntBits(x.getValue()) - Float.floatToIntBits(a.get(x.getKey())));
            assertTrue(apart <= ulps, what + ": item " + x.getKey() + " " + x.getValue() + " vs " + a.get(x.getKey()));
        }
        return e.size();
    }

    private static Map<Integer, Float> scores(IndexSearcher s, Query q) throws IOException {
        Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE, 1f);
        Map<Integer, Float> out = new LinkedHashMap<>();
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer sc = w.scorer(leaf);
            if (sc == null) continue;
            var tp = sc.twoPhaseIterator();
            DocIdSetIterator it = tp == null ? sc.iterator() : tp.approximation();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if (tp != null && !tp.matches()) continue;
                out.put(leaf.docBase + d, sc.score());
            }
        }
        return out;
    }

    private static Query missing() {
        return all("不存在的词语");
    }

    private static Query all(String word) {
        return new TermQuery(new Term(Schema.ALL, word));
    }

    private static Query name(String word) {
        return new TermQuery(new Term(Schema.NAME, word));
    }
}
