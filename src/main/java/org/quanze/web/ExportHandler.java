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

/**
 * {@code GET /api/export?format=csv|xlsx&…}: every item a search matches (the parameters of
 * /api/search, without paging), at most {@link Params#MAX_EXPORT}, as a download. Headers say how
 * many matched and how many are in the file, so a client can tell when the cap cut a result set.
 */
final class ExportHandler {

    static final String CSV_TYPE = "text/csv; charset=utf-8";
    /** Excel reads a CSV as the system's ANSI code page unless it starts with a UTF-8 byte order mark. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

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
        ctx.header("Content-Disposition", "attachment; filename=\"quanze-export." + req.format() + "\"");
        if (req.format().equals("xlsx")) {
            ctx.contentType(XlsxExport.CONTENT_TYPE);
            try (OutputStream out = ctx.outputStream()) {
                XlsxExport.write(m.records(), out);
            }
        } else {
            ctx.contentType(CSV_TYPE);
            try (OutputStream out = ctx.outputStream()) {
                out.write(BOM);
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                RecordTable.csv(m.records(), w, true);
                w.flush();
            }
        }
    }
}
