package org.quanze.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.search.SearchRequest;
import org.quanze.search.SearchService;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The API handlers: each validates, calls the search service and writes JSON. */
final class Api {

    static final int RELATED = 5;
    static final int MAX_SUGGEST_CHARS = 100;

    private final SearchService search;
    private final BooleanSupplier rebuilding;
    private final StatuteApi statutes;

    Api(SearchService search, BooleanSupplier rebuilding, StatuteApi statutes) {
        this.search = search;
        this.rebuilding = rebuilding;
        this.statutes = statutes;
    }

    void search(Context ctx) throws IOException {
        SearchRequest req = Params.search(ctx);
        ObjectNode body = Json.MAPPER.valueToTree(search.search(req));
        Map<String, Object> statute = statutes.answer(req.q());
        if (statute != null) body.set("statute", Json.MAPPER.valueToTree(statute));
        ctx.json(body);
    }

    void item(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        PowerRecord rec = id.length() > 300 ? null : search.item(id);
        if (rec == null) throw ApiError.notFound("no item has the id '" + Params.abbreviate(id) + "'");
        ObjectNode body = Json.MAPPER.valueToTree(rec);
        body.set("statutes", Json.MAPPER.valueToTree(statutes.citations(rec)));
        body.set("lawStatus", Json.MAPPER.valueToTree(org.quanze.model.StatuteCheck.itemStatuses(rec.statutes())));
        body.set("related", Json.MAPPER.valueToTree(search.related(rec, RELATED)));
        ctx.json(body);
    }

    void suggest(Context ctx) throws IOException {
        String q = Params.single(ctx, "q");
        if (q == null || q.isBlank()) {
            ctx.json(Map.of("suggestions", List.of()));
            return;
        }
        if (q.length() > MAX_SUGGEST_CHARS) {
            throw ApiError.badParameter("q is longer than " + MAX_SUGGEST_CHARS + " characters; suggestions complete short prefixes");
        }
        ctx.json(Map.of("suggestions", search.suggest(q.strip(), 10)));
    }

    /** The generation served and whether a newer one is being built (it is swapped in when complete). */
    void health(Context ctx) {
        // Count and generation from one handle, so a swap in between cannot pair them wrongly.
        org.quanze.index.IndexHandle h = search.index().acquire();
        try {
            ctx.json(ordered("status", "ok", "items", h.items(), "generation", h.path().getFileName().toString(),
                    "rebuilding", rebuilding.getAsBoolean()));
        } finally {
            search.index().release(h);
        }
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
