package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.IOSupplier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sum of several trees of term queries (the concepts' first-stage scores: per concept, the
 * best spelling in all words and in the name, each spelling a bag of words), scored exactly as
 * {@link #expanded()} would be, but with each distinct term's postings read once per item. The
 * spellings of a question's concepts share most of their words (医保 is in a dozen spellings of
 * 医保 and 办医保), and as standard queries every occurrence of a word opened and advanced
 * postings of its own through every item of the match set: for 企业做假账少缴社保 at a million
 * items, 142 term scorers over 92 distinct terms, 13.8 million postings where 8.9 million are
 * distinct, all kept in one heap per disjunction.
 *
 * <p>A tree is made of {@link BooleanQuery} (SHOULD clauses only), {@link DisjunctionMaxQuery},
 * {@link BoostQuery} and {@link TermQuery} ({@link #accepts}). It is scored in Lucene's own
 * arithmetic, after Lucene's own rewriting: a term by the similarity with the boost its
 * ancestors pass down, a disjunction as the float of the double sum of its matching clauses, a
 * dismax as its best clause plus the others times the tie. A sum of a few floats is exact in a
 * double, so the order the clauses are added in does not change the float: the scores are equal
 * bit for bit ({@code TermTreeQueryTest}).
 */
public final class TermTreeQuery extends Query {

    private final List<Query> trees;
    /** {@link #hashCode()}, once computed; 0 until then (racy but idempotent, as {@code String}'s). */
    private int hash;

    /** @param trees queries that {@link #accepts} */
    TermTreeQuery(List<Query> trees) {
        if (!acceptsAll(trees)) throw new IllegalArgumentException("not trees of terms: " + trees);
        this.trees = List.copyOf(trees);
    }

    /** Whether every query is a tree this query can score ({@link #accepts}). */
    static boolean acceptsAll(List<Query> trees) {
        for (Query t : trees) if (!accepts(t)) return false;
        return !trees.isEmpty();
    }

    /** Whether the query is a tree this query can score: pure disjunctions, dismaxes and boosts over terms. */
    static boolean accepts(Query q) {
        if (q instanceof TermQuery || q instanceof MatchNoDocsQuery) return true;
        if (q instanceof BoostQuery b) return accepts(b.getQuery());
        if (q instanceof DisjunctionMaxQuery d) {
            for (Query c : d.getDisjuncts()) if (!accepts(c)) return false;
            return true;
        }
        if (q instanceof BooleanQuery b) {
            if (!pureDisjunction(b)) return false;
            for (BooleanClause c : b.clauses()) if (!accepts(c.query())) return false;
            return true;
        }
        return false;
    }

    /** SHOULD clauses only, one enough to match: as Lucene tells a disjunction it may inline. */
    private static boolean pureDisjunction(BooleanQuery b) {
        if (b.getMinimumNumberShouldMatch() > 1) return false;
        for (BooleanClause c : b.clauses()) if (c.occur() != BooleanClause.Occur.SHOULD) return false;
        return true;
    }

    private static Query standardSum(List<Query> trees) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query t : trees) b.add(t, BooleanClause.Occur.SHOULD);
        return b.build();
    }

    /** What this query scores like, as standard queries: for explanations, matches and the OpenSearch backend. */
    public Query expanded() {
        return standardSum(trees);
    }

    /**
     * As Lucene rewrites the standard sum: each tree rewritten, the nested disjunctions inlined
     * into the sum and repeated clauses made one with their boosts added. A score is exact only
     * over the same clauses, since each clause's score is rounded to a float before the sum.
     */
    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query standard = searcher.rewrite(expanded());
        List<Query> clauses = new ArrayList<>();
        if (standard instanceof BooleanQuery b && pureDisjunction(b)) {
            for (BooleanClause c : b.clauses()) clauses.add(c.query());
        } else {
            clauses.add(standard);
        }
        if (clauses.equals(trees)) return this;
        // Lucene's rewriting keeps these types; should it ever not, the standard sum scores as before.
        return acceptsAll(clauses) ? new TermTreeQuery(clauses) : standard;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        if (!scoreMode.needsScores()) return searcher.createWeight(searcher.rewrite(expanded()), scoreMode, boost);
        Query rewritten = searcher.rewrite(this);
        if (rewritten != this) return rewritten.createWeight(searcher, scoreMode, boost);
        return new TreeWeight(searcher, scoreMode, boost, TermTree.compile(searcher, trees, boost));
    }

    private final class TreeWeight extends Weight {
        private final IndexSearcher searcher;
        private final ScoreMode scoreMode;
        private final float boost;
        private final TermTree tree;
        private volatile Weight expandedWeight;

        TreeWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost, TermTree tree) {
            super(TermTreeQuery.this);
            this.searcher = searcher;
            this.scoreMode = scoreMode;
            this.boost = boost;
            this.tree = tree;
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
            PostingsEnum[] postings = new PostingsEnum[tree.terms().size()];
            long cost = 0;
            boolean any = false;
            for (int i = 0; i < postings.length; i++) {
                IOSupplier<TermState> supplier = tree.leaves()[i].length == 0 ? null : tree.states().get(i).get(context);
                TermState state = supplier == null ? null : supplier.get();
                if (state == null) continue;
                Term t = tree.terms().get(i);
                TermsEnum te = context.reader().terms(t.field()).iterator();
                te.seekExact(t.bytes(), state);
                postings[i] = te.postings(null, PostingsEnum.FREQS);
                cost += te.docFreq();
                any = true;
            }
            if (!any) return null;
            NumericDocValues[] norms = new NumericDocValues[tree.fields().size()];
            for (int f = 0; f < norms.length; f++) norms[f] = context.reader().getNormValues(tree.fields().get(f));
            long total = cost;
            return new ScorerSupplier() {
                @Override
                public Scorer get(long leadCost) {
                    return new TermTreeScorer(postings, tree, norms, total);
                }

                @Override
                public long cost() {
                    return total;
                }
            };
        }

        /** The standard form's weight, made on first use: explanations and matches are rare. */
        private Weight expanded() throws IOException {
            Weight w = expandedWeight;
            if (w == null) {
                w = searcher.createWeight(searcher.rewrite(TermTreeQuery.this.expanded()), scoreMode, boost);
                expandedWeight = w;
            }
            return w;
        }

        @Override
        public Explanation explain(LeafReaderContext context, int doc) throws IOException {
            return expanded().explain(context, doc);
        }

        @Override
        public Matches matches(LeafReaderContext context, int doc) throws IOException {
            return expanded().matches(context, doc);
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return true;
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor v = visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this);
        for (Query t : trees) t.visit(v);
    }

    @Override
    public String toString(String field) {
        return "terms-once(" + trees + ")";
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && trees.equals(((TermTreeQuery) o).trees);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(classHash(), trees);
            hash = h;
        }
        return h;
    }
}
