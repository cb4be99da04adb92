package org.quanze.search;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
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
import org.quanze.index.DocumentMapper;
import org.quanze.index.Schema;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Snippets of the fields that matched. The plan's spellings become bigram phrases on every text
 * field ({@link MarkPhrases}, made once per plan and generation); their occurrences in the page's
 * hits come from the bigram fields' postings and offsets, so no text is analysed again, and only
 * the matched fields' text is cut into passages. Passages are chosen and scored by Lucene's
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
        MarkPhrases phrases = made == null ? MarkPhrases.of(searcher, marks, FIELDS)
                : made.derived("highlight", () -> MarkPhrases.of(searcher, marks, FIELDS));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Map<String, List<MarkPhrases.Match>>> found = phrases.find(leaves, hits);
        SmallPassageScorer scorer = new SmallPassageScorer();
        SpanFormatter formatter = new SpanFormatter();
        BreakIterator breaks = breakIterator();
        List<List<SearchResult.Highlight>> out = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i], leaves));
            out.add(found.get(i).isEmpty() ? List.of() : snippets(leaf, hits[i], texts.get(i), found.get(i), scorer, formatter, breaks));
        }
        return out;
    }

    /** The snippets of one hit that mark something, in field order. */
    @SuppressWarnings("unchecked")
    private static List<SearchResult.Highlight> snippets(LeafReaderContext leaf, int hit, Map<String, String> texts,
                                                         Map<String, List<MarkPhrases.Match>> matched,
                                                         PassageScorer scorer, SpanFormatter formatter, BreakIterator breaks)
            throws IOException {
        int doc = hit - leaf.docBase;
        List<SearchResult.Highlight> hs = new ArrayList<>();
        for (String f : FIELDS) {
            List<MarkPhrases.Match> ms = matched.get(f);
            if (ms == null) continue;
            String text = texts.get(family(f));
            if (text == null || text.isEmpty()) continue;
            if (text.length() > MAX_LENGTH) text = text.substring(0, MAX_LENGTH);
            FieldHighlighter fh = new FieldHighlighter(f, new FromMatches(f, ms), breaks, scorer, 1, 0, formatter, IN_TEXT_ORDER);
            Object spans = fh.highlightFieldForDoc(leaf.reader(), doc, text);
            if (SpanFormatter.marks(spans)) {
                String fam = family(f);
                hs.add(new SearchResult.Highlight(fam, LABELS.get(fam), (List<SearchResult.Span>) spans));
            }
        }
        return hs;
    }

    /** Sentences, joined or cut towards 90 characters around the match; one per page, each text set in turn. */
    private static BreakIterator breakIterator() {
        return LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(), 90, 0.5f);
    }

    /** The offsets of one field's matches, already found, for the passage logic of {@link FieldHighlighter}. */
    private static final class FromMatches extends FieldOffsetStrategy {
        private final List<MarkPhrases.Match> matches;

        FromMatches(String field, List<MarkPhrases.Match> matches) {
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
            return new InOrder(matches);
        }
    }

    /**
     * Matches in text order, each counted once in its hit, as Lucene's offsets from a query's
     * {@code Matches} are.
     */
    private static final class InOrder extends OffsetsEnum {
        private final List<MarkPhrases.Match> matches;
        private int at = -1;

        InOrder(List<MarkPhrases.Match> matches) {
            this.matches = matches;
        }

        @Override
        public boolean nextPosition() {
            return ++at < matches.size();
        }

        @Override
        public int freq() {
            return 1;
        }

        @Override
        public BytesRef getTerm() {
            return matches.get(at).label();
        }

        @Override
        public int startOffset() {
            return matches.get(at).start();
        }

        @Override
        public int endOffset() {
            return matches.get(at).end();
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
