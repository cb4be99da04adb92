package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.quanze.index.Analyzers;
import org.quanze.index.IndexHandle;
import org.quanze.testing.BundledData;
import org.quanze.testing.RelevanceQuestions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The marks' phrases are found where Lucene's own phrase queries report them: for the marks of
 * every judged, tuning and blind question over the bundled lists, and marks written to reach the
 * bigram analysis' corners (a lone Han character, digits beside Han, Latin, full-width, a mark
 * longer than any text), every item's matches per field (start, end, label) equal what each
 * mark's {@code PhraseQuery} or {@code TermQuery} on the bigram fields gives through
 * {@link Weight#matches}, occurrence for occurrence.
 */
class MarkPhrasesTest {

    private static final QueryBuilder BIGRAMS = new QueryBuilder(Analyzers.bigrams());

    @Test
    void findsEveryOccurrenceLucenesPhraseMatchesReport() throws Exception {
        SearchService search = BundledData.sharedEngine().search();
        IndexHandle h = search.index().acquire();
        try {
            IndexSearcher s = h.searcher();
            QueryPlanner planner = new QueryPlanner(Vocabulary.load(BundledData.PROJECT_DATA));
            Set<String> marks = new LinkedHashSet<>(List.of("罚", "2人", "不得少于2人", "CT", "ＣＴ检查", "医疗保障", "医保",
                    "社会保险法第八十六条", "定点医药机构违反服务协议管理办法的处理处罚权力事项名称很长很长"));
            for (String q : RelevanceQuestions.all()) marks.addAll(planner.plan(q, new LuceneGeneration(h), QueryPlanner.USUAL).marks());
            List<String> ms = List.copyOf(marks);
            int[] all = new int[s.getIndexReader().maxDoc()];
            for (int d = 0; d < all.length; d++) all[d] = d;
            List<Map<String, List<MarkPhrases.Match>>> found = MarkPhrases.of(s, ms, Highlighting.FIELDS).find(s.getIndexReader().leaves(), all);
            long occurrences = 0;
            for (int d = 0; d < all.length; d++) {
                Map<String, List<String>> expected = lucene(s, ms, d);
                Map<String, List<String>> actual = new TreeMap<>();
                for (Map.Entry<String, List<MarkPhrases.Match>> e : found.get(d).entrySet()) {
                    List<String> ls = new ArrayList<>();
                    for (MarkPhrases.Match m : e.getValue()) ls.add(m.start() + "-" + m.end() + " " + m.label().utf8ToString());
                    actual.put(e.getKey(), ls);
                    occurrences += ls.size();
                }
                assertEquals(expected, actual, "item " + d);
            }
            // Not two empty answers: the questions' marks occur thousands of times in the lists.
            assertTrue(marks.size() > 150, marks.size() + " marks");
            assertTrue(occurrences > 3_000, occurrences + " occurrences");
        } finally {
            search.index().release(h);
        }
    }

    /** Per field, in text order: what each mark's query reports through Lucene's Matches. */
    private static Map<String, List<String>> lucene(IndexSearcher s, List<String> marks, int doc) throws Exception {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Map<String, List<String>> labels = new TreeMap<>();
        for (String f : Highlighting.FIELDS) {
            for (String m : marks) {
                Query q = BIGRAMS.createPhraseQuery(f, m, 0);
                if (q == null) continue;
                Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
                Matches matches = w.matches(leaf, doc - leaf.docBase);
                if (matches == null) continue;
                MatchesIterator it = matches.getMatches(f);
                if (it == null) continue;
                String label = label(q);
                while (it.next()) {
                    labels.computeIfAbsent(f, x -> new ArrayList<>()).add(it.startOffset() + "-" + it.endOffset() + " " + label);
                }
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : labels.entrySet()) {
            List<String> sorted = new ArrayList<>(e.getValue());
            sorted.sort(java.util.Comparator.comparingInt((String x) -> Integer.parseInt(x.substring(0, x.indexOf('-'))))
                    .thenComparingInt(x -> Integer.parseInt(x.substring(x.indexOf('-') + 1, x.indexOf(' '))))
                    .thenComparing(x -> x.substring(x.indexOf(' ') + 1)));
            out.put(e.getKey(), sorted);
        }
        return out;
    }

    /** The query's terms joined by spaces, as Lucene's highlighter labels a phrase's match. */
    private static String label(Query q) {
        StringBuilder b = new StringBuilder();
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
                for (org.apache.lucene.index.Term t : terms) {
                    if (!b.isEmpty()) b.append(' ');
                    b.append(t.text());
                }
            }
        });
        return b.toString();
    }
}
