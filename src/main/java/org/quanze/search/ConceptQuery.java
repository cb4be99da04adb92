package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One concept's two parts of the full ranking, {@code words} and {@code coverage}, computed from
 * one set of scorers. Both parts are made of the same per-family queries: {@code words} is their
 * dismax (each family's best spelling, the others adding a share), {@code coverage} a constant for
 * the best family the concept is found in. As two clauses, every family's postings were advanced
 * twice to each candidate, which was a third of the second stage. It scores exactly as
 * {@link #expanded()}, the two standard queries the explanation and the OpenSearch backend use
 * (floats summed in another order aside).
 */
public final class ConceptQuery extends Query {

    private final List<Query> families;
    private final float[] coordination;
    private final float tie;
    private final float wordsBoost;
    private final float coverageBoost;
    /** {@link #hashCode()}, once computed; 0 until then (racy but idempotent, as {@code String}'s). */
    private int hash;

    /**
     * @param families      the concept's query in each field family where it can occur
     * @param coordination  per family, what finding the concept there adds (before {@code coverageBoost})
     * @param tie           how much the families other than the best add to {@code words}
     */
    ConceptQuery(List<Query> families, float[] coordination, float tie, float wordsBoost, float coverageBoost) {
        if (families.size() != coordination.length) throw new IllegalArgumentException("one coordination per family");
        this.families = List.copyOf(families);
        this.coordination = coordination.clone();
        this.tie = tie;
        this.wordsBoost = wordsBoost;
        this.coverageBoost = coverageBoost;
    }

    /** The {@code words} part as a standard query. */
    Query words() {
        return new BoostQuery(new DisjunctionMaxQuery(families, tie), wordsBoost);
    }

    /** The {@code coverage} part as a standard query. */
    Query coverage() {
        List<Query> found = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) found.add(new BoostQuery(new ConstantScoreQuery(families.get(i)), coordination[i]));
        return new BoostQuery(new DisjunctionMaxQuery(found, 0f), coverageBoost);
    }

    /** Both parts as standard queries: what this query scores like. */
    public Query expanded() {
        return new BooleanQuery.Builder().add(words(), BooleanClause.Occur.SHOULD).add(coverage(), BooleanClause.Occur.SHOULD).build();
    }

    /** Families each made into another query (rewritten; {@link DeadPhrases}); this one when none changes. */
    ConceptQuery mapFamilies(Transform each) throws IOException {
        List<Query> mapped = new ArrayList<>(families.size());
        boolean changed = false;
        for (Query f : families) {
            Query m = each.apply(f);
            changed |= m != f;
            mapped.add(m);
        }
        return changed ? new ConceptQuery(mapped, coordination, tie, wordsBoost, coverageBoost) : this;
    }

    @FunctionalInterface
    interface Transform {
        Query apply(Query q) throws IOException;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        return mapFamilies(f -> f.rewrite(searcher));
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        List<Weight> weights = new ArrayList<>(families.size());
        // As the expanded form passes boosts down: BoostQuery multiplies its own into the one it gets.
        for (Query f : families) weights.add(searcher.createWeight(f, scoreMode, wordsBoost * boost));
        float[] found = new float[coordination.length];
        for (int i = 0; i < found.length; i++) found[i] = coordination[i] * (coverageBoost * boost);
        return new ConceptWeight(weights, found);
    }

    private final class ConceptWeight extends Weight {
        private final List<Weight> weights;
        private final float[] found;

        ConceptWeight(List<Weight> weights, float[] found) {
            super(ConceptQuery.this);
            this.weights = weights;
            this.found = found;
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
            List<ConceptScorer.Family> subs = new ArrayList<>();
            long cost = 0;
            for (int i = 0; i < weights.size(); i++) {
                ScorerSupplier s = weights.get(i).scorerSupplier(context);
                if (s == null) continue;
                ConceptScorer.Family f = new ConceptScorer.Family(s.get(Long.MAX_VALUE), i);
                subs.add(f);
                cost += f.cost;
            }
            if (subs.isEmpty()) return null;
            Scorer scorer = new ConceptScorer(subs, cost, found, tie);
            long total = cost;
            return new ScorerSupplier() {
                @Override
                public Scorer get(long leadCost) {
                    return scorer;
                }

                @Override
                public long cost() {
                    return total;
                }
            };
        }

        @Override
        public Matches matches(LeafReaderContext context, int doc) throws IOException {
            List<Matches> all = new ArrayList<>();
            for (Weight w : weights) {
                Matches m = w.matches(context, doc);
                if (m != null) all.add(m);
            }
            return MatchesUtils.fromSubMatches(all);
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) throws IOException {
            ScorerSupplier ss = scorerSupplier(context);
            Scorer s = ss == null ? null : ss.get(1);
            TwoPhaseIterator tp = s == null ? null : s.twoPhaseIterator();
            DocIdSetIterator approx = s == null ? null : tp == null ? s.iterator() : tp.approximation();
            if (approx == null || approx.advance(doc) != doc || (tp != null && !tp.matches())) {
                return Explanation.noMatch("the concept is in none of its fields");
            }
            List<Explanation> details = new ArrayList<>();
            for (Weight w : weights) {
                Explanation e = w.explain(context, doc);
                if (e.isMatch()) details.add(e);
            }
            return Explanation.match(s.score(), "words and coverage of one concept", details);
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            for (Weight w : weights) if (!w.isCacheable(ctx)) return false;
            return true;
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor v = visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this);
        for (Query f : families) f.visit(v);
    }

    @Override
    public String toString(String field) {
        return "concept(" + families + ", tie " + tie + ", words ×" + wordsBoost + ", coverage ×" + coverageBoost
                + " " + Arrays.toString(coordination) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && o instanceof ConceptQuery c && families.equals(c.families)
                && Arrays.equals(coordination, c.coordination) && tie == c.tie && wordsBoost == c.wordsBoost
                && coverageBoost == c.coverageBoost;
    }

    /**
     * Computed once: the query is immutable, and a plan's weights are looked up by queries that
     * hold it (hashing its families walks every spelling's leaves).
     */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(classHash(), families, Arrays.hashCode(coordination), tie, wordsBoost, coverageBoost);
            hash = h;
        }
        return h;
    }
}
