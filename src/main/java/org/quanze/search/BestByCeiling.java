package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TotalHits;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The best {@code n} matches by score and the exact total, as Lucene's
 * {@code TopScoreDocCollectorManager(n, Integer.MAX_VALUE)} gives them, without scoring the
 * matches that cannot be among them. Counting needs every match, so Lucene cannot skip any, and
 * its collector scores each: at a million items a question matches up to 865k, and scoring them
 * was a third of the first pass. Where the first stage's score is a {@link TermTreeQuery}'s alone
 * ({@link #applies}), an item is first given its {@link TermTreeScorer#ceiling}, a bound read
 * from the terms it holds, and scored only where that reaches the {@code n}th best score so far:
 * of this slice, or of any other (each slice publishes its own once it has {@code n}; the
 * {@code n}th best of all is at least as high). An item passed over scores less than {@code n}
 * others, so the best {@code n}, their scores and their order are Lucene's.
 */
final class BestByCeiling implements CollectorManager<BestByCeiling.Best, TopDocs> {

    private final int n;
    /** The highest {@code n}th best score any slice has published, as float bits (positive floats order as their bits). */
    private final AtomicInteger floor = new AtomicInteger(Float.floatToIntBits(0f));
    /** How many matches were scored, of all slices: what the ceiling saved is the total less this. */
    private final LongAdder scored = new LongAdder();

    BestByCeiling(int n) {
        this.n = n;
    }

    /**
     * Whether {@code scored}'s score is its {@link TermTreeQuery}'s alone: a filter (no score),
     * exclusions and the tree as the one scoring clause.
     */
    static boolean applies(Query scored) {
        if (!(scored instanceof BooleanQuery b) || b.getMinimumNumberShouldMatch() > 0) return false;
        int trees = 0;
        for (BooleanClause c : b.clauses()) {
            switch (c.occur()) {
                case FILTER, MUST_NOT -> {}
                case SHOULD -> {
                    if (!(c.query() instanceof TermTreeQuery)) return false;
                    trees++;
                }
                case MUST -> {
                    return false;
                }
            }
        }
        return trees == 1;
    }

    @Override
    public Best newCollector() {
        return new Best();
    }

    @Override
    public TopDocs reduce(Collection<Best> collectors) {
        TopDocs[] each = new TopDocs[collectors.size()];
        int i = 0;
        for (Best c : collectors) each[i++] = c.topDocs();
        return TopDocs.merge(0, n, each);
    }

    /** The matches scored so far, of all slices. */
    long scored() {
        return scored.sum();
    }

    private void publish(float score) {
        int bits = Float.floatToIntBits(score);
        for (int seen = floor.get(); bits > seen && !floor.compareAndSet(seen, bits); seen = floor.get()) {
            // another slice published meanwhile: try again unless its score is higher
        }
    }

    /** One slice's best, in a queue of {@code n} as Lucene's collector keeps it. */
    final class Best extends TopDocsCollector<ScoreDoc> {
        private long scoredHere;
        /** Items put in the queue: fewer than the matches where another slice's best kept them out. */
        private int queued;

        Best() {
            super(new HitQueue(n, true));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        /** The queue's items, not its place holders: the total counts matches this slice never queued. */
        @Override
        protected int topDocsSize() {
            return Math.min(queued, pq.size());
        }

        /**
         * With the total even where the queue holds none: Lucene's collector answers an empty
         * queue with no hits at all, which for it means no matches, but here a slice whose every
         * match fell below another slice's best queues none and still counts them.
         */
        @Override
        protected TopDocs newTopDocs(ScoreDoc[] results, int start) {
            return new TopDocs(new TotalHits(totalHits, totalHitsRelation), results == null ? new ScoreDoc[0] : results);
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            int docBase = context.docBase;
            return new LeafCollector() {
                private Scorable scorer;
                private TermTreeScorer tree;
                private DocIdSetIterator treeDocs;
                /** The queue's least: a sentinel scored negative infinity until the queue holds {@code n}. */
                private ScoreDoc least = pq.top();

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    this.tree = tree(scorer);
                    this.treeDocs = tree == null ? null : tree.iterator();
                }

                @Override
                public void collect(int doc) throws IOException {
                    totalHits++;
                    if (tree != null) {
                        float bar = Math.max(least.score, Float.intBitsToFloat(floor.get()));
                        if (bar > 0) {
                            int d = treeDocs.docID();
                            if (d < doc) d = treeDocs.advance(doc);
                            // Where the item holds none of the tree's terms, the filter's score (none) is all it has.
                            if ((d == doc ? tree.ceiling() : 0f) < bar) return;
                        }
                    }
                    scoredHere++;
                    float score = scorer.score();
                    // Items come in order, and the queue prefers the lower item on equal scores.
                    if (score <= least.score) return;
                    queued++;
                    least.doc = doc + docBase;
                    least.score = score;
                    least = pq.updateTop();
                    if (least.score != Float.NEGATIVE_INFINITY) publish(least.score);
                }

                @Override
                public void finish() {
                    scored.add(scoredHere);
                    scoredHere = 0;
                }
            };
        }
    }

    /**
     * The tree's scorer under {@code s}, through the wrappers collectors put around a scorer and
     * the optional side of a required-and-optional scorer; null where it is not there (a segment
     * without the tree's terms). The required side is never asked for its children: under a time
     * limit Lucene scores in windows and hands the collector the scorer again at each, positioned
     * on a match it has still to verify, and a disjunction asked for its children then verifies
     * its phrases once more than it should; at a million items that lost a match
     * ({@code BestByCeilingTest} searches under a time limit for this).
     */
    private static TermTreeScorer tree(Scorable s) throws IOException {
        if (s instanceof TermTreeScorer t) return t;
        for (Scorable.ChildScorable c : s.getChildren()) {
            if ("MUST".equals(c.relationship())) continue;
            TermTreeScorer t = tree(c.child());
            if (t != null) return t;
        }
        return null;
    }
}
