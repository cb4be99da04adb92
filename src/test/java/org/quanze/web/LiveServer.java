package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.quanze.Engine;
import org.quanze.TestData;
import org.quanze.model.Json;
import org.quanze.search.SearchService;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** The real server on a free loopback port over a copy of the bundled data, for HTTP tests. */
final class LiveServer implements AutoCloseable {

    static final String TOKEN = "test-admin-token-7f3a9c2e5b";

    final Path data;
    final Engine engine;
    final Javalin app;
    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LiveServer(Path data, Engine engine, Javalin app) {
        this.data = data;
        this.engine = engine;
        this.app = app;
        this.base = "http://127.0.0.1:" + app.port();
    }

    /** With the admin endpoints on (token {@link #TOKEN}) or off, and the given CORS origins. */
    static LiveServer start(Path tmp, boolean admin, List<String> cors) throws IOException {
        return start(tmp, admin, cors, Engine::search);
    }

    /** As above, with the search service chosen from the engine (e.g. one with another time limit). */
    static LiveServer start(Path tmp, boolean admin, List<String> cors, Function<Engine, SearchService> search)
            throws IOException {
        return start(TestData.copy(tmp), null, admin, cors, search);
    }

    /** Over a prepared data folder, serving the page from {@code webDir} (null: the copy on the class path). */
    static LiveServer start(Path data, Path webDir, boolean admin, List<String> cors, Function<Engine, SearchService> search)
            throws IOException {
        Engine engine = Engine.open(data, true, TestData.QUIET);
        WebApp.Admin a = admin ? new WebApp.Admin(engine, AdminToken.of(TOKEN)) : null;
        Javalin app = WebApp.create(search.apply(engine), new WebApp.Options(webDir, a, cors));
        app.start("127.0.0.1", 0);
        return new LiveServer(data, engine, app);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    HttpResponse<String> admin(String method, String path, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
                .method(method, body));
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    /**
     * Sends one request line exactly as written (no client-side normalisation of {@code ..} or
     * percent escapes) and returns the whole raw response.
     */
    String raw(String requestTarget) throws IOException {
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + requestTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A multipart/form-data body with one file part. */
    static HttpRequest.BodyPublisher multipart(String boundary, String filename, byte[] content) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail));
    }

    /**
     * Uploads as curl does a large body: headers first with {@code Expect: 100-continue}, so a
     * refusal by declared length is read before any byte of the body is sent. Without it the client
     * may still be sending when the server answers 413 and closes, and the connection's reset can
     * drop the answer before the client reads it.
     */
    HttpResponse<String> upload(String filename, byte[] content) throws IOException, InterruptedException {
        String boundary = "qz" + System.nanoTime();
        return send(HttpRequest.newBuilder(URI.create(base + "/api/admin/sources")).expectContinue(true)
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(multipart(boundary, filename, content)));
    }

    @Override
    public void close() throws IOException {
        app.stop();
        engine.close();
    }
}
