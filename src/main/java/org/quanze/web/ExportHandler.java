package org.quanze.web;

import io.javalin.http.Context;
import org.quanze.export.RecordTable;
import org.quanze.export.XlsxExport;
import org.quanze.search.SearchService;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.quanze.export.ExportName;
import org.quanze.search.SearchResult;

/**
 * {@code GET /api/export?format=csv|xlsx&…}: every item a search matches (the parameters of
 * /api/search, without paging), at most {@link Params#MAX_EXPORT}, as a download. Headers say how
 * many matched and how many are in the file, so a client can tell when the cap cut a result set.
 */
final class ExportHandler {

    static final String CSV_TYPE = "text/csv; charset=utf-8";

    private final SearchService search;

    ExportHandler(SearchService search) {
        this.search = search;
    }

    void export(Context ctx) throws IOException {
        Params.Export req = Params.export(ctx);
        SearchService.Matches m = search.matching(req.request(), Params.MAX_EXPORT);
        ctx.header("X-Total-Count", String.valueOf(m.total()));
        ctx.header("X-Export-Count", String.valueOf(m.records().size()));
        ctx.header("X-Export-Limit", String.valueOf(Params.MAX_EXPORT));
        ctx.header("Content-Disposition", ExportName.contentDisposition(
                ExportName.of(req.request(), sourceTitles(), LocalDate.now()), req.format()));
        if (req.format().equals("xlsx")) {
            ctx.contentType(XlsxExport.CONTENT_TYPE);
            try (OutputStream out = ctx.outputStream()) {
                XlsxExport.write(m.records(), out);
            }
        } else {
            ctx.contentType(CSV_TYPE);
            try (OutputStream out = ctx.outputStream()) {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                RecordTable.csv(m.records(), w, true);
                w.flush();
            }
        }
    }

    /** List id → title, for naming a download filtered by list. */
    private Map<String, String> sourceTitles() throws IOException {
        Map<String, String> titles = new HashMap<>();
        for (SearchResult.FacetValue v : search.counts().getOrDefault("source", java.util.List.of())) {
            if (v.label() != null && !v.label().equals(v.value())) titles.put(v.value(), v.label());
        }
        return titles;
    }
}
