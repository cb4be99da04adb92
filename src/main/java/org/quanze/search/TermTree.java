package org.quanze.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.Similarity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link TermTreeQuery}'s trees compiled for one searcher: numbered nodes under one sum, each
 * term occurrence a leaf with the similarity its boost makes, and each distinct term (with its
 * statistics) and field once, for {@link TermTreeScorer} to read.
 *
 * @param terms  the distinct terms, numbered as the leaves refer to them
 * @param states per term, where each segment holds it
 * @param leaves per term, the leaves it scores
 * @param fields the distinct fields, numbered as the leaves refer to them
 * @param nodes  how many nodes the tree has, leaves included
 * @param root   the sum of the trees
 * @param bound  an upper bound of the score: every leaf at the best a term can score (any
 *               frequency, the shortest field)
 * @param reach  per term, the most the tree's score can gain from it, in units of its first leaf's
 *               score: an item's score is at most the sum, over the terms it holds, of this times
 *               the first leaf's score at the term's frequency in the shortest field ({@link #reach})
 */
record TermTree(List<Term> terms, List<TermStates> states, Leaf[][] leaves, List<String> fields, int nodes, Node root,
                float bound, float[] reach) {

    /**
     * A node of the compiled tree: a sum or a dismax of its children, or a term ({@link Leaf}).
     * Immutable and shared by every search of a plan; what a scorer notes per node is kept in the
     * scorer, by {@link #id}.
     */
    static class Node {
        static final int SUM = 0;
        static final int MAX = 1;

        final int id;
        final Node[] children;
        final int kind;
        final float tie;

        Node(int id, Node[] children, int kind, float tie) {
            this.id = id;
            this.children = children;
            this.kind = kind;
            this.tie = tie;
        }
    }

    /** An occurrence of a term in the tree, scored with the boost its ancestors give it. */
    static final class Leaf extends Node {
        final int term;
        final int field;
        final Similarity.SimScorer sim;
        /** The nodes above it: those a match of its term reaches. */
        final int[] ancestors;

        private static final Node[] NONE = new Node[0];

        Leaf(int id, int term, int field, Similarity.SimScorer sim, int[] ancestors) {
            super(id, NONE, -1, 0f);
            this.term = term;
            this.field = field;
            this.sim = sim;
            this.ancestors = ancestors;
        }
    }

    /** The trees' sum, compiled with the boost the sum is given (BooleanQuery passes it to each clause). */
    static TermTree compile(IndexSearcher searcher, List<Query> trees, float boost) throws IOException {
        Compiler c = new Compiler(searcher);
        int rootId = c.nodes++;
        List<Node> roots = new ArrayList<>();
        for (Query t : trees) {
            Node n = c.compile(t, boost, new int[] {rootId});
            if (n != null) roots.add(n);
        }
        Leaf[][] leaves = new Leaf[c.terms.size()][];
        for (int i = 0; i < leaves.length; i++) leaves[i] = c.leavesByTerm.get(i).toArray(Leaf[]::new);
        Node root = new Node(rootId, roots.toArray(Node[]::new), Node.SUM, 0f);
        return new TermTree(List.copyOf(c.terms), List.copyOf(c.states), leaves, List.copyOf(c.fields), c.nodes, root,
                bound(root), reach(root, leaves));
    }

    /**
     * Per term, its gain: the tree's score where the item holds that term alone, in units of the
     * term's first leaf. A term's leaves share its field and statistics, so the similarity makes
     * their scores in the ratio of their boosts at every frequency and length; the gain is the
     * tree evaluated on those ratios. Each node is monotone, scales with its children and is
     * subadditive (a sum; a dismax is (1 - tie) × max + tie × sum), so the tree's score on an item
     * is at most the sum of the gains of the terms it holds, each scaled by its first leaf's score
     * there, which the leaf's score in the shortest field bounds in turn.
     */
    private static float[] reach(Node root, Leaf[][] leaves) {
        float[] reach = new float[leaves.length];
        for (int t = 0; t < leaves.length; t++) {
            if (leaves[t].length == 0) continue;
            double unit = leaves[t][0].sim.score(1f, 1L);
            if (unit > 0) reach[t] = (float) gain(root, t, unit);
        }
        return reach;
    }

    private static double gain(Node n, int term, double unit) {
        if (n instanceof Leaf l) return l.term == term ? l.sim.score(1f, 1L) / unit : 0;
        double sum = 0;
        double max = 0;
        for (Node c : n.children) {
            double g = gain(c, term, unit);
            sum += g;
            max = Math.max(max, g);
        }
        return n.kind == Node.SUM ? sum : (1 - n.tie) * max + n.tie * sum;
    }

    private static float bound(Node n) {
        if (n instanceof Leaf l) return l.sim.score(Float.MAX_VALUE, 1L);
        double b = 0;
        for (Node c : n.children) b += bound(c);
        return Math.nextUp((float) b);
    }

    /** Numbers the nodes, and each distinct term and field once, as it compiles. */
    private static final class Compiler {
        final IndexSearcher searcher;
        final List<Term> terms = new ArrayList<>();
        final List<TermStates> states = new ArrayList<>();
        final List<List<Leaf>> leavesByTerm = new ArrayList<>();
        final List<String> fields = new ArrayList<>();
        int nodes;

        Compiler(IndexSearcher searcher) {
            this.searcher = searcher;
        }

        /** The tree as nodes, boosts multiplied down as Lucene's weights pass them; null where it holds no term of the index. */
        Node compile(Query q, float boost, int[] path) throws IOException {
            if (q instanceof BoostQuery b) return compile(b.getQuery(), b.getBoost() * boost, path);
            if (q instanceof TermQuery tq) return leaf(tq.getTerm(), boost, path);
            List<Query> children = new ArrayList<>();
            int kind;
            float tie = 0f;
            if (q instanceof BooleanQuery b) {
                for (BooleanClause c : b.clauses()) children.add(c.query());
                kind = Node.SUM;
            } else if (q instanceof DisjunctionMaxQuery d) {
                children.addAll(d.getDisjuncts());
                kind = Node.MAX;
                tie = d.getTieBreakerMultiplier();
            } else if (q instanceof MatchNoDocsQuery) {
                return null;
            } else {
                throw new IllegalArgumentException("not a tree of terms: " + q);
            }
            int id = nodes++;
            int[] below = Arrays.copyOf(path, path.length + 1);
            below[path.length] = id;
            List<Node> made = new ArrayList<>();
            for (Query c : children) {
                Node n = compile(c, boost, below);
                if (n != null) made.add(n);
            }
            // A node without children keeps its id (an unused slot in a scorer's arrays), never reached.
            if (made.isEmpty()) return null;
            return new Node(id, made.toArray(Node[]::new), kind, tie);
        }

        private Leaf leaf(Term t, float boost, int[] path) throws IOException {
            int term = terms.indexOf(t);
            if (term < 0) {
                term = terms.size();
                terms.add(t);
                states.add(TermStates.build(searcher, t, true));
                leavesByTerm.add(new ArrayList<>());
            }
            TermStates ts = states.get(term);
            // As TermWeight: a term in no segment is scored by no one.
            if (ts.docFreq() == 0) return null;
            if (!fields.contains(t.field())) fields.add(t.field());
            Similarity.SimScorer sim = searcher.getSimilarity().scorer(boost, searcher.collectionStatistics(t.field()),
                    searcher.termStatistics(t, ts.docFreq(), ts.totalTermFreq()));
            Leaf leaf = new Leaf(nodes++, term, fields.indexOf(t.field()), sim, path);
            leavesByTerm.get(term).add(leaf);
            return leaf;
        }
    }
}
