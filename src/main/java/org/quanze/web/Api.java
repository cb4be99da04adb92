package org.quanze.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.search.SearchRequest;
import org.quanze.search.SearchResult;
import org.quanze.search.SearchService;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The API handlers: each validates, calls the search service and writes JSON. */
final class Api {

    static final int RELATED = 5;
    static final String ANSWER_CACHE = "X-Answer-Cache";
    static final int SUGGESTIONS = 10;

    private final SearchService search;
    private final BooleanSupplier rebuilding;
    private final StatuteApi statutes;
    private final AnswerCache answers;

    Api(SearchService search, BooleanSupplier rebuilding, StatuteApi statutes, AnswerCache answers) {
        this.search = search;
        this.rebuilding = rebuilding;
        this.statutes = statutes;
        this.answers = answers;
    }

    /**
     * A search's answer, from the answer cache when the same request was answered on the serving
     * generation; a client that says {@code Cache-Control: no-cache} gets a fresh search, and
     * explanations are always worked out afresh. {@code X-Answer-Cache} says which it was.
     */
    void search(Context ctx) throws IOException {
        SearchRequest req = Params.search(ctx);
        String generation = search.current().generation();
        String control = ctx.header("Cache-Control");
        boolean reuse = !req.explain() && (control == null || !control.toLowerCase(java.util.Locale.ROOT).contains("no-cache"));
        byte[] answer = reuse ? answers.get(generation, req) : null;
        ctx.header(ANSWER_CACHE, answer != null ? "hit" : reuse ? "miss" : "bypass");
        if (answer == null) {
            SearchResult result = search.search(req);
            Map<String, Object> statute = statutes.answer(req.q());
            if (statute == null) {
                // Written as it is: a tree first (to add the statute) cost as much again as the writing.
                answer = Json.MAPPER.writeValueAsBytes(result);
            } else {
                ObjectNode body = Json.MAPPER.valueToTree(result);
                body.set("statute", Json.MAPPER.valueToTree(statute));
                answer = Json.MAPPER.writeValueAsBytes(body);
            }
            // Kept under the generation read before the search: if a new one came in meanwhile, the next request's lookup empties the cache.
            if (!req.explain()) answers.put(generation, req, answer);
        }
        ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON).result(answer);
    }

    void item(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        PowerRecord rec = id.length() > 300 ? null : search.item(id);
        if (rec == null) throw ApiError.notFound("没有编号为 '" + Params.abbreviate(id) + "' 的事项；它可能已随清单更新而移除，请重新检索");
        ObjectNode body = Json.MAPPER.valueToTree(rec);
        body.set("statutes", Json.MAPPER.valueToTree(statutes.citations(rec)));
        body.set("lawStatus", Json.MAPPER.valueToTree(org.quanze.model.StatuteCheck.itemStatuses(rec.statutes())));
        body.set("related", Json.MAPPER.valueToTree(search.related(rec, RELATED)));
        ctx.json(body);
    }

    void suggest(Context ctx) throws IOException {
        String q = Params.suggestQuery(ctx);
        if (q == null) {
            ctx.json(Map.of("suggestions", List.of()));
            return;
        }
        ctx.json(Map.of("suggestions", SuggestionList.of(q, search, SUGGESTIONS)));
    }

    /** The generation served and whether a newer one is being built (it is swapped in when complete). */
    void health(Context ctx) {
        // Count and generation read together, so a swap in between cannot pair them wrongly.
        var current = search.current();
        ctx.json(ordered("status", "ok", "items", current.items(), "generation", current.generation(),
                "rebuilding", rebuilding.getAsBoolean()));
    }

    /** The limits a client needs to respect, served so that the page never copies them. */
    void config(Context ctx) {
        ctx.json(ordered("maxQueryChars", Params.MAX_QUERY_CHARS, "maxSuggestChars", Params.MAX_SUGGEST_CHARS,
                "maxPageSize", Params.MAX_SIZE, "maxResultWindow", Params.MAX_WINDOW, "exportLimit", Params.MAX_EXPORT,
                "exportFormats", Params.EXPORT_FORMATS, "facets", facets()));
    }

    /** The facets as the API names them: the answer's key, the query parameter, the titles a page shows. */
    private static List<Map<String, Object>> facets() {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (org.quanze.index.Facet f : org.quanze.index.Facet.values()) {
            out.add(ordered("facet", f.dim, "param", f.param, "title", f.title, "chip", f.chip));
        }
        return out;
    }

    void stats(Context ctx) throws IOException {
        ObjectNode body = Json.MAPPER.valueToTree(search.counts());
        body.set("currency", Json.MAPPER.valueToTree(statutes.currency()));
        ctx.json(body);
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
