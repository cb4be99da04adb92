package org.quanze.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.apache.lucene.search.IndexSearcher;
import org.quanze.Engine;
import org.quanze.ingest.InputLimits;
import org.quanze.model.Json;
import org.quanze.search.SearchRefused;
import org.quanze.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

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
    /** Sent with every answer, the app's and Jetty's own errors alike. No Server header is sent. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", CSP,
            "X-Frame-Options", "DENY");

    /**
     * @param webDir      the page's folder on disk, or null to serve the copy bundled in the jar
     * @param admin       the admin endpoints' engine and token, or null for a server without them
     * @param corsOrigins origins allowed to call the API from other sites; empty sends no CORS headers
     * @param rebuilding  whether a rebuild is running (shown by /api/health); null: never
     * @param answerCacheBytes how many bytes of recent search answers are kept for repeated questions; 0 keeps none
     */
    public record Options(Path webDir, Admin admin, List<String> corsOrigins, BooleanSupplier rebuilding, long answerCacheBytes) {
        public Options {
            corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
            rebuilding = rebuilding == null ? () -> false : rebuilding;
        }

        public Options(Path webDir, Admin admin, List<String> corsOrigins, BooleanSupplier rebuilding) {
            this(webDir, admin, corsOrigins, rebuilding, AnswerCache.DEFAULT_BYTES);
        }

        public Options(Path webDir, Admin admin, List<String> corsOrigins) {
            this(webDir, admin, corsOrigins, null);
        }

        public Options(Path webDir) {
            this(webDir, null, List.of());
        }
    }

    /** What the admin endpoints need: the engine to reindex and update, the token that guards them. */
    public record Admin(Engine engine, AdminToken token) {}

    private WebApp() {}

    /**
     * Jetty pads its queues to a cache line and, unless told how many references fill one, starts
     * the platform MBean server to ask whether references are compressed: a fifth of a second of
     * every start. They are (4 bytes, 16 to Jetty's 64-byte line) whenever the heap is under 32 GB,
     * and a wrong guess would only pad differently.
     */
    private static void spareJettyTheMBeanServer() {
        String key = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(key) == null) {
            System.setProperty(key, Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8");
        }
    }

    public static Javalin create(SearchService search, Options options) {
        spareJettyTheMBeanServer();
        StatuteApi statutes = new StatuteApi(search);
        Api api = new Api(search, options.rebuilding(), statutes, new AnswerCache(options.answerCacheBytes()));
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setRequestHeaderSize(MAX_REQUEST_LINE_BYTES);
                http.setOutputAggregationSize(http.getOutputBufferSize());
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.jetty.multipartConfig.maxFileSize(InputLimits.MAX_FILE_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(AdminApi.MAX_UPLOAD_BODY, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) AdminApi.MAX_UPLOAD_BODY, SizeUnit.BYTES);
            if (!options.corsOrigins().isEmpty()) {
                List<String> origins = options.corsOrigins();
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> rule.allowHost(origins.get(0),
                        origins.subList(1, origins.size()).toArray(String[]::new))));
            }
            if (options.webDir() == null) {
                // Javalin's own handler reads the jar's page through the class loader. Jetty's
                // would mount the whole jar (26k entries) as a zip file system first, a third of a
                // second of every start for 17 small files. (A page folder on disk stays with
                // Jetty's: Javalin's does not answer "/" with its index.html there.)
                config.resourceHandler(new JavalinStaticResourceHandler());
            }
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                if (options.webDir() != null) {
                    sf.directory = options.webDir().toAbsolutePath().toString();
                    sf.location = Location.EXTERNAL;
                } else {
                    sf.directory = "/web";
                    sf.location = Location.CLASSPATH;
                }
                // The page's text files are UTF-8 (Chinese); say so, or a browser guesses.
                sf.mimeTypes.add("text/html; charset=utf-8", "html");
                sf.mimeTypes.add("text/javascript; charset=utf-8", "js");
                sf.mimeTypes.add("text/css; charset=utf-8", "css");
                // Unversioned file names: always revalidate (ETag), never serve a stale page.
                sf.headers = Map.of("Cache-Control", "no-cache");
            });

            config.routes.before(WebApp::securityHeaders);
            config.routes.before(WebApp::limitBody);
            config.routes.get("/api/search", api::search);
            config.routes.get("/api/items/{id}", api::item);
            config.routes.get("/api/statutes", statutes::statutes);
            config.routes.get("/api/statutes/{law}", statutes::statute);
            config.routes.get("/api/statutes/{law}/{article}", statutes::article);
            config.routes.get("/api/suggest", api::suggest);
            config.routes.get("/api/health", api::health);
            config.routes.get("/api/config", api::config);
            config.routes.get("/api/stats", api::stats);
            config.routes.get("/api/export", new ExportHandler(search)::export);
            if (options.admin() != null) {
                // Without a token these routes do not exist: 404, not 401, so a scan learns nothing.
                AdminApi admin = new AdminApi(options.admin().engine(), options.admin().token());
                config.routes.beforeMatched("/api/admin/*", admin::guard);
                config.routes.post("/api/admin/reindex", admin::reindex);
                config.routes.post("/api/admin/sources", admin::upload);
                config.routes.get("/api/admin/stats", admin::stats);
            }

            config.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
            config.routes.exception(SearchRefused.class, (e, ctx) -> {
                ApiError refused = refused(e.reason());
                if (refused.status() == 503) ctx.header("Retry-After", "1");
                ctx.status(refused.status()).json(refused.body());
            });
            config.routes.exception(IndexSearcher.TooManyClauses.class, (e, ctx) -> ctx.status(400).json(
                    tooComplex()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(new ApiError.Body("internal", "服务器未能处理这个请求，问题已记入日志；请稍后再试，若一再出现请告知网站管理者"));
            });
            config.routes.error(404, ctx -> jsonError(ctx, "not_found", "没有这个页面或接口：" + ctx.path() + "；请检查地址，或回到首页检索"));
            config.routes.error(405, ctx -> jsonError(ctx, "method_not_allowed", ctx.path() + " 不接受 " + ctx.method() + " 请求；查询请用 GET"));
            config.routes.error(413, ctx -> jsonError(ctx, "too_large", "请求体超过 " + MAX_BODY_BYTES + " 字节的上限；查询接口不需要请求体"));
        });
    }

    static ApiError.Body tooComplex() {
        return new ApiError.Body("query_too_complex", "检索词展开后的检索项太多（超过 " + IndexSearcher.getMaxClauseCount()
                + " 个）；请减少或缩短检索词");
    }

    /**
     * A search the service declined, as the user's to fix (too complex) or the server's (busy, timed
     * out: 503 with Retry-After). The codes are the API's contract; the sentences say what to do.
     */
    static ApiError refused(SearchRefused.Reason reason) {
        return switch (reason) {
            case TOO_COMPLEX -> new ApiError(400, "query_too_complex", tooComplex().message());
            case BUSY -> new ApiError(503, "busy", "检索服务正忙，这次检索排队太久未能开始；请稍等几秒再试");
            case TIMED_OUT -> new ApiError(503, "search_timeout", "这次检索用时太长，已停止；请加上更具体的词或筛选条件后再试");
        };
    }

    private static void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store");
    }

    /** Refuses a declared body over the limit before anything reads it; admin routes check their own. */
    private static void limitBody(Context ctx) {
        if (ctx.path().startsWith("/api/admin/")) return;
        long length = ctx.req().getContentLengthLong();
        long limit = MAX_BODY_BYTES;
        if (length > limit) {
            throw new ApiError(413, "too_large", "请求体有 " + length + " 字节，这里最多接受 " + limit + " 字节；查询接口不需要请求体");
        }
    }

    /** Replaces a framework's plain-text error body with our JSON, keeping an ApiError's own body. */
    private static void jsonError(Context ctx, String code, String message) {
        String ct = ctx.res().getContentType();
        if (ct != null && ct.startsWith("application/json") && ctx.result() != null && ctx.result().contains("\"error\"")) return;
        ctx.json(new ApiError.Body(code, message));
    }
}
