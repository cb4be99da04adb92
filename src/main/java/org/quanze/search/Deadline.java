package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.Collection;

/**
 * Wraps a query so that walking its matches stops with {@link Exceeded} once the timeout says so.
 * {@link IndexSearcher#setTimeout} would be the usual tool, but it scores in windows through
 * {@code TimeLimitingBulkScorer}, and the drill-sideways scorer the faceted search runs on refuses
 * windows ("maxDoc must be Integer.MAX_VALUE"); so the check sits on the base query's iterators,
 * which every strategy of every searcher has to walk. It is checked every 256 documents.
 */
final class Deadline extends Query {

    /** Thrown from inside the search when time is up; carries no stack trace, it is not a bug. */
    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("search time limit exceeded", null, false, false);
        }
    }

    private final Query in;
    private final QueryTimeout timeout;

    Deadline(Query in, QueryTimeout timeout) {
        this.in = in;
        this.timeout = timeout;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query r = in.rewrite(searcher);
        return r == in ? this : new Deadline(r, timeout);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight w = in.createWeight(searcher, scoreMode, boost);
        return new FilterWeight(this, w) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
                ScorerSupplier s = in.scorerSupplier(ctx);
                if (s == null) return null;
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return new Timed(s.get(leadCost), timeout);
                    }

                    @Override
                    public long cost() {
                        return s.cost();
                    }

                    @Override
                    public void setTopLevelScoringClause() throws IOException {
                        s.setTopLevelScoringClause();
                    }
                };
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false; // one request's deadline must not be cached for another
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return in.toString(field);
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && in.equals(((Deadline) o).in) && timeout == ((Deadline) o).timeout;
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + in.hashCode();
    }

    /** The wrapped scorer: scores as before, its iterator checks the clock. */
    private static final class Timed extends Scorer {
        private final Scorer in;
        private final DocIdSetIterator iterator;
        private final TwoPhaseIterator twoPhase;

        Timed(Scorer in, QueryTimeout timeout) {
            this.in = in;
            TwoPhaseIterator tp = in.twoPhaseIterator();
            if (tp == null) {
                twoPhase = null;
                iterator = new Clock(in.iterator(), timeout);
            } else {
                twoPhase = new TwoPhaseIterator(new Clock(tp.approximation(), timeout)) {
                    @Override
                    public boolean matches() throws IOException {
                        return tp.matches();
                    }

                    @Override
                    public float matchCost() {
                        return tp.matchCost();
                    }
                };
                iterator = TwoPhaseIterator.asDocIdSetIterator(twoPhase);
            }
        }

        @Override public int docID() { return iterator.docID(); }
        @Override public DocIdSetIterator iterator() { return iterator; }
        @Override public TwoPhaseIterator twoPhaseIterator() { return twoPhase; }
        @Override public float score() throws IOException { return in.score(); }
        @Override public float getMaxScore(int upTo) throws IOException { return in.getMaxScore(upTo); }
        @Override public int advanceShallow(int target) throws IOException { return in.advanceShallow(target); }
        @Override public void setMinCompetitiveScore(float min) throws IOException { in.setMinCompetitiveScore(min); }
        @Override public Collection<ChildScorable> getChildren() throws IOException { return in.getChildren(); }
    }

    private static final class Clock extends DocIdSetIterator {
        private final DocIdSetIterator in;
        private final QueryTimeout timeout;
        private int calls;

        Clock(DocIdSetIterator in, QueryTimeout timeout) {
            this.in = in;
            this.timeout = timeout;
        }

        private void tick() {
            if ((calls++ & 255) == 0 && timeout.shouldExit()) throw new Exceeded();
        }

        @Override public int docID() { return in.docID(); }
        @Override public int nextDoc() throws IOException { tick(); return in.nextDoc(); }
        @Override public int advance(int target) throws IOException { tick(); return in.advance(target); }
        @Override public long cost() { return in.cost(); }
    }
}
