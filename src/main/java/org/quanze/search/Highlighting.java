package org.quanze.search;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LabelledCharArrayMatcher;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.quanze.index.Analyzers;
import org.quanze.index.DocumentMapper;
import org.quanze.index.Schema;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Snippets of the fields that matched. The plan's spellings become bigram phrases on every text
 * field, each made into a weight once per page; a walk over the page's hits says which hits hold
 * which phrase, and their {@link Matches} say where (offsets from the bigram fields' postings, so
 * no text is analysed again); only the matched fields' stored text is read. Passages are chosen and scored by Lucene's
 * {@link FieldHighlighter}, fed from those matches: the unified highlighter it comes from made a
 * new searcher and weight for every field of every hit, which was a fifth of a search on the
 * bundled lists. Its formatter returns plain-text spans, marked or not ({@link SpanFormatter}),
 * so no markup ever travels with the list's text.
 */
final class Highlighting {

    static final Map<String, String> LABELS = Map.of(
            Schema.NAME, "权力名称", Schema.BASIS, "设定依据", Schema.DUTIES, "责任事项",
            Schema.ACCOUNTABILITY, "追责情形", Schema.OTHER, "其他");
    static final String[] FIELDS = Schema.TEXT_FIELDS.stream().map(Schema::bigram).toArray(String[]::new);
    private static final QueryBuilder BIGRAMS = new QueryBuilder(Analyzers.bigrams());
    /** The text the highlighter looks at, as the unified highlighter cuts it. */
    private static final int MAX_LENGTH = UnifiedHighlighter.DEFAULT_MAX_LENGTH;
    private static final Comparator<Passage> IN_TEXT_ORDER = Comparator.comparingInt(Passage::getStartOffset);

    private Highlighting() {}

