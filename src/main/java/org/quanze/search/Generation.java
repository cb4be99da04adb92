package org.quanze.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.quanze.statute.LawLibrary;

import java.util.Set;
import java.util.function.Supplier;

/**
 * One generation of the index, as reading a question needs to know it: how many items it holds,
 * in how many items a term occurs, how many a query matches, the terms of a keyword field, and
 * values worked out once per generation (question plans, known laws, facet counts). The embedded
 * index answers from its reader; a cluster answers from its counts.
 */
public interface Generation {

    /** The generation's name (gen-3; the cluster index behind the alias). */
    String name();

    /** Documents in the generation, powers and duties. */
    int items();

    /** Items in which the term occurs. */
    int docFreq(Term term);

    /** Items the query matches. */
    int count(Query query);

    /** Whether the query matches more than {@code limit} items: a backend may stop counting once it knows. */
    default boolean matchesMoreThan(Query query, long limit) {
        return count(query) > limit;
    }

    /**
     * The distinct values of a keyword field over the items the query matches, the smallest
     * {@code max} of them (the keys of the powers that cite an article: one per distinct power).
     */
    Set<String> values(Query query, String field, int max);

    /** Every term of a keyword field (the citations: a few hundred). */
    default Set<String> terms(String field) {
        return terms(field, "");
    }

    /**
     * The terms of a keyword field that start with {@code prefix} (one facet dimension's values
     * among every dimension's drill-down terms).
     */
    Set<String> terms(String field, String prefix);

    /** The statute library the generation's citations were checked against. */
    LawLibrary laws();

    /**
     * A value computed once for this generation and shared by every request on it: computing it
     * must not depend on the request, and the value must be immutable.
     */
    <T> T derived(String key, Supplier<T> compute);
}
