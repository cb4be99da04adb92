package org.quanze.search;

import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.quanze.index.Suggestions;
import org.quanze.model.PowerRecord;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where the searches of {@link SearchService} run: the embedded Lucene index ({@link LuceneBackend})
 * or an OpenSearch cluster. The search logic (the plan, widening, paging, the rescore window,
 * missing words, partial answers) lives above this seam and is the same for both; a backend
 * executes what it is given, expressed as Lucene queries it runs or renders.
 */
public interface SearchBackend extends Closeable {

    /**
     * The generation serving now, held until the call is closed; the time limit starts at its
     * first search. {@code cores}: how many cores admission gave the call (at most {@link #cores()});
     * a backend that searches in slices uses no more threads than that.
     */
    Call begin(long timeLimitMillis, int cores) throws IOException;

    /** The generation serving now, without holding it (health, start-up messages). */
    Info current();

    /**
     * The value the serving generation has derived under {@code key} ({@link Generation#derived}),
     * or null where it has none yet: a lookup, so it neither holds the generation nor waits for a turn.
     */
    <T> T derivedIfPresent(String key) throws IOException;

    /** Cores one search keeps busy here: admission gives it as many turns. */
    int cores();

    /** A generation's name and item count, read together. */
    record Info(String generation, int items) {}

    /** One hit: its record, its score, and the backend's own reference to it. */
    record Found(PowerRecord record, float score, int doc) {}

    /** The exact number of matches and the best (or first, by source) of them. */
    record Top(long total, List<Found> hits) {}

    /**
     * A first pass and its ranking: exact total and facet counts over the match set, and one page of
     * hits ranked by the full score where a rescore is given.
     */
    record Ranked(long total, Map<String, List<SearchResult.FacetValue>> facets, List<Found> page) {}

    /**
     * The second stage: the first {@code window} candidates by the first-stage score are ranked by
     * {@code query}'s score plus {@code firstWeight} × their first-stage score; the rest follow in
     * first-stage order. {@code weights} keeps what a backend makes of the query for the next
     * time the same plan runs on the same generation.
     */
    record Rescore(Query query, int window, float firstWeight, QueryPlan.Weights weights) {
        public float combine(float first, boolean secondMatches, float second) {
            return (secondMatches ? second : 0f) + firstWeight * first;
        }
    }

    /**
     * The page's hits as documents a Lucene searcher reads: for highlights and missing words.
     * {@code generation}: the searcher searches the generation the question's plan was made on,
     * so the plan's weights serve it; not so for a page copied into an index of its own.
     */
    record PageDocs(IndexSearcher searcher, int[] docs, boolean generation) {}

    /** One search-like call on one generation. */
    interface Call extends AutoCloseable {

        Generation generation();

        /**
         * Counts the match set ({@code scored} under the filters) with its facets, and ranks the hits
         * {@code from}, {@code from + size}: by source order, or by the first stage and then
         * {@code rescore} (null: the first stage alone).
         */
        Ranked rank(Query scored, Filters filters, Rescore rescore, int from, int size, boolean bySource) throws IOException;

        /**
         * How many items match the query under the filters, counted up to {@code limit}: a count
         * of {@code limit} means at least that many. Far cheaper than {@link #rank}, which counts
         * every match with its facets and ranks a page.
         */
        long countUpTo(Query query, Filters filters, int limit) throws IOException;

        /** Whether any item matches the query under the filters. */
        default boolean any(Query query, Filters filters) throws IOException {
            return countUpTo(query, filters, 1) > 0;
        }

        /** The best {@code n} matches (by score, or in source order), with their records, and the exact total. */
        Top top(Query query, Filters filters, int n, boolean bySource) throws IOException;

        /** The hits as documents of a searcher whose text analysis is the index's. */
        PageDocs page(List<Found> hits) throws IOException;

        /** Why a hit scored what it did, both stages as {@code rescore} combines them. */
        Explanation explain(Query scored, Filters filters, Rescore rescore, Found hit) throws IOException;

        /** Counts of every facet value over the whole generation (powers and duties). */
        Map<String, List<SearchResult.FacetValue>> counts() throws IOException;

        List<Suggestions.Suggestion> suggest(String q, int n) throws IOException;

        /** Refuses the call once its time limit has passed or a search stopped early. */
        void checkTime() throws SearchRefused;

        @Override
        void close();
    }
}
