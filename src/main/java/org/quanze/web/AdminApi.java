package org.quanze.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.quanze.Engine;
import org.quanze.SourceUploads;
import org.quanze.ingest.IngestReport;
import org.quanze.ingest.InputLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The admin endpoints, registered only when an admin token is configured. Every call, allowed or
 * not, is written to the {@code org.quanze.admin} log with its outcome and kept in a short
 * in-memory list that {@code /api/admin/stats} shows.
 */
final class AdminApi {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.quanze.admin");
    static final int RECENT = 50;
    /** The multipart body around one file of the largest allowed size. */
    static final long MAX_UPLOAD_BODY = InputLimits.MAX_FILE_BYTES + 64 * 1024;

    /** One logged admin call. */
    record Action(String at, String action, String from, String outcome, String detail, long millis) {}

    private final Engine engine;
    private final AdminToken token;
    /** Every text that comes from an exception or a report passes it before it is answered or listed. */
    private final ServerPaths paths;
    private final Deque<Action> recent = new ArrayDeque<>();

    AdminApi(Engine engine, AdminToken token) {
        this.engine = engine;
        this.token = token;
        this.paths = new ServerPaths(engine.store().dataDir());
    }

    /**
     * Runs before every admin endpoint: no valid Bearer token, no entry; then the declared body
     * size, checked before anything reads the body. Both refusals are logged like actions.
     */
    void guard(Context ctx) {
        String action = ctx.method() + " " + ctx.path();
        if (!token.accepts(ctx.header("Authorization"))) {
            audit(action, ctx, "denied", ctx.header("Authorization") == null
                    ? "no Authorization header" : "wrong or malformed token", 0);
            ctx.header("WWW-Authenticate", "Bearer realm=\"quanze-admin\"");
            throw new ApiError(401, "unauthorized", "this endpoint needs 'Authorization: Bearer <admin token>' with the server's admin token");
        }
        long length = ctx.req().getContentLengthLong();
        long limit = ctx.path().equals("/api/admin/sources") ? MAX_UPLOAD_BODY : WebApp.MAX_BODY_BYTES;
        if (length > limit) {
            audit(action, ctx, "rejected", "a body of " + length + " bytes", 0);
            throw new ApiError(413, "too_large", "the request body is " + length + " bytes; at most " + limit
                    + " are accepted here (a list file may have up to " + InputLimits.MAX_FILE_BYTES / (1024 * 1024) + " MB)");
        }
    }

    void reindex(Context ctx) {
        long t0 = System.nanoTime();
        Engine.Built b;
        try {
            b = engine.reindex();
        } catch (IOException | RuntimeException e) {
            AUDIT.warn("admin reindex failed", e);
            audit("reindex", ctx, "failed", e.toString(), since(t0));
            throw new ApiError(500, "update_failed", "the index could not be rebuilt (" + paths.hide(e.getMessage())
                    + "); the previous index is still serving");
        }
        if (b.generation() == null) {
            audit("reindex", ctx, "refused", "the sources hold no readable item", since(t0));
            throw new ApiError(409, "nothing_to_index", "the sources hold no readable item; the previous index is still serving");
        }
        long ms = since(t0);
        audit("reindex", ctx, "ok", b.generation().getFileName() + ", " + engine.search().items() + " items", ms);
        ctx.json(built(b, ms));
    }

