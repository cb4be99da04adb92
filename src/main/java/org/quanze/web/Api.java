package org.quanze.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.search.SearchResult;
import org.quanze.search.SearchService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/** The API handlers: each validates, calls the search service and writes JSON. */
final class Api {

    static final int RELATED = 5;
    static final int SUGGESTIONS = 10;

    private final SearchService search;
    private final BooleanSupplier rebuilding;

    Api(SearchService search, BooleanSupplier rebuilding) {
        this.search = search;
        this.rebuilding = rebuilding;
    }

    void search(Context ctx) throws IOException {
        ctx.json(search.search(Params.search(ctx)));
    }

    void item(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        PowerRecord rec = id.length() > 300 ? null : search.item(id);
        if (rec == null) throw ApiError.notFound("没有编号为 '" + Params.abbreviate(id) + "' 的事项；它可能已随清单更新而移除，请重新检索");
        ObjectNode body = Json.MAPPER.valueToTree(rec);
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
                "exportFormats", Params.EXPORT_FORMATS));
    }

    void stats(Context ctx) throws IOException {
        ctx.json(search.counts());
    }

    /** Every law cited as legal basis, its item count and its articles with counts. */
    void statutes(Context ctx) throws IOException {
        List<Map<String, Object>> laws = new ArrayList<>();
        for (SearchResult.FacetValue law : search.counts().get("statute")) {
            List<Map<String, Object>> articles = new ArrayList<>();
            for (SearchResult.FacetValue a : law.articles()) {
                articles.add(ordered("article", Integer.parseInt(a.value().substring(law.value().length() + 1)), "count", a.count()));
            }
            laws.add(ordered("law", law.value(), "count", law.count(), "articles", articles));
        }
        ctx.json(Map.of("laws", laws));
    }

    /** One law: per article, the items grounded on it; and the items that cite the law alone. */
    void statute(Context ctx) throws IOException {
        String law = ctx.pathParam("law").strip();
        List<PowerRecord> items = law.length() > 200 ? List.of() : search.citing(law, null, 10_000);
        if (items.isEmpty()) throw ApiError.notFound("没有事项以名为 '" + Params.abbreviate(law) + "' 的法规为设定依据；请用 /api/statutes 列出的简称");
        TreeMap<Integer, List<Map<String, Object>>> byArticle = new TreeMap<>();
        List<Map<String, Object>> lawOnly = new ArrayList<>();
        for (PowerRecord r : items) {
            boolean any = false;
            for (Statute s : r.statutes()) {
                if (!Statute.BASIS.equals(s.role()) || !s.law().equals(law) || s.article() == null) continue;
                List<Map<String, Object>> list = byArticle.computeIfAbsent(s.article(), k -> new ArrayList<>());
                if (list.stream().noneMatch(m -> m.get("id").equals(r.id()))) list.add(brief(r));
                any = true;
            }
            if (!any) lawOnly.add(brief(r));
        }
        List<Map<String, Object>> articles = new ArrayList<>();
        byArticle.forEach((a, list) -> articles.add(ordered("article", a, "count", list.size(), "items", list)));
        ctx.json(ordered("law", law, "count", items.size(), "articles", articles, "withoutArticle", lawOnly));
    }

    private static Map<String, Object> brief(PowerRecord r) {
        return ordered("id", r.id(), "name", r.name(), "powerType", r.powerType(),
                "source", new SearchResult.SourceLabel(r.source().id(), r.source().title()));
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
