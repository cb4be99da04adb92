package org.quanze.cli;

import io.javalin.Javalin;
import org.quanze.Engine;
import org.quanze.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
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

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be between 0 and 65535");
        Engine engine = Engine.open(data.dir, true, System.out);
        Javalin app = WebApp.create(engine.search(), new WebApp.Options(web));
        app.start(host, port);
        String shown = host.contains(":") ? "[" + host + "]" : host;
        System.out.println("Quanze is serving " + engine.search().items() + " items at http://" + shown + ":" + app.port() + "/");
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
