package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.quanze.Engine;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real server (the engine and the Javalin app that {@code serve} starts) on a free port, over
 * a temporary copy of the bundled lists, so a test never writes an index into the source tree.
 */
final class RunningServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, content type, the raw body and, when it is JSON, the parsed body. */
    record Answer(int status, String contentType, String body, JsonNode json, HttpHeaders headers) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private final java.io.Closeable engine;
    private final Javalin app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private RunningServer(java.io.Closeable engine, Javalin app) {
        this.engine = engine;
        this.app = app;
        this.base = "http://127.0.0.1:" + app.port();
    }

    /** The bundled lists only. */
    static RunningServer start(Path dataDir) throws IOException {
        return start(dataDir, Map.of());
    }

    /**
     * @param extraSources file name → content of lists written beside the bundled ones
     */
    static RunningServer start(Path dataDir, Map<String, String> extraSources) throws IOException {
        BundledData.copyTo(dataDir);
        for (Map.Entry<String, String> e : extraSources.entrySet()) {
            Files.writeString(dataDir.resolve("sources").resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        Engine engine = Engine.open(dataDir, true, new PrintStream(OutputStream.nullOutputStream()));
        Javalin app = WebApp.create(engine.search(), new WebApp.Options(null)).start("127.0.0.1", 0);
        return new RunningServer(engine::close, app);
    }

    /**
     * The same server over an OpenSearch cluster: the bundled lists ingested into the test node
     * under an alias of their own, and the API served from it as {@code serve --backend opensearch} does.
     */
    static RunningServer startCluster(Path dataDir) throws IOException {
        BundledData.copyTo(dataDir);
        org.quanze.opensearch.OpenSearchNode node = org.quanze.opensearch.OpenSearchNode.get();
        String alias = org.quanze.opensearch.OpenSearchNode.freshAlias("http");
        org.quanze.opensearch.OpenSearchClient client = new org.quanze.opensearch.OpenSearchClient(node.url());
        org.quanze.index.IndexStore store = new org.quanze.index.IndexStore(dataDir);
        var read = org.quanze.Engine.read(store, store.sourcesDir());
        new org.quanze.opensearch.OpenSearchIndexer(client, alias).build(read.records(), read.laws()::basisArticles, store.sourcesFingerprint(), 1, 0);
        var backend = new org.quanze.opensearch.OpenSearchBackend(client, alias, read.laws());
        // The answers are under test here, not the time limit (QueryLimitsTest's): a node just
        // indexed, on a machine busy with the rest of the build, took over 2 s to its first answer.
        var search = new org.quanze.search.SearchService(backend,
                new org.quanze.search.QueryPlanner(org.quanze.search.Vocabulary.load(dataDir)), java.time.Duration.ofSeconds(20));
        Javalin app = WebApp.create(search, new WebApp.Options(null)).start("127.0.0.1", 0);
        return new RunningServer(backend, app);
    }

    /** GET of a path with its query string already encoded. */
    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery);
    }

    /** GET /api/search with the name/value pairs encoded, e.g. {@code search("type", "行政处罚")}. */
    Answer search(String... nameValues) {
        return get("/api/search" + query(nameValues));
    }

    Answer send(String method, String pathAndQuery) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String ct = res.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (ct.startsWith("application/json")) json = JSON.readTree(res.body());
            return new Answer(res.statusCode(), ct, res.body(), json, res.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String query(String... nameValues) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) parts.add(enc(nameValues[i]) + "=" + enc(nameValues[i + 1]));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** Percent-encodes for a query value or a path segment (a space as %20, valid in both). */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() throws IOException {
        app.stop();
        engine.close();
    }
}