    void upload(Context ctx) {
        long t0 = System.nanoTime();
        byte[] bytes;
        String submitted;
        try {
            if (!ctx.isMultipartFormData()) {
                throw new ApiError(400, "bad_upload", "send the list as multipart/form-data with one file part");
            }
            List<UploadedFile> files;
            try {
                files = ctx.uploadedFiles();
            } catch (Exception e) { // Jetty's multipart parser throws checked exceptions through Kotlin
                throw unreadable(e);
            }
            if (files.size() != 1) {
                throw new ApiError(400, "bad_upload", "exactly one file part is expected, not " + files.size());
            }
            UploadedFile f = files.get(0);
            submitted = f.filename();
            if (f.size() > InputLimits.MAX_FILE_BYTES) throw tooLarge();
            try (InputStream in = f.content()) {
                bytes = in.readNBytes((int) InputLimits.MAX_FILE_BYTES + 1);
            } catch (IOException e) {
                throw unreadable(e);
            }
            if (bytes.length > InputLimits.MAX_FILE_BYTES) throw tooLarge();
        } catch (ApiError e) {
            audit("upload", ctx, "rejected", e.getMessage(), since(t0));
            throw e;
        }
        SourceUploads.Added a;
        try {
            a = SourceUploads.add(engine, submitted, bytes);
        } catch (SourceUploads.Rejected r) {
            audit("upload", ctx, "rejected", r.getMessage(), since(t0));
            throw new ApiError(r.status(), r.status() == 413 ? "too_large" : "bad_upload", paths.hide(r.getMessage()));
        } catch (IOException | RuntimeException e) {
            AUDIT.warn("admin upload failed", e);
            audit("upload", ctx, "failed", e.toString(), since(t0));
            throw new ApiError(500, "update_failed", "the list is valid but the index could not be rebuilt (" + paths.hide(e.getMessage())
                    + "); the sources and the index are as they were");
        }
        long ms = since(t0);
        audit("upload", ctx, "ok", (a.replaced() ? "replaced " : "added ") + a.file() + " (" + a.read().records().size()
                + " items), " + a.built().generation().getFileName(), ms);
        Map<String, Object> body = Api.ordered("stored", a.file(), "replaced", a.replaced(),
                "items", a.read().records().size(), "layout", a.read().layout(),
                "skipped", a.read().skips().stream().map(x -> paths.hide(x.toString())).toList(),
                "remarks", a.read().remarks().stream().map(x -> paths.hide(x.toString())).toList(),
                "index", built(a.built(), ms));
        ctx.status(201).json(body);
    }

    void stats(Context ctx) {
        ctx.json(Api.ordered("items", engine.search().items(),
                "generation", engine.search().index().currentPath().getFileName().toString(),
                "heap", heap(),
                "uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
                "threads", Thread.activeCount(),
                "recentActions", recent()));
    }

    /** Heap now and after the last collection; the second is the one that shows a leak. */
    static Map<String, Object> heap() {
        MemoryUsage h = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long afterGc = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) afterGc += p.getCollectionUsage().getUsed();
        }
        return Api.ordered("usedBytes", h.getUsed(), "committedBytes", h.getCommitted(), "maxBytes", h.getMax(),
                "afterLastGcBytes", afterGc);
    }

    private Map<String, Object> built(Engine.Built b, long ms) {
        IngestReport r = b.report();
        return Api.ordered("generation", b.generation().getFileName().toString(), "items", engine.search().items(),
                "powers", r.powers(), "duties", r.duties(), "skipped", r.skipped().size(), "remarks", r.remarks().size(),
                "failedFiles", r.failed().stream().map(s -> paths.hide(s.file() + ": " + s.error())).toList(), "tookMs", ms);
    }

    private void audit(String action, Context ctx, String outcome, String detail, long millis) {
        // Details quote client input (file names, parser messages): one line, no control characters;
        // /api/admin/stats lists them, so no server path either.
        detail = detail == null ? "" : paths.hide(detail).replaceAll("\\p{Cntrl}", "?");
        if (detail.length() > 300) detail = detail.substring(0, 300) + "…";
        Action a = new Action(Instant.now().toString(), action, ctx.ip(), outcome, detail, millis);
        synchronized (recent) {
            recent.addFirst(a);
            while (recent.size() > RECENT) recent.removeLast();
        }
        if (outcome.equals("ok")) AUDIT.info("admin {} from {}: {}, {} ({} ms)", action, a.from(), outcome, detail, millis);
        else AUDIT.warn("admin {} from {}: {}, {} ({} ms)", action, a.from(), outcome, detail, millis);
    }

    List<Action> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "too_large", "the file is larger than the limit of "
                + InputLimits.MAX_FILE_BYTES / (1024 * 1024) + " MB");
    }

    /** A body the multipart parser gave up on: over a size limit (413), or malformed (400). */
    private static ApiError unreadable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("max file size") || m.contains("max length") || m.contains("exceeded")) return tooLarge();
        }
        return new ApiError(400, "bad_upload", "the multipart body could not be read; send one file part as multipart/form-data");
    }

    private static long since(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
