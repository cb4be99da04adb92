package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;
import org.apache.lucene.util.QueryBuilder;
import org.quanze.index.Analyzers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's marks as exact bigram phrases on the text fields, and where they occur in a page of
 * hits. In each segment every distinct bigram's postings (with offsets) are read once for all the
 * page's hits in that segment, through one postings enum reused from bigram to bigram, and every
 * phrase is matched from those positions. Asking Lucene's phrase weights for their
 * {@code Matches} instead opened a phrase's postings once to find which hits hold it and again
 * for each hit that did; a postings enum of its own for each bigram was still a third of
 * marking on the bundled lists, most of it building the enums.
 *
 * <p>A match is what an exact {@code PhraseQuery} reports: its first bigram's start offset, its
 * last bigram's end offset, and the phrase's terms joined by spaces as its label (what
 * Lucene's highlighter makes of a phrase's matches), so passages and their scores are unchanged.
 */
final class MarkPhrases {

    private static final QueryBuilder BIGRAMS = new QueryBuilder(Analyzers.bigrams());

    /** One mark in one field: its bigrams (as indexes into the distinct terms) and their positions relative to the first. */
    private record Phrase(String field, int[] terms, int[] positions, BytesRef label) {}

    /** Where a phrase occurs in one field of one hit. */
    record Match(int start, int end, BytesRef label) {}

    static final Comparator<Match> IN_TEXT_ORDER =
            Comparator.comparingInt(Match::start).thenComparingInt(Match::end).thenComparing(Match::label);

    private final List<Phrase> phrases;
    /** The distinct bigrams, grouped by field, so one terms enum per field serves a segment. */
    private final Term[] terms;
    /**
     * Each distinct bigram's term states in the searcher's reader, looked up lazily per segment:
     * a plan's phrases serve every search of its generation at once, and these states fill in as
     * Lucene's own term weights share theirs between a search's slices.
     */
    private final TermStates[] states;

    private MarkPhrases(List<Phrase> phrases, Term[] terms, TermStates[] states) {
        this.phrases = phrases;
        this.terms = terms;
        this.states = states;
    }

    /**
     * Each mark as a bigram phrase in each of {@code fields}; none for a mark without a bigram.
     * The bigram analyzer never stacks tokens, so a mark is one term or an exact phrase.
     */
    static MarkPhrases of(IndexSearcher searcher, List<String> marks, String[] fields) throws IOException {
        List<Phrase> phrases = new ArrayList<>();
        Map<Term, Integer> ids = new LinkedHashMap<>();
        List<TermStates> states = new ArrayList<>();
        for (String f : fields) {
            for (String m : marks) {
                Query q = BIGRAMS.createPhraseQuery(f, m, 0);
                Term[] ts;
                int[] positions;
                if (q instanceof TermQuery tq) {
                    ts = new Term[] {tq.getTerm()};
                    positions = new int[] {0};
                } else if (q instanceof PhraseQuery pq && pq.getTerms().length > 0) {
                    ts = pq.getTerms();
                    positions = relative(pq.getPositions());
                } else {
                    continue;
                }
                int[] at = new int[ts.length];
                for (int i = 0; i < ts.length; i++) {
                    Integer id = ids.get(ts[i]);
                    if (id == null) {
                        id = ids.size();
                        ids.put(ts[i], id);
                        states.add(TermStates.build(searcher, ts[i], false));
                    }
                    at[i] = id;
                }
                phrases.add(new Phrase(f, at, positions, label(ts)));
            }
        }
        return new MarkPhrases(List.copyOf(phrases), ids.keySet().toArray(Term[]::new), states.toArray(TermStates[]::new));
    }

    private static int[] relative(int[] positions) {
        int[] pos = positions.clone();
        for (int i = 0; i < pos.length; i++) pos[i] -= positions[0];
        return pos;
    }

    private static BytesRef label(Term[] terms) {
        if (terms.length == 1) return terms[0].bytes();
        StringBuilder label = new StringBuilder();
        for (Term t : terms) {
            if (!label.isEmpty()) label.append(' ');
            label.append(t.text());
        }
        return new BytesRef(label);
    }

