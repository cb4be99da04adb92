package org.quanze.search;

import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocAndFloatFeatureBuffer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;

import java.io.IOException;
import java.util.Arrays;

/**
 * {@link TermTreeQuery}'s scorer on one segment. The terms are read a window of items at a time,
 * each term's postings in one sequential pass (as Lucene's {@code BooleanScorer} reads a
 * disjunction), into a list per item of the terms it holds; the tree is then evaluated on the
 * items the search asks for, over the terms each holds. Iterating a disjunction of a hundred terms
 * item by item kept them in a heap that every item of a dense match set reordered: 40 % of a
 * first pass at a million items. Each node knows the item it was last reached on, so only the
 * branches with a matching term are evaluated.
 */
final class TermTreeScorer extends Scorer {

    /** Items read per window: as BooleanScorer's, small enough for its arrays to stay in cache. */
    static final int WINDOW = 2048;
    /** How much {@link #ceiling} widens its sum, for the rounding on either side. */
    private static final double CEILING_MARGIN = 1.00001;

    private final PostingsEnum[] postings;
    private final TermTree.Leaf[][] leaves;
    private final TermTree.Node root;
    private final float maxScore;
    private final float[] reach;
    private final long cost;
    private final NumericDocValues[] norms;
    private final long[] normOf;
    private final int[] normDoc;
    /** Per node, the item it was last reached on through a matching term. */
    private final int[] reached;
    /** Per leaf, its score on the item it was last reached on. */
    private final float[] scores;

    /** The window: items {@code [start, start + WINDOW)}; which of them hold a term, and per item its first entry. */
    private int start = -1;
    private final long[] held = new long[WINDOW / 64];
    private final int[] first = new int[WINDOW];
    /** The window's entries (a term an item holds, with its frequency), chained per item through {@link #next}. */
    private int[] entryTerm = new int[WINDOW];
    private float[] entryFreq = new float[WINDOW];
    private final DocAndFloatFeatureBuffer batch = new DocAndFloatFeatureBuffer();
    private int[] next = new int[WINDOW];
    private int entries;
    private int doc = -1;
    private int scoredDoc = -1;
    private float score;

    /**
     * @param postings per distinct term of the tree, its postings on this segment (null where the segment lacks it)
     * @param norms    per field of the tree, its norms on this segment
     */
    TermTreeScorer(PostingsEnum[] postings, TermTree tree, NumericDocValues[] norms, long cost) {
        this.postings = postings;
        this.leaves = tree.leaves();
        this.root = tree.root();
        int nodes = tree.nodes();
        this.cost = cost;
        this.norms = norms;
        this.normOf = new long[norms.length];
        this.normDoc = new int[norms.length];
        Arrays.fill(normDoc, -1);
        this.reached = new int[nodes];
        Arrays.fill(reached, -1);
        this.scores = new float[nodes];
        this.maxScore = tree.bound();
        this.reach = tree.reach();
    }

    @Override
    public int docID() {
        return doc;
    }

    @Override
    public DocIdSetIterator iterator() {
        return iterator;
    }

    private final DocIdSetIterator iterator = new DocIdSetIterator() {
        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() throws IOException {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) throws IOException {
            return doc = TermTreeScorer.this.advance(target);
        }

        @Override
        public long cost() {
            return cost;
        }
    };

    /** The first item at or after {@code target} that holds a term. */
    private int advance(int target) throws IOException {
        while (true) {
            if (start >= 0 && target < start + WINDOW) {
                int i = nextHeld(Math.max(0, target - start));
                if (i >= 0) return start + i;
                target = start + WINDOW;
            }
            if (!read(target)) return DocIdSetIterator.NO_MORE_DOCS;
        }
    }

    private int nextHeld(int from) {
        int word = from >>> 6;
        if (word >= held.length) return -1;
        long bits = held[word] & (-1L << (from & 63));
        while (true) {
            if (bits != 0) return (word << 6) + Long.numberOfTrailingZeros(bits);
            if (++word == held.length) return -1;
            bits = held[word];
        }
    }

