package org.quanze.search;

import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.quanze.model.Statute;

import java.util.List;

/**
 * One question, read once, as everything a search does with it. The same plan decides what
 * matches (the total, the facet counts and an export all count {@link #match()}), finds the
 * candidates (the {@link #candidates} query is the match set with a cheap score that Lucene can
 * prune by), ranks the best of them ({@link #rescore}) and marks what matched ({@link #highlight}).
 *
 * @param concepts   the question's concepts in order, each with how it is found in this index
 * @param statutes   statute references the question names (社会保险法第八十六条), resolved to the citation index
 * @param intents    power types the question's wording asks for (怎么处罚 → 行政处罚): ranking evidence
 * @param candidates the match set, scored by a flat field-weighted sum over the concepts' word
 *                   spellings (BM25); matches every item for a question with nothing to search
 * @param required   how many of the found concepts an item must contain to match
 * @param complete   items that contain every concept; null when that needs no search (one
 *                   concept, or a concept found nowhere)
 * @param rescore    the full ranking of a candidate (concept coverage, field weights, phrases);
 *                   null when there is nothing to rank by
 * @param highlight  the spellings to mark in the stored text; null when nothing is marked
 * @param uncited    a statute reference whose article no item cites: the law's items answer it
 */
record QueryPlan(List<Concept> concepts, List<Statute> statutes, List<String> intents, Query candidates, int required, Query complete,
                 Query rescore, Query highlight, Statute uncited) {

    QueryPlan {
        concepts = List.copyOf(concepts);
        statutes = List.copyOf(statutes);
        intents = List.copyOf(intents);
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
     * @param spellings its spellings as word sequences (the typed one and the vocabulary's)
     * @param found     whether any spelling occurs in the index (by words, or by bigrams where no word does)
     * @param counted   whether it counts towards {@link QueryPlan#required} and towards a hit's
     *                  missing words: not a lone character the vocabulary does not know (给, 的),
     *                  which says too little to require
     * @param common    whether most items contain it (see {@link QueryPlanner#COMMON}): counted
     *                  towards the share but taken as present, never itself required
     * @param presence  items that contain it, in any field and any spelling; null when not found
     * @param score     its first-stage score: the best field family's best spelling, BM25
     */
    record Concept(String surface, List<List<String>> spellings, boolean found, boolean counted, boolean common,
                   Query presence, Query score) {}
}