    /**
     * One list of snippets per hit, in the hits' order.
     *
     * @param made  the plan's weights, where the searcher searches the plan's generation: a
     *              repeated question then neither analyses its marks nor looks up their bigrams
     *              again; null to make them for this page alone
     * @param texts each hit's text fields as its record gives them ({@link DocumentMapper#texts}),
     *              which is what the bigram fields indexed: reading them from the record already
     *              parsed for the page spares a second stored-fields read (a seventh of
     *              highlighting on the bundled lists)
     */
    static List<List<SearchResult.Highlight>> highlight(IndexSearcher searcher, QueryPlan.Weights made, List<String> marks, int[] hits,
                                                         List<Map<String, String>> texts) throws IOException {
        // Which phrase occurs in which hit, one walk per phrase over the page: asking every
        // phrase for its matches in every hit opened postings that were mostly not there.
        List<List<Weight>> found = new ArrayList<>(hits.length);
        for (int ignored : hits) found.add(new ArrayList<>());
        for (Weight w : made == null ? weights(searcher, marks) : made.derived("highlight", () -> weights(searcher, marks))) {
            boolean[] in = FewDocs.matches(w, searcher.getIndexReader(), hits);
            for (int i = 0; i < hits.length; i++) if (in[i]) found.get(i).add(w);
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        SmallPassageScorer scorer = new SmallPassageScorer();
        SpanFormatter formatter = new SpanFormatter();
        List<List<SearchResult.Highlight>> out = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i], leaves));
            out.add(found.get(i).isEmpty() ? List.of() : snippets(leaf, hits[i], texts.get(i), found.get(i), scorer, formatter));
        }
        return out;
    }

    /** Each mark as a bigram phrase in each text field, made ready to match; none for a mark that has no bigram. */
    private static List<Weight> weights(IndexSearcher searcher, List<String> marks) throws IOException {
        List<Weight> out = new ArrayList<>();
        for (String f : FIELDS) {
            for (String m : marks) {
                Query q = BIGRAMS.createPhraseQuery(f, m, 0);
                if (q != null) out.add(searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f));
            }
        }
        return List.copyOf(out);
    }

    /** The snippets of one hit that mark something, in field order. */
    @SuppressWarnings("unchecked")
    private static List<SearchResult.Highlight> snippets(LeafReaderContext leaf, int hit, Map<String, String> texts, List<Weight> phrases,
                                                         PassageScorer scorer, SpanFormatter formatter) throws IOException {
        int doc = hit - leaf.docBase;
        Map<String, List<MatchesIterator>> matched = new LinkedHashMap<>();
        for (String f : FIELDS) matched.put(f, new ArrayList<>());
        for (Weight w : phrases) {
            Matches m = w.matches(leaf, doc);
            if (m == null) continue;
            for (String f : m) {
                MatchesIterator it = m.getMatches(f);
                if (it != null) matched.get(f).add(it);
            }
        }
        matched.values().removeIf(List::isEmpty);
        if (matched.isEmpty()) return List.of();
        List<SearchResult.Highlight> hs = new ArrayList<>();
        for (Map.Entry<String, List<MatchesIterator>> e : matched.entrySet()) {
            String text = texts.get(family(e.getKey()));
            if (text == null || text.isEmpty()) continue;
            if (text.length() > MAX_LENGTH) text = text.substring(0, MAX_LENGTH);
            FieldHighlighter fh = new FieldHighlighter(e.getKey(), new FromMatches(e.getKey(), MatchesUtils.disjunction(e.getValue())),
                    breakIterator(), scorer, 1, 0, formatter, IN_TEXT_ORDER);
            Object spans = fh.highlightFieldForDoc(leaf.reader(), doc, text);
            if (SpanFormatter.marks(spans)) {
                String fam = family(e.getKey());
                hs.add(new SearchResult.Highlight(fam, LABELS.get(fam), (List<SearchResult.Span>) spans));
            }
        }
        return hs;
    }

    /** Sentences, joined or cut towards 90 characters around the match. */
    private static BreakIterator breakIterator() {
        return LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), 90, 0.5f);
    }

    /** The offsets of one field's matches, already found, for the passage logic of {@link FieldHighlighter}. */
    private static final class FromMatches extends FieldOffsetStrategy {
        private final MatchesIterator matches;

        FromMatches(String field, MatchesIterator matches) {
            super(new UHComponents(field, f -> f.equals(field), new MatchNoDocsQuery(), new BytesRef[0], null,
                    new LabelledCharArrayMatcher[0], false, Set.of(UnifiedHighlighter.HighlightFlag.WEIGHT_MATCHES)));
            this.matches = matches;
        }

        @Override
        public UnifiedHighlighter.OffsetSource getOffsetSource() {
            return UnifiedHighlighter.OffsetSource.POSTINGS;
        }

        @Override
        public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) {
            return new OffsetsEnum.OfMatchesIteratorWithSubs(matches);
        }
    }

    /**
     * Lucene's passage score, computed the same way in the same order, without its per-passage
     * term hash: that allocates a 32 KB block for every passage considered, a third of all the
     * memory a search allocated (#6). A passage has a few matches; a scan finds repeated terms.
     */
    static final class SmallPassageScorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int hits = passage.getNumMatches();
            BytesRef[] matched = passage.getMatchTerms();
            BytesRef[] terms = new BytesRef[hits];
            int[] inPassage = new int[hits];
            int[] inDoc = new int[hits];
            int distinct = 0;
            for (int i = 0; i < hits; i++) {
                int t = 0;
                while (t < distinct && !terms[t].bytesEquals(matched[i])) t++;
                if (t == distinct) {
                    terms[distinct++] = matched[i];
                    inDoc[t] = passage.getMatchTermFreqsInDoc()[i];
                }
                inPassage[t]++;
            }
            double score = 0d;
            for (int t = 0; t < distinct; t++) score += tf(inPassage[t], passage.getLength()) * weight(contentLength, inDoc[t]);
            score *= norm(passage.getStartOffset());
            return (float) score;
        }
    }

    static String family(String field) {
        return field.endsWith(Schema.BIGRAM) ? field.substring(0, field.length() - Schema.BIGRAM.length()) : field;
    }
}