    /**
     * Reads the window that starts at the first item at or after {@code target} holding a term
     * (windows start where the terms do, so stretches that hold none are skipped); false when no
     * term has an item left.
     */
    private boolean read(int target) throws IOException {
        int from = DocIdSetIterator.NO_MORE_DOCS;
        for (PostingsEnum p : postings) {
            if (p == null) continue;
            int d = p.docID() < target ? p.advance(target) : p.docID();
            from = Math.min(from, d);
        }
        if (from == DocIdSetIterator.NO_MORE_DOCS) return false;
        start = from;
        int end = from > Integer.MAX_VALUE - WINDOW ? Integer.MAX_VALUE : from + WINDOW;
        Arrays.fill(held, 0L);
        entries = 0;
        for (int t = 0; t < postings.length; t++) {
            PostingsEnum p = postings[t];
            if (p == null) continue;
            // A block of postings at a time, decoded in bulk, as TermScorer reads them for scoring.
            for (p.nextPostings(end, batch); batch.size > 0; p.nextPostings(end, batch)) {
                if (entries + batch.size > entryTerm.length) grow(entries + batch.size);
                for (int k = 0; k < batch.size; k++) {
                    int i = batch.docs[k] - start;
                    entryTerm[entries] = t;
                    entryFreq[entries] = batch.features[k];
                    long bit = 1L << (i & 63);
                    next[entries] = (held[i >>> 6] & bit) == 0 ? -1 : first[i];
                    first[i] = entries++;
                    held[i >>> 6] |= bit;
                }
            }
        }
        return true;
    }

    private void grow(int needed) {
        int n = Math.max(needed, entryTerm.length * 2);
        entryTerm = Arrays.copyOf(entryTerm, n);
        entryFreq = Arrays.copyOf(entryFreq, n);
        next = Arrays.copyOf(next, n);
    }

    @Override
    public float score() throws IOException {
        if (doc == scoredDoc) return score;
        for (int e = first[doc - start]; e >= 0; e = next[e]) {
            float freq = entryFreq[e];
            for (TermTree.Leaf l : leaves[entryTerm[e]]) {
                scores[l.id] = l.sim.score(freq, norm(l.field, doc));
                reached[l.id] = doc;
                for (int a : l.ancestors) reached[a] = doc;
            }
        }
        scoredDoc = doc;
        score = evaluate(root, doc);
        return score;
    }

    /**
     * At least {@link #score()} on the current item, for a fraction of its cost: per term the item
     * holds, the term's {@link TermTree#reach} times its first leaf's score in the shortest field,
     * with no norms read and no tree evaluated. The sum is widened by a thousandth of a percent,
     * far more than the rounding of the few float additions on either side.
     */
    float ceiling() {
        double c = 0;
        for (int e = first[doc - start]; e >= 0; e = next[e]) {
            int t = entryTerm[e];
            c += reach[t] * leaves[t][0].sim.score(entryFreq[e], 1L);
        }
        return (float) (c * CEILING_MARGIN);
    }

    /** The node's score on the item, in the arithmetic of Lucene's scorer for it (see {@link TermTreeQuery}). */
    private float evaluate(TermTree.Node n, int doc) {
        if (n instanceof TermTree.Leaf) return scores[n.id];
        if (n.kind == TermTree.Node.SUM) {
            double sum = 0;
            for (TermTree.Node c : n.children) if (reached[c.id] == doc) sum += evaluate(c, doc);
            return (float) sum;
        }
        float max = 0;
        double others = 0;
        for (TermTree.Node c : n.children) {
            if (reached[c.id] != doc) continue;
            float s = evaluate(c, doc);
            if (s >= max) {
                others += max;
                max = s;
            } else {
                others += s;
            }
        }
        return (float) (max + others * n.tie);
    }

    /** The field's norm on the item, read once per item; 1 where the field keeps none (as TermScorer). */
    private long norm(int field, int doc) throws IOException {
        if (normDoc[field] != doc) {
            NumericDocValues nv = norms[field];
            normOf[field] = nv != null && nv.advanceExact(doc) ? nv.longValue() : 1L;
            normDoc[field] = doc;
        }
        return normOf[field];
    }

    @Override
    public float getMaxScore(int upTo) {
        return maxScore;
    }
}
