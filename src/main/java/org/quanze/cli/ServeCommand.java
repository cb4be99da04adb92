package org.quanze.cli;

import io.javalin.Javalin;
import org.quanze.Engine;
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

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535");
        AdminToken token = AdminToken.configured(adminTokenFile, System.getenv(AdminToken.ENV));
        // An index older than the sources is rebuilt while the previous one serves: the port answers at once.
        Engine engine = Engine.open(data.dir, Engine.Rebuild.IN_BACKGROUND, System.out);
        Javalin app = WebApp.create(engine.search(), new WebApp.Options(web,
                token == null ? null : new WebApp.Admin(engine, token), corsOrigins, engine::rebuilding));
        app.start(host, port);
        String shown = host.contains(":") ? "[" + host + "]" : host;
        System.out.println("Quanze is serving " + engine.search().items() + " items ("
                + engine.search().index().currentPath().getFileName() + ") at http://" + shown + ":" + app.port() + "/");
        System.out.println(token == null ? "Admin endpoints are off (no --admin-token-file, no $" + AdminToken.ENV + ")"
                : "Admin endpoints are on: POST /api/admin/reindex, POST /api/admin/sources, GET /api/admin/stats");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                engine.close();
            } catch (Exception ignored) {
                // shutting down
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
