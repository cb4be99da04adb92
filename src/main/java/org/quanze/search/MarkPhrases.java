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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's marks as exact bigram phrases on the text fields, and where they occur in a page of
 * hits: each distinct bigram's postings (with offsets) are opened once per segment and read once
 * per hit, and every phrase is matched from those positions. Asking Lucene's phrase weights for
 * their {@code Matches} instead opened a phrase's postings once to find which hits hold it and
 * again for each hit that did, most of a search's highlighting on a small index.
 *
 * <p>A match is what an exact {@code PhraseQuery} reports: its first bigram's start offset, its
 * last bigram's end offset, and the phrase's terms joined by spaces as its label (what
 * Lucene's highlighter makes of a phrase's matches), so passages and their scores are unchanged.
 */
final class MarkPhrases {

    private static final QueryBuilder BIGRAMS = new QueryBuilder(Analyzers.bigrams());

    /** One mark in one field: its bigrams and their positions relative to the first. */
    private record Phrase(String field, Term[] terms, int[] positions, BytesRef label) {}

    /** Where a phrase occurs in one field of one hit. */
    record Match(int start, int end, BytesRef label) {}

    static final Comparator<Match> IN_TEXT_ORDER =
            Comparator.comparingInt(Match::start).thenComparingInt(Match::end).thenComparing(Match::label);

    private final List<Phrase> phrases;
    /**
     * Each distinct bigram, with its term states in the searcher's reader, looked up lazily per
     * segment: a plan's phrases serve every search of its generation at once, and these states
     * fill in as Lucene's own term weights share theirs between a search's slices.
     */
    private final Map<Term, TermStates> states;

    private MarkPhrases(List<Phrase> phrases, Map<Term, TermStates> states) {
        this.phrases = phrases;
        this.states = states;
    }

    /**
     * Each mark as a bigram phrase in each of {@code fields}; none for a mark without a bigram.
     * The bigram analyzer never stacks tokens, so a mark is one term or an exact phrase.
     */
    static MarkPhrases of(IndexSearcher searcher, List<String> marks, String[] fields) throws IOException {
        List<Phrase> phrases = new ArrayList<>();
        Map<Term, TermStates> states = new LinkedHashMap<>();
        for (String f : fields) {
            for (String m : marks) {
                Phrase p = phrase(f, BIGRAMS.createPhraseQuery(f, m, 0));
                if (p == null) continue;
                phrases.add(p);
                for (Term t : p.terms()) {
                    if (!states.containsKey(t)) states.put(t, TermStates.build(searcher, t, false));
                }
            }
        }
        return new MarkPhrases(List.copyOf(phrases), states);
    }

    private static Phrase phrase(String field, Query q) {
        if (q instanceof TermQuery tq) {
            return new Phrase(field, new Term[] {tq.getTerm()}, new int[] {0}, tq.getTerm().bytes());
        }
        if (q instanceof PhraseQuery pq && pq.getTerms().length > 0) {
            Term[] terms = pq.getTerms();
            int[] pos = pq.getPositions().clone();
            int first = pos[0];
            for (int i = 0; i < pos.length; i++) pos[i] -= first;
            StringBuilder label = new StringBuilder();
            for (Term t : terms) {
                if (!label.isEmpty()) label.append(' ');
                label.append(t.text());
            }
            return new Phrase(field, terms, pos, new BytesRef(label));
        }
        return null;
    }

    /**
     * For each hit (in the order given), its matches per field, each field's in text order; a hit
     * that holds no mark gets an empty map.
     */
    List<Map<String, List<Match>>> find(List<LeafReaderContext> leaves, int[] hits) throws IOException {
        List<Map<String, List<Match>>> out = new ArrayList<>(hits.length);
        for (int ignored : hits) out.add(new LinkedHashMap<>());
        if (phrases.isEmpty()) return out;
        FewDocs.inIndexOrder(leaves, hits, leaf -> {
            Map<Term, Occurrences> inLeaf = open(leaf);
            return (i, doc) -> {
                for (Occurrences o : inLeaf.values()) o.readAt(doc);
                Map<String, List<Match>> found = out.get(i);
                for (Phrase p : phrases) match(p, inLeaf, found);
                for (List<Match> ms : found.values()) ms.sort(IN_TEXT_ORDER);
            };
        });
        return out;
    }

    /** The postings of every bigram that occurs in this segment. */
    private Map<Term, Occurrences> open(LeafReaderContext leaf) throws IOException {
        Map<Term, Occurrences> out = new HashMap<>();
        for (Map.Entry<Term, TermStates> e : states.entrySet()) {
            IOSupplier<TermState> state = e.getValue().get(leaf);
            TermState s = state == null ? null : state.get();
            if (s == null) continue;
            Terms terms = leaf.reader().terms(e.getKey().field());
            if (terms == null) continue;
            TermsEnum te = terms.iterator();
            te.seekExact(e.getKey().bytes(), s);
            out.put(e.getKey(), new Occurrences(te.postings(null, PostingsEnum.OFFSETS)));
        }
        return out;
    }

    /** Every place the phrase's bigrams stand at their relative positions. */
    private static void match(Phrase p, Map<Term, Occurrences> inLeaf, Map<String, List<Match>> found) {
        Term[] terms = p.terms();
        Occurrences[] occ = new Occurrences[terms.length];
        for (int i = 0; i < terms.length; i++) {
            occ[i] = inLeaf.get(terms[i]);
            if (occ[i] == null || occ[i].count == 0) return;
        }
        Occurrences lead = occ[0];
        int last = terms.length - 1;
        for (int j = 0; j < lead.count; j++) {
            int base = lead.positions[j] - p.positions()[0];
            int endAt = j;
            boolean all = true;
            for (int i = 1; i <= last && all; i++) {
                endAt = occ[i].indexOf(base + p.positions()[i]);
                all = endAt >= 0;
            }
            if (all) {
                found.computeIfAbsent(p.field(), f -> new ArrayList<>())
                        .add(new Match(lead.starts[j], occ[last].ends[endAt], p.label()));
            }
        }
    }

    /** One bigram's positions and offsets in the hit its postings were last read at. */
    private static final class Occurrences {
        private final PostingsEnum postings;
        int count;
        int[] positions = new int[8];
        int[] starts = new int[8];
        int[] ends = new int[8];

        Occurrences(PostingsEnum postings) {
            this.postings = postings;
        }

        void readAt(int doc) throws IOException {
            count = 0;
            int at = postings.docID();
            if (at < doc) at = postings.advance(doc);
            if (at != doc) return;
            int freq = postings.freq();
            if (positions.length < freq) {
                positions = new int[freq];
                starts = new int[freq];
                ends = new int[freq];
            }
            for (int i = 0; i < freq; i++) {
                positions[i] = postings.nextPosition();
                starts[i] = postings.startOffset();
                ends[i] = postings.endOffset();
            }
            count = freq;
        }

        /** Where the bigram stands at {@code position} in this hit, or -1. Positions are read in increasing order. */
        int indexOf(int position) {
            int i = Arrays.binarySearch(positions, 0, count, position);
            return i >= 0 ? i : -1;
        }
    }
}
