package org.quanze.web;

import io.javalin.http.Context;
import org.quanze.search.SearchRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates query parameters into requests; every rejection names the parameter and why. */
final class Params {

    static final int MAX_QUERY_CHARS = 1000;
    static final int MAX_SIZE = 100;
    /** Deep pages are refused instead of scanned: page × size may not pass this. */
    static final int MAX_WINDOW = 10_000;
    static final List<String> FACETS = List.of("type", "unit", "level", "statute", "source", "kind", "lawStatus");
    static final Set<String> SEARCH_PARAMS = Set.of("q", "type", "unit", "level", "statute", "source", "kind", "lawStatus",
            "page", "size", "sort", "explain");

    private Params() {}

    static SearchRequest search(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!SEARCH_PARAMS.contains(name) && !name.startsWith("_")) {
                throw ApiError.badParameter("unknown parameter '" + name + "'; facets are " + String.join(", ", FACETS)
                        + ", and the other parameters q, page, size, sort, explain");
            }
        }
        return request(ctx);
    }

    /** A download of a whole result set: the search's parameters, without paging, and a format. */
    record Export(String format, SearchRequest request) {}

    static final List<String> EXPORT_FORMATS = List.of("csv", "xlsx");
    /** At most this many items in one download. */
    static final int MAX_EXPORT = 10_000;

    static Export export(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (name.equals("page") || name.equals("size")) {
                throw ApiError.badParameter(name + " does not apply to an export, which holds every match (at most " + MAX_EXPORT + ")");
            }
            if (!SEARCH_PARAMS.contains(name) && !name.equals("format") && !name.startsWith("_")) {
                throw ApiError.badParameter("unknown parameter '" + name + "'; facets are " + String.join(", ", FACETS)
                        + ", and the other parameters q, sort and format");
            }
        }
        String format = single(ctx, "format");
        if (format == null || !EXPORT_FORMATS.contains(format)) {
            throw ApiError.badParameter("format must be csv or xlsx" + (format == null ? "" : ", not '" + abbreviate(format) + "'"));
        }
        return new Export(format, request(ctx));
    }

    private static SearchRequest request(Context ctx) {
        String q = single(ctx, "q");
        if (q != null && q.length() > MAX_QUERY_CHARS) {
            throw ApiError.badParameter("q is " + q.length() + " characters long; at most " + MAX_QUERY_CHARS + " are accepted");
        }
        int page = integer(ctx, "page", 1, 1, MAX_WINDOW);
        int size = integer(ctx, "size", 10, 1, MAX_SIZE);
        if ((long) page * size > MAX_WINDOW) {
            throw ApiError.badParameter("page " + page + " of size " + size + " reaches past result " + MAX_WINDOW
                    + "; narrow the search with facets instead of paging this deep");
        }
        String sort = single(ctx, "sort");
        if (sort != null && !sort.equals(SearchRequest.RELEVANCE) && !sort.equals(SearchRequest.BY_SOURCE)) {
            throw ApiError.badParameter("sort must be 'relevance' or 'source', not '" + sort + "'");
        }
        String explain = single(ctx, "explain");
        if (explain != null && !explain.equals("true") && !explain.equals("false")) {
            throw ApiError.badParameter("explain must be true or false");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String f : FACETS) {
            List<String> values = ctx.queryParams(f).stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
            for (String v : values) {
                if (v.length() > 200) throw ApiError.badParameter(f + " value is longer than 200 characters");
            }
            if (values.size() > 50) throw ApiError.badParameter("at most 50 values of " + f + " may be selected");
            if (!values.isEmpty()) filters.put(f, values);
        }
        return new SearchRequest(q, filters, page, size, sort, "true".equals(explain));
    }

    static String single(Context ctx, String name) {
        List<String> v = ctx.queryParams(name);
        if (v.size() > 1) throw ApiError.badParameter(name + " was given " + v.size() + " times; give it once");
        return v.isEmpty() ? null : v.get(0);
    }

    static int integer(Context ctx, String name, int dflt, int min, int max) {
        String v = single(ctx, name);
        if (v == null || v.isBlank()) return dflt;
        int n;
        try {
            n = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badParameter(name + " must be a whole number, not '" + abbreviate(v) + "'");
        }
        if (n < min || n > max) throw ApiError.badParameter(name + " must be between " + min + " and " + max + ", not " + n);
        return n;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
