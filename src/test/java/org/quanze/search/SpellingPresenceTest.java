package org.quanze.search;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.quanze.Engine;
import org.quanze.index.IndexHandle;
import org.quanze.index.Schema;
import org.quanze.testing.BundledData;
import org.quanze.testing.GeneratedData;
import org.quanze.testing.RelevanceQuestions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A concept's presence filter leaves out a spelling that holds another's words in a row, since
 * it matches only where that one does. The filter still finds exactly the items some spelling
 * occurs in: for every concept of the 90 relevance questions, on the bundled lists and on the 10k
 * generated corpus, adding every spelling back finds not one item more.
 */
class SpellingPresenceTest {

    @Test
    void aSpellingHoldingAnothersWordsInARowIsLeftOut() {
        List<QueryPlan.Spelling> s = spellings(List.of("乱", "收费"), List.of("多", "收", "钱"), List.of("价格", "违法", "违规", "行为"),
                List.of("收费"), List.of("多", "收"), List.of("价格", "违法"), List.of("收", "费"), List.of("价格", "违规"),
                List.of("多", "收"));
        List<String> kept = new ArrayList<>();
        for (QueryPlan.Spelling sp : s) if (!ConceptReader.holdsAnother(sp.words(), s)) kept.add(String.join(" ", sp.words()));
        // 收 费 does not hold 收费 (other words), 价格 违规 is not in a row in 价格 违法 违规 行为,
        // and of two equal spellings the first stays.
        assertEquals(List.of("收费", "多 收", "价格 违法", "收 费", "价格 违规"), kept);
    }

    @Test
    void presenceFindsWhatEverySpellingFindsOnTheBundledLists() throws IOException {
        // 64 of the questions' concepts have a spelling that holds another.
        assertEquals(64, compare(BundledData.sharedEngine()));
    }

    @Test
    void presenceFindsWhatEverySpellingFindsOnAGeneratedCorpus() throws IOException {
        assertEquals(64, compare(GeneratedData.sharedEngine()));
    }

    /** The number of concepts compared that have a spelling holding another. */
    private static int compare(Engine engine) throws IOException {
        IndexHandle h = engine.search().index().acquire();
        try {
            IndexSearcher s = new IndexSearcher(h.reader());
            QueryPlanner planner = new QueryPlanner(Vocabulary.load(BundledData.PROJECT_DATA));
            int reduced = 0;
            for (String text : RelevanceQuestions.all()) {
                for (QueryPlan.Concept c : planner.plan(text, new LuceneGeneration(h), QueryPlanner.USUAL).concepts()) {
                    if (c.presence() == null) continue;
                    BooleanQuery.Builder every = new BooleanQuery.Builder().add(c.presence(), Occur.SHOULD);
                    boolean leftOut = false;
                    for (QueryPlan.Spelling sp : c.spellings()) {
                        every.add(Rescoring.words(Schema.ALL, sp.words()), Occur.SHOULD);
                        leftOut |= ConceptReader.holdsAnother(sp.words(), c.spellings());
                    }
                    assertEquals(s.count(every.build()), s.count(c.presence()), text + ": " + c.surface());
                    if (leftOut) reduced++;
                }
            }
            return reduced;
        } finally {
            engine.search().index().release(h);
        }
    }

    private static List<QueryPlan.Spelling> spellings(List<?>... paths) {
        List<QueryPlan.Spelling> out = new ArrayList<>();
        for (List<?> p : paths) {
            List<String> words = new ArrayList<>();
            for (Object w : p) words.add((String) w);
            out.add(new QueryPlan.Spelling(words, 1f, QueryPlan.Spelling.TYPED));
        }
        return out;
    }
}
