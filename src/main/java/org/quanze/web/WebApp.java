package org.quanze.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.apache.lucene.search.IndexSearcher;
import org.quanze.model.Json;
import org.quanze.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the HTTP server: the JSON API under /api, the page at /. Returns it unstarted, so tests
 * and the command line start it on the port they choose. All routes are listed here.
 */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    /** The page may load only its own scripts, styles and images: no inline script, ever. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    static final long MAX_BODY_BYTES = 1024 * 1024;
    /**
     * Jetty's default 8 KiB cannot carry the longest q Params accepts: 1000 CJK characters are
     * 9000 bytes once percent-encoded. Longer addresses are answered 414 in JSON by JettyErrors.
     */
    static final int MAX_REQUEST_LINE_BYTES = 16 * 1024;

    /**
     * @param webDir the page's folder on disk, or null to serve the copy bundled in the jar
     */
    public record Options(Path webDir) {}

    private WebApp() {}

    public static Javalin create(SearchService search, Options options) {
        Api api = new Api(search);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setRequestHeaderSize(MAX_REQUEST_LINE_BYTES);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                if (options.webDir() != null) {
                    sf.directory = options.webDir().toAbsolutePath().toString();
                    sf.location = Location.EXTERNAL;
                } else {
                    sf.directory = "/web";
                    sf.location = Location.CLASSPATH;
                }
                // Unversioned file names: always revalidate (ETag), never serve a stale page.
                sf.headers = Map.of("Cache-Control", "no-cache");
            });

            config.routes.before(WebApp::securityHeaders);
            config.routes.get("/api/search", api::search);
            config.routes.get("/api/items/{id}", api::item);
            config.routes.get("/api/statutes", api::statutes);
            config.routes.get("/api/statutes/{law}", api::statute);
            config.routes.get("/api/suggest", api::suggest);
            config.routes.get("/api/health", api::health);
            config.routes.get("/api/stats", api::stats);
            config.routes.get("/api/export", new ExportHandler(search)::export);

            config.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
            config.routes.exception(IndexSearcher.TooManyClauses.class, (e, ctx) -> ctx.status(400).json(
                    new ApiError.Body("query_too_complex", "the query expands to too many terms; shorten it")));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(new ApiError.Body("internal", "the server could not answer this request; it has been logged"));
            });
            config.routes.error(404, ctx -> jsonError(ctx, "not_found", "no such page or endpoint: " + ctx.path()));
            config.routes.error(405, ctx -> jsonError(ctx, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
            config.routes.error(413, ctx -> jsonError(ctx, "too_large", "the request body is larger than " + MAX_BODY_BYTES + " bytes"));
        });
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store");
    }

    /** Replaces a framework's plain-text error body with our JSON, keeping an ApiError's own body. */
    private static void jsonError(Context ctx, String code, String message) {
        String ct = ctx.res().getContentType();
        if (ct != null && ct.startsWith("application/json") && ctx.result() != null && ctx.result().contains("\"error\"")) return;
        ctx.json(new ApiError.Body(code, message));
    }
}
