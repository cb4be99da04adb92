package org.quanze.cli;

import io.javalin.Javalin;
import org.quanze.Engine;
import org.quanze.opensearch.OpenSearchBackend;
import org.quanze.search.QueryPlanner;
import org.quanze.search.SearchService;
import org.quanze.index.IndexStore;
import org.quanze.statute.LawLibrary;
import org.quanze.search.Vocabulary;
import org.quanze.web.AdminToken;
import org.quanze.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build the index if it is missing or older than the sources, then serve the API under /api and the page at /.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    DataOption data;
    @Mixin
    BackendOptions backend;
    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--web", paramLabel = "DIR", description = "Serve the page from this folder instead of the copy in the jar (for page development).")
    Path web;
    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "Enable POST /api/admin/reindex and /api/admin/sources, guarded by the token on the file's first line "
                    + "(at least 16 characters). Without it the token is read from $" + AdminToken.ENV + "; with neither, the admin endpoints do not exist.")
    Path adminTokenFile;
    @Option(names = "--cors-origin", paramLabel = "URL",
            description = "Allow pages from this origin (e.g. https://example.gov.cn) to call the API; repeatable. Default: no CORS headers.")
    List<String> corsOrigins = new ArrayList<>();
    @Option(names = "--answer-cache-mb", paramLabel = "MB", defaultValue = "16",
            description = "Memory for the answers of recent searches, served again while the same index generation serves "
                    + "(default ${DEFAULT-VALUE}; 0 turns it off). A request with 'Cache-Control: no-cache' is always searched afresh.")
    int answerCacheMb;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535");
        if (answerCacheMb < 0 || answerCacheMb > 4096) throw new IllegalArgumentException("--answer-cache-mb must be between 0 and 4096");
        if (backend.cluster()) return serveCluster();
        AdminToken token = AdminToken.configured(adminTokenFile, System.getenv(AdminToken.ENV));
        // An index older than the sources is rebuilt while the previous one serves: the port answers at once.
        Engine engine = Engine.open(data.dir, Engine.Rebuild.IN_BACKGROUND, System.out);
        Javalin app = WebApp.create(engine.search(), new WebApp.Options(web,
                token == null ? null : new WebApp.Admin(engine, token), corsOrigins, engine::rebuilding, answerCacheBytes()));
        app.start(host, port);
        String shown = host.contains(":") ? "[" + host + "]" : host;
        System.out.println("Quanze is serving " + engine.search().items() + " items ("
                + engine.search().current().generation() + ") at http://" + shown + ":" + app.port() + "/");
        System.out.println(token == null ? "Admin endpoints are off (no --admin-token-file, no $" + AdminToken.ENV + ")"
                : "Admin endpoints are on: POST /api/admin/reindex, POST /api/admin/sources, GET /api/admin/stats");
        return untilStopped(app, engine);
    }

    /**
     * The same API and page over the cluster's current index: the lists are ingested into it with
     * {@code ingest --backend opensearch}, so there is no local index and no admin endpoint here.
     */
    private int serveCluster() throws Exception {
        if (adminTokenFile != null) throw new IllegalArgumentException("--admin-token-file: the admin endpoints rebuild the embedded index; "
                + "with --backend opensearch rebuild with 'quanze ingest --backend opensearch'");
        OpenSearchBackend cluster = backend.open(LawLibrary.load(new IndexStore(data.dir).lawsDir()));
        SearchService search = new SearchService(cluster, new QueryPlanner(Vocabulary.load(data.dir)));
        Javalin app = WebApp.create(search, new WebApp.Options(web, null, corsOrigins, null, answerCacheBytes()));
        app.start(host, port);
        String shown = host.contains(":") ? "[" + host + "]" : host;
        System.out.println("Quanze is serving " + search.items() + " items (" + search.current().generation() + " at "
                + cluster.client().url() + ") at http://" + shown + ":" + app.port() + "/");
        return untilStopped(app, cluster);
    }

    private long answerCacheBytes() {
        return (long) answerCacheMb << 20;
    }

    private static int untilStopped(Javalin app, AutoCloseable resource) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                resource.close();
            } catch (Exception ignored) {
                // shutting down
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