    /**
     * For each hit (in the order given), its matches per field, each field's in text order; a hit
     * that holds no mark gets an empty map.
     */
    List<Map<String, List<Match>>> find(List<LeafReaderContext> leaves, int[] hits) throws IOException {
        List<Map<String, List<Match>>> out = new ArrayList<>(hits.length);
        for (int ignored : hits) out.add(new LinkedHashMap<>());
        if (phrases.isEmpty()) return out;
        FewDocs.bySegment(leaves, hits, (leaf, which, docs) -> {
            Occurrences occ = read(leaf, docs);
            for (int j = 0; j < docs.length; j++) {
                Map<String, List<Match>> found = out.get(which[j]);
                for (Phrase p : phrases) match(p, occ, j, found);
                for (List<Match> ms : found.values()) ms.sort(IN_TEXT_ORDER);
            }
        });
        return out;
    }

    /** Every bigram's positions and offsets in each of {@code docs} (ascending, within the segment). */
    private Occurrences read(LeafReaderContext leaf, int[] docs) throws IOException {
        Occurrences occ = new Occurrences(terms.length, docs.length);
        String field = null;
        TermsEnum te = null;
        PostingsEnum postings = null;
        for (int t = 0; t < terms.length; t++) {
            IOSupplier<TermState> state = states[t].get(leaf);
            TermState s = state == null ? null : state.get();
            if (s == null) continue;
            if (!terms[t].field().equals(field)) {
                field = terms[t].field();
                Terms inField = leaf.reader().terms(field);
                te = inField == null ? null : inField.iterator();
            }
            if (te == null) continue;
            te.seekExact(terms[t].bytes(), s);
            postings = te.postings(postings, PostingsEnum.OFFSETS);
            for (int d = 0; d < docs.length; d++) {
                int at = postings.docID() < docs[d] ? postings.advance(docs[d]) : postings.docID();
                if (at == PostingsEnum.NO_MORE_DOCS) break;
                if (at == docs[d]) occ.read(t, d, postings);
            }
        }
        return occ;
    }

    /** Every place the phrase's bigrams stand at their relative positions in hit {@code d} of the segment. */
    private static void match(Phrase p, Occurrences occ, int d, Map<String, List<Match>> found) {
        int[] ts = p.terms();
        for (int t : ts) if (occ.count(t, d) == 0) return;
        int lead = ts[0];
        int last = ts.length - 1;
        for (int j = occ.first(lead, d), stop = j + occ.count(lead, d); j < stop; j++) {
            int base = occ.positions[j] - p.positions()[0];
            int endAt = j;
            for (int i = 1; i <= last && endAt >= 0; i++) endAt = occ.indexOf(ts[i], d, base + p.positions()[i]);
            if (endAt >= 0) {
                found.computeIfAbsent(p.field(), f -> new ArrayList<>()).add(new Match(occ.starts[j], occ.ends[endAt], p.label()));
            }
        }
    }

    /**
     * The bigrams' positions and offsets in a segment's hits, in flat arrays: bigram {@code t} in
     * hit {@code d} stands at {@code [first(t, d), first(t, d) + count(t, d))}, positions ascending.
     */
    private static final class Occurrences {
        private final int hits;
        private final int[] first;
        private final int[] count;
        int[] positions = new int[64];
        int[] starts = new int[64];
        int[] ends = new int[64];
        private int size;

        Occurrences(int terms, int hits) {
            this.hits = hits;
            this.first = new int[terms * hits];
            this.count = new int[terms * hits];
        }

        void read(int t, int d, PostingsEnum postings) throws IOException {
            int freq = postings.freq();
            if (size + freq > positions.length) {
                int n = Math.max(positions.length * 2, size + freq);
                positions = Arrays.copyOf(positions, n);
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
            }
            first[t * hits + d] = size;
            count[t * hits + d] = freq;
            for (int i = 0; i < freq; i++, size++) {
                positions[size] = postings.nextPosition();
                starts[size] = postings.startOffset();
                ends[size] = postings.endOffset();
            }
        }

        int first(int t, int d) {
            return first[t * hits + d];
        }

        int count(int t, int d) {
            return count[t * hits + d];
        }

        /** Where bigram {@code t} stands at {@code position} in hit {@code d}, or -1. */
        int indexOf(int t, int d, int position) {
            int from = first(t, d);
            int i = Arrays.binarySearch(positions, from, from + count(t, d), position);
            return i >= 0 ? i : -1;
        }
    }
}
