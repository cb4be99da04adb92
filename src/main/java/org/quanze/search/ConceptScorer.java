package org.quanze.search;

import org.apache.lucene.search.DisiWrapper;
import org.apache.lucene.search.DisjunctionDISIApproximation;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;

import java.io.IOException;
import java.util.List;

/**
 * The scorer of a {@link ConceptQuery}: iterates the union of the families, as a disjunction
 * does; on a match, each family that really matches (a phrase is checked once per item) gives
 * its score to {@code words} and its coordination to {@code coverage}.
 */
final class ConceptScorer extends Scorer {

    /** A family's scorer and where it stands among the concept's families. */
    static final class Family extends DisiWrapper {
        final int index;

        Family(Scorer scorer, int index) {
            super(scorer, false);
            this.index = index;
        }
    }

    private final List<Family> subs;
    private final DisjunctionDISIApproximation approximation;
    private final float[] found;
    private final float tie;
    private final boolean twoPhase;
    private final Family[] matched;
    private int matchedCount;
    private int checkedDoc = -1;

    ConceptScorer(List<Family> subs, long cost, float[] found, float tie) {
        boolean anyTwoPhase = false;
        for (Family f : subs) anyTwoPhase |= f.twoPhaseView != null;
        this.subs = subs;
        this.approximation = new DisjunctionDISIApproximation(subs, cost);
        this.found = found;
        this.tie = tie;
        this.twoPhase = anyTwoPhase;
        this.matched = new Family[subs.size()];
    }

    /** The families that match the current item, each checked once. */
    private void check() throws IOException {
        int doc = approximation.docID();
        if (doc == checkedDoc) return;
        matchedCount = 0;
        for (DisiWrapper w = approximation.topList(); w != null; w = w.next) {
            if (w.twoPhaseView == null || w.twoPhaseView.matches()) matched[matchedCount++] = (Family) w;
        }
        checkedDoc = doc;
    }

    @Override
    public int docID() {
        return approximation.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
        TwoPhaseIterator tp = twoPhaseIterator();
        return tp == null ? approximation : TwoPhaseIterator.asDocIdSetIterator(tp);
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
        if (!twoPhase) return null;
        return new TwoPhaseIterator(approximation) {
            @Override
            public boolean matches() throws IOException {
                check();
                return matchedCount > 0;
            }

            @Override
            public float matchCost() {
                float cost = 0;
                for (Family f : subs) cost += f.matchCost;
                return cost;
            }
        };
    }

    @Override
    public float score() throws IOException {
        check();
        // The dismax of the expanded form's words part, in the same arithmetic.
        float max = 0;
        double others = 0;
        float coverage = 0;
        for (int i = 0; i < matchedCount; i++) {
            float s = matched[i].scorer.score();
            if (s >= max) {
                others += max;
                max = s;
            } else {
                others += s;
            }
            coverage = Math.max(coverage, found[matched[i].index]);
        }
        float words = (float) (max + others * tie);
        return (float) ((double) words + coverage);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
        // An upper bound: every family at its best, each counted in full.
        double sum = 0;
        float coverage = 0;
        for (Family f : subs) sum += f.scorer.getMaxScore(upTo);
        for (float f : found) coverage = Math.max(coverage, f);
        return Math.nextUp((float) (sum + coverage));
    }
}
