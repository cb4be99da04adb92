package org.quanze.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A query that matches exactly the documents another matches, without scores and with fewer
 * clauses to iterate. Facet counts and totals need every match but no score, and a relevance
 * query says the same thing many times over: each concept as a phrase per spelling per field,
 * scored once and again for coordination (over a thousand clauses for a plain question). For
 * matching only, boosts and constant scores are dropped, nested disjunctions become one, the
 * same clause is kept once, a phrase is dropped where one of its terms already matches alone,
 * and optional clauses beside required ones are dropped (they change scores, never matches).
 */
final class MatchSet {

    private MatchSet() {}

    /** A constant-scoring query with the same matches as {@code q}. */
    static Query of(Query q) {
        return new ConstantScoreQuery(simplify(q));
    }

    static Query simplify(Query q) {
        if (q instanceof BoostQuery b) return simplify(b.getQuery());
        if (q instanceof ConstantScoreQuery c) return simplify(c.getQuery());
        if (q instanceof DisjunctionMaxQuery d) {
            Set<Query> any = new LinkedHashSet<>();
            for (Query s : d.getDisjuncts()) unionInto(s, any);
            return union(any);
        }
        if (q instanceof BooleanQuery bq) {
            List<Query> required = new ArrayList<>();
            List<Query> prohibited = new ArrayList<>();
            List<Query> optional = new ArrayList<>();
            for (BooleanClause c : bq.clauses()) {
                switch (c.occur()) {
                    case MUST, FILTER -> required.add(c.query());
                    case MUST_NOT -> prohibited.add(c.query());
                    case SHOULD -> optional.add(c.query());
                }
            }
            int msm = bq.getMinimumNumberShouldMatch();
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            if (!required.isEmpty() && msm == 0) {
                for (Query r : required) b.add(simplify(r), Occur.FILTER);
            } else if (required.isEmpty() && msm <= 1) {
                if (prohibited.isEmpty()) {
                    Set<Query> any = new LinkedHashSet<>();
                    for (Query o : optional) unionInto(o, any);
                    return union(any);
                }
                Set<Query> any = new LinkedHashSet<>();
                for (Query o : optional) unionInto(o, any);
                b.add(union(any), Occur.FILTER);
            } else {
                return q;
            }
            for (Query p : prohibited) b.add(p, Occur.MUST_NOT);
            return b.build();
        }
        return q;
    }

    /** Adds the alternatives of a disjunction to {@code any}, flattening nested disjunctions. */
    private static void unionInto(Query q, Set<Query> any) {
        if (q instanceof BoostQuery b) {
            unionInto(b.getQuery(), any);
        } else if (q instanceof ConstantScoreQuery c) {
            unionInto(c.getQuery(), any);
        } else if (q instanceof DisjunctionMaxQuery d) {
            for (Query s : d.getDisjuncts()) unionInto(s, any);
        } else if (q instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() <= 1
                && bq.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD)) {
            for (BooleanClause c : bq.clauses()) unionInto(c.query(), any);
        } else {
            any.add(simplify(q));
        }
    }

    /**
     * For highlighting with a field matcher that lets any query field mark any field: every
     * alternative of {@code q}'s disjunctions once, its field set to {@code field}. A clause that
     * requires (a quoted phrase, an exclusion) stays whole: the highlighter marks a field only
     * where the requirement holds in that field. The highlighter evaluates each leaf against each
     * hit and field, so the relevance query's copies of a leaf per field family and for
     * coordination cost it ten times over; since the field matcher ignores a leaf's field, leaves
     * differing only by field are the same to it. Empty when {@code q} has no positive leaf.
     */
    static List<Query> highlightLeaves(Query q, String field) {
        Set<Query> leaves = new LinkedHashSet<>();
        positiveLeaves(q, field, leaves);
        return new ArrayList<>(leaves);
    }

    /** The terms a leaf needs all of in one field to match there, or null when it is not a term or phrase. */
    static Term[] termsOf(Query leaf) {
        if (leaf instanceof TermQuery t) return new Term[] {t.getTerm()};
        if (leaf instanceof PhraseQuery p) return p.getTerms();
        return null;
    }

    private static void positiveLeaves(Query q, String field, Set<Query> out) {
        if (q instanceof BoostQuery b) {
            positiveLeaves(b.getQuery(), field, out);
        } else if (q instanceof ConstantScoreQuery c) {
            positiveLeaves(c.getQuery(), field, out);
        } else if (q instanceof DisjunctionMaxQuery d) {
            for (Query s : d.getDisjuncts()) positiveLeaves(s, field, out);
        } else if (q instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() <= 1
                && bq.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD)) {
            for (BooleanClause c : bq.clauses()) positiveLeaves(c.query(), field, out);
        } else if (q instanceof TermQuery t) {
            out.add(new TermQuery(new Term(field, t.getTerm().bytes())));
        } else if (q instanceof PhraseQuery p) {
            PhraseQuery.Builder pb = new PhraseQuery.Builder().setSlop(p.getSlop());
            Term[] terms = p.getTerms();
            int[] positions = p.getPositions();
            for (int i = 0; i < terms.length; i++) pb.add(new Term(field, terms[i].bytes()), positions[i]);
            out.add(pb.build());
        } else {
            out.add(q);
        }
    }

    private static Query union(Set<Query> any) {
        Set<Term> terms = new HashSet<>();
        for (Query q : any) if (q instanceof TermQuery t) terms.add(t.getTerm());
        List<Query> kept = new ArrayList<>();
        for (Query q : any) {
            // A phrase matches only where each of its terms does: covered by any of them alone.
            if (q instanceof PhraseQuery p && java.util.Arrays.stream(p.getTerms()).anyMatch(terms::contains)) continue;
            kept.add(q);
        }
        if (kept.isEmpty()) return new MatchNoDocsQuery("no alternative");
        if (kept.size() == 1) return kept.get(0);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : kept) b.add(q, Occur.SHOULD);
        return b.build();
    }
}
