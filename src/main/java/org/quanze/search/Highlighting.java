package org.quanze.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.quanze.index.Analyzers;
import org.quanze.index.Schema;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Snippets of the fields that matched. The highlighter reads match offsets from the bigram
 * fields' postings (no re-analysis), accepts the word-field terms of the same family (SmartCN
 * words are mostly one bigram long), and its formatter returns plain-text spans, marked or not
 * ({@link SpanFormatter}), so no markup ever travels with the list's text.
 */
final class Highlighting {

    static final Map<String, String> LABELS = Map.of(
            Schema.NAME, "权力名称", Schema.BASIS, "设定依据", Schema.DUTIES, "责任事项",
            Schema.ACCOUNTABILITY, "追责情形", Schema.OTHER, "其他");
    static final String[] FIELDS = Schema.TEXT_FIELDS.stream().map(Schema::bigram).toArray(String[]::new);

    private Highlighting() {}

    /**
     * Highlights each hit with only the query's alternatives that can match in it: the distinct
     * leaves of the query (see {@link MatchSet#highlightLeaves}), and of those, per hit, the
     * ones that match in one of the hit's fields (a term present, a phrase's terms at their
     * relative positions), asked only of such fields. A leaf that does not match marks nothing
     * and adds nothing to a passage's score, so the snippets are those of the leaves'
     * disjunction; but the highlighter asks every leaf of its query about every field of every
     * hit, which for a plain question (hundreds of leaves) was most of a search's time on a small
     * index (#6). Positions come from the postings, as the offsets do: one seek per distinct term
     * and field, nothing re-analysed.
     */
    static List<List<SearchResult.Highlight>> highlight(IndexSearcher searcher, Query query, TopDocs docs) throws IOException {
        List<Query> leaves = MatchSet.highlightLeaves(query, FIELDS[0]);
        if (leaves.isEmpty()) return highlightExactly(searcher, query, docs);
        ScoreDoc[] hits = docs.scoreDocs;
        TermPresence present = TermPresence.of(searcher.getIndexReader(), hits, leaves, FIELDS);
        SpanFormatter.Highlighter uh = highlighter(searcher, new SmallPassageScorer());
        List<List<SearchResult.Highlight>> out = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            List<String> fields = new ArrayList<>();
            Set<Query> possible = new LinkedHashSet<>();
            for (int f = 0; f < FIELDS.length; f++) {
                boolean any = false;
                for (Query l : leaves) {
                    if (present.matches(l, i, f)) {
                        possible.add(l);
                        any = true;
                    }
                }
                if (any) fields.add(FIELDS[f]);
            }
            if (fields.isEmpty()) {
                out.add(List.of());
                continue;
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Query l : possible) b.add(l, BooleanClause.Occur.SHOULD);
            String[] fs = fields.toArray(String[]::new);
            int[] passages = new int[fs.length];
            Arrays.fill(passages, 1);
            Map<String, Object[]> snippets = uh.spans(fs, b.build(), new int[] {hits[i].doc}, passages);
            out.add(marked(fs, snippets, 0));
        }
        return out;
    }

    /** Highlights with the query as given (the relevance query's own structure, ten times the work). */
    static List<List<SearchResult.Highlight>> highlightExactly(IndexSearcher searcher, Query query, TopDocs docs) throws IOException {
        int[] passages = new int[FIELDS.length];
        Arrays.fill(passages, 1);
        int[] ids = Arrays.stream(docs.scoreDocs).mapToInt(sd -> sd.doc).toArray();
        Map<String, Object[]> snippets = highlighter(searcher, new PassageScorer()).spans(FIELDS, query, ids, passages);
        List<List<SearchResult.Highlight>> out = new ArrayList<>();
        for (int i = 0; i < docs.scoreDocs.length; i++) out.add(marked(FIELDS, snippets, i));
        return out;
    }

    private static SpanFormatter.Highlighter highlighter(IndexSearcher searcher, PassageScorer scorer) {
        return new SpanFormatter.Highlighter(UnifiedHighlighter.builder(searcher, Analyzers.bigrams())
                .withScorer(scorer)
                .withFormatter(new SpanFormatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), 90, 0.5f))
                .withMaxNoHighlightPassages(0)
                // Every family searches the same words, so any query field's terms may mark any field.
                .withFieldMatcher(queryField -> true)
                .withHighlightPhrasesStrictly(true));
    }

    /** The snippets of hit {@code i} that mark something, in field order. */
    @SuppressWarnings("unchecked")
    private static List<SearchResult.Highlight> marked(String[] fields, Map<String, Object[]> snippets, int i) {
        List<SearchResult.Highlight> hs = new ArrayList<>();
        for (String f : fields) {
            Object s = snippets.get(f)[i];
            if (SpanFormatter.marks(s)) {
                String fam = family(f);
                hs.add(new SearchResult.Highlight(fam, LABELS.get(fam), (List<SearchResult.Span>) s));
            }
        }
        return hs;
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

    /** Where each of the leaves' terms occurs in each hit's fields, read from the postings. */
    private record TermPresence(Map<BytesRef, int[][]> positions, int fields) {

        static TermPresence of(IndexReader reader, ScoreDoc[] hits, List<Query> leaves, String[] fields) throws IOException {
            Map<BytesRef, int[][]> positions = new HashMap<>();
            for (Query l : leaves) {
                Term[] terms = MatchSet.termsOf(l);
                if (terms != null) for (Term t : terms) positions.computeIfAbsent(t.bytes(), k -> new int[hits.length * fields.length][]);
            }
            List<LeafReaderContext> segments = reader.leaves();
            // Hits by segment, each segment's in doc order, so postings only advance.
            Integer[] order = new Integer[hits.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, Comparator.comparingInt(i -> hits[i].doc));
            PostingsEnum postings = null;
            for (int f = 0; f < fields.length; f++) {
                int from = 0;
                while (from < order.length) {
                    LeafReaderContext seg = segments.get(ReaderUtil.subIndex(hits[order[from]].doc, segments));
                    int to = from;
                    while (to < order.length && hits[order[to]].doc < seg.docBase + seg.reader().maxDoc()) to++;
                    Terms terms = seg.reader().terms(fields[f]);
                    if (terms != null) {
                        TermsEnum te = terms.iterator();
                        for (Map.Entry<BytesRef, int[][]> e : positions.entrySet()) {
                            if (!te.seekExact(e.getKey())) continue;
                            postings = te.postings(postings, PostingsEnum.POSITIONS);
                            for (int k = from; k < to; k++) {
                                int doc = hits[order[k]].doc - seg.docBase;
                                int at = postings.docID() >= doc ? postings.docID() : postings.advance(doc);
                                if (at == DocIdSetIterator.NO_MORE_DOCS) break;
                                if (at != doc) continue;
                                int[] pos = new int[postings.freq()];
                                for (int j = 0; j < pos.length; j++) pos[j] = postings.nextPosition();
                                e.getValue()[order[k] * fields.length + f] = pos;
                            }
                        }
                    }
                    from = to;
                }
            }
            return new TermPresence(positions, fields.length);
        }

        /**
         * Whether a term or phrase leaf matches in field {@code f} of hit {@code i}: its terms
         * at their relative positions (any positions for a sloppy phrase, which the highlighter
         * then checks itself). Leaves of other kinds may match anywhere.
         */
        boolean matches(Query leaf, int i, int f) {
            Term[] terms = MatchSet.termsOf(leaf);
            if (terms == null) return true;
            int[][] at = new int[terms.length][];
            for (int k = 0; k < terms.length; k++) {
                int[][] p = positions.get(terms[k].bytes());
                at[k] = p == null ? null : p[i * fields + f];
                if (at[k] == null) return false;
            }
            if (!(leaf instanceof PhraseQuery phrase) || phrase.getSlop() != 0) return true;
            int[] rel = phrase.getPositions();
            for (int start : at[0]) {
                boolean all = true;
                for (int k = 1; k < terms.length && all; k++) {
                    all = Arrays.binarySearch(at[k], start + rel[k] - rel[0]) >= 0;
                }
                if (all) return true;
            }
            return false;
        }
    }

    static String family(String field) {
        return field.endsWith(Schema.BIGRAM) ? field.substring(0, field.length() - Schema.BIGRAM.length()) : field;
    }
}
