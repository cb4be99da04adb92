package org.quanze.search;

import java.util.List;
import java.util.Map;

/**
 * One search: the query as typed, facet filters (values of one facet OR-ed, facets AND-ed),
 * 1-based page, page size, sort ({@code relevance} or {@code source}) and whether to explain.
 */
public record SearchRequest(String q, Map<String, List<String>> filters, int page, int size, String sort,
                            boolean explain) {
    public static final String RELEVANCE = "relevance";
    public static final String BY_SOURCE = "source";
    /** The {@code kind} value that lifts the default power-only filter. */
    public static final String ALL_KINDS = "all";

    public SearchRequest {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        sort = sort == null ? RELEVANCE : sort;
    }

    public static SearchRequest of(String q) {
        return new SearchRequest(q, Map.of(), 1, 10, RELEVANCE, false);
    }
}
