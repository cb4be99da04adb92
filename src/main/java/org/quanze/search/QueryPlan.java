package org.quanze.search;

import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.quanze.model.Statute;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One question, read once, as everything a search does with it. The same plan decides what
 * matches (the total, the facet counts and an export all count {@link #match()}), finds the
 * candidates (the {@link #candidates} query is the match set with a cheap score that Lucene can
 * prune by), ranks the best of them ({@link #rescore}) and marks what matched ({@link #highlight}).
 *
 * @param concepts   the question's concepts in order, each with how it is found in this index
 * @param statutes   statute references the question names (社会保险法第八十六条), resolved to the citation index
 * @param intents    power types the question's wording asks for (怎么处罚 → 行政处罚): ranking evidence
 * @param units      the offices that act which the question names ({@link NamedUnits}): ranking evidence
 * @param candidates the match set (a share of the concepts' presence, as a filter), scored by a
 *                   flat field-weighted sum over the words of the concepts' spellings (BM25);
 *                   matches every item for a question with nothing to search
 * @param required   how many of the found concepts an item must contain to match
 * @param fewest     the fewest concepts {@code required} may fall to where too few items hold more:
 *                   0 where a named article selects the items on its own, else 1
 * @param complete   items that contain every counted concept the index holds; null when that
 *                   needs no search (fewer than two)
 * @param ranking    the full ranking of a candidate (concept coverage, field weights, phrases), by part
 * @param marks      the spellings and quoted phrases to mark in the stored text, as typed or spelled
 * @param uncited    a statute reference whose article no item cites: the law's items answer it
 * @param samePowers per article the question names ({@code law/article}), the powers that cite it
 *                   (their {@link org.quanze.index.NameKey}s): the same powers where their list
 *                   gives no legal basis match too, after the items that cite it
 * @param weights    the plan's queries made ready to score, once per plan (see {@link Weights})
 */
record QueryPlan(List<Concept> concepts, List<Statute> statutes, List<String> intents, List<String> units, Query candidates, int required, int fewest, Query complete,
                 List<Part> ranking, List<String> marks, Statute uncited, Map<String, Set<String>> samePowers, Weights weights) {

    QueryPlan {
        concepts = List.copyOf(concepts);
        statutes = List.copyOf(statutes);
        intents = List.copyOf(intents);
        units = List.copyOf(units);
        marks = List.copyOf(marks);
        ranking = List.copyOf(ranking);
        samePowers = Map.copyOf(samePowers);
    }

    /**
     * The full ranking as one query (its parts' scores add up); null when there is nothing to rank
     * by. A concept's two parts are one {@link ConceptQuery} here, which scores them from one set of
     * scorers.
     */
    Query rescore() {
        if (ranking.isEmpty()) return null;
        // One instance per plan: its weight is looked up by it on every search, and a query built
        // afresh hashes its few hundred leaves again for each lookup.
        return weights.derived("rescore", this::rankingQuery);
    }

    private Query rankingQuery() {
        org.apache.lucene.search.BooleanQuery.Builder b = new org.apache.lucene.search.BooleanQuery.Builder();
        java.util.Set<Query> together = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Part p : ranking) {
            if (p.together() == null) b.add(p.query(), org.apache.lucene.search.BooleanClause.Occur.SHOULD);
            else if (together.add(p.together())) b.add(p.together(), org.apache.lucene.search.BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /**
     * One mechanism's part of the full ranking: a concept's best spelling by field
     * ({@link #WORDS}), a constant for where a concept was found ({@link #COVERAGE}), the question
     * as a phrase in one field ({@link #PHRASE}), a power type the wording asks for
     * ({@link #INTENT}), a statute the question names ({@link #STATUTE}), an office it names
     * ({@link #UNIT}), a quoted phrase
     * ({@link #QUOTED}), the same power as one that cites a named article, where its list gives no
     * legal basis ({@link #SAME_POWER}). {@code detail} says which concept, field, type, statute or phrase.
     * {@code together}, for a concept's {@code words} and {@code coverage}, is the query that
     * ranks both at once (the full ranking runs it; an explanation asks each part); else null.
     */
    record Part(String mechanism, String detail, Query query, ConceptQuery together) {
        static final String WORDS = "words";
        static final String COVERAGE = "coverage";
        static final String PHRASE = "phrase";
        static final String INTENT = "intent";
        static final String STATUTE = "statute";
        static final String UNIT = "unit";
        static final String QUOTED = "quoted";
        static final String SAME_POWER = "same-power";
        static final String SHARE = "share";
    }

    /** The match set without scores: for counting. */
    Query match() {
        return candidates instanceof MatchAllDocsQuery ? candidates : new ConstantScoreQuery(candidates);
    }

    /** Whether the question searched for something (words, phrases or statutes), not only browsing. */
    boolean searches() {
        return !(candidates instanceof MatchAllDocsQuery);
    }

    /**
     * One concept of the question and how this index finds it.
     *
     * @param surface   what the person typed
     * @param spellings its spellings: the typed one, the vocabulary's, the thesaurus's
     * @param found     whether any spelling occurs in the index (by words, or by bigrams where no word does)
     * @param counted   whether it counts towards {@link QueryPlan#required} and towards a hit's
     *                  missing words: not a lone character the vocabulary does not know (给, 的),
     *                  which says too little to require
     * @param common    whether most items contain it (see {@link ConceptReader#COMMON}): counted
     *                  towards the share but taken as present, never itself required
     * @param presence  items that contain it, in any field and any spelling; null when not found
     * @param score     its first-stage score: its spellings' words, each on its own (no positions), in
     *                  all fields and again in the name, BM25
     */
    record Concept(String surface, List<Spelling> spellings, boolean found, boolean counted, boolean common,
                   Query presence, Query score) {}

    /**
     * One way of writing a concept, as the word analyser cuts it, and how much a match of it
     * counts: the words typed fully, the vocabulary's official terms a little less, a general
     * thesaurus's near-synonyms less again.
     */
    record Spelling(List<String> words, float weight, String source) {
        static final String TYPED = "typed";
        static final String VOCABULARY = "vocabulary";
        static final String THESAURUS = "thesaurus";

        String text() {
            return String.join("", words);
        }
    }

    /**
     * The plan's queries made into weights once, on the generation its plan belongs to: a weight
     * holds the terms' statistics and is safe to share between threads and searches of the same
     * reader (Lucene shares one across a search's slices), so a repeated question does not look
     * up a few hundred terms again to rank a hundred candidates.
     */
    static final class Weights {
        private final org.quanze.model.Derived made = new org.quanze.model.Derived();

        org.apache.lucene.search.Weight of(org.apache.lucene.search.IndexSearcher generation, Query q,
                                           org.apache.lucene.search.ScoreMode mode) throws java.io.IOException {
            return made.get(java.util.List.of(q, mode), () -> generation.createWeight(generation.rewrite(q), mode, 1f));
        }

        /** The full ranking's weight, as {@link #of} makes it, without the phrases no item holds ({@link DeadPhrases}). */
        org.apache.lucene.search.Weight ranking(org.apache.lucene.search.IndexSearcher generation, Query q) throws java.io.IOException {
            return made.get(java.util.List.of("ranking", q), () -> generation.createWeight(
                    generation.rewrite(DeadPhrases.drop(generation, q)), org.apache.lucene.search.ScoreMode.COMPLETE, 1f));
        }

        /**
         * {@code q} as a query whose weight, whatever the search's score mode, is made once on
         * {@code generation} and then reused: for searches that take a query, not a weight
         * (a first pass through Lucene's facet collectors). Rewriting and weighting the match set
         * on every search was a tenth of a search on the bundled lists. Any searcher of the same
         * reader can run it; a boost other than 1 makes a weight of its own.
         */
        Query reusing(org.apache.lucene.search.IndexSearcher generation, Query q) {
            return new Query() {
                @Override
                public org.apache.lucene.search.Weight createWeight(org.apache.lucene.search.IndexSearcher searcher,
                                                                    org.apache.lucene.search.ScoreMode mode, float boost)
                        throws java.io.IOException {
                    if (boost != 1f) return searcher.rewrite(q).createWeight(searcher, mode, boost);
                    if (searcher.getIndexReader() != generation.getIndexReader()) {
                        throw new IllegalArgumentException("a plan's weights serve the reader of its generation only");
                    }
                    return Weights.this.of(generation, q, mode);
                }

                /**
                 * A leaf: the query it stands for is rewritten, and its clauses counted against
                 * the limit, where its weight is made, as a search of it would ({@code q}
                 * unrewritten has more clauses than it will search with).
                 */
                @Override
                public void visit(org.apache.lucene.search.QueryVisitor visitor) {
                    visitor.visitLeaf(this);
                }

                @Override
                public String toString(String field) {
                    return q.toString(field);
                }

                @Override
                public boolean equals(Object o) {
                    return o == this;
                }

                @Override
                public int hashCode() {
                    return System.identityHashCode(this);
                }
            };
        }

        /** Something else made once from the plan, by name (its full ranking's query, the marks' phrases). */
        <T, E extends Exception> T derived(String name, org.quanze.model.Derived.Compute<T, E> make) throws E {
            return made.get(name, make);
        }
    }
}
