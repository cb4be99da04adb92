package org.quanze;

import com.fasterxml.jackson.databind.JsonNode;
import org.quanze.model.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code quanze serve} in a child JVM at {@code -Xmx512m}, started through the jar's entry point
 * ({@link Launch}) on the classes under test (the jar itself is packaged after the tests run), with
 * an admin token, on a free port it reads from the server's own "serving" line. For tests that kill
 * the server or watch its start.
 */
final class ChildServer implements AutoCloseable {

    static final String TOKEN = "child-admin-token-5d8e1f2a9c";
    private static final Pattern SERVING = Pattern.compile("Quanze is serving .* at http://127\\.0\\.0\\.1:(\\d+)/");

    final Process process;
    final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    private ChildServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the server; returns once the process runs (not yet serving: see {@link #awaitServing}). */
    static ChildServer start(Path data, Path log) throws IOException {
        Path token = data.resolveSibling("admin.token");
        Files.writeString(token, TOKEN + "\n");
        Process p = TestData.childJvm(List.of("-Xmx512m"), Launch.class.getName(), "serve", "--port", "0",
                        "--data", data.toString(), "--admin-token-file", token.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildServer(p, log);
    }

    /** Waits for the "serving" line and returns the base address. */
    String awaitServing() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (base == null) {
            Matcher m = SERVING.matcher(output());
            if (m.find()) {
                base = "http://127.0.0.1:" + m.group(1);
                break;
            }
            assertTrue(process.isAlive(), () -> "the server ended before serving: " + output());
            assertTrue(System.nanoTime() < deadline, () -> "the server did not start serving: " + output());
            Thread.sleep(20);
        }
        return base;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    /** The total of a search for the query, powers only. */
    int total(String q) throws IOException, InterruptedException {
        return json("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).get("total").asInt();
    }

    /** Sends an upload without waiting for its answer (the test may kill the server meanwhile). */
    CompletableFuture<HttpResponse<String>> upload(String filename, byte[] content) {
        String boundary = "qz" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/admin/sources"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** SIGKILL: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, process.exitValue(), "killed by SIGKILL (128 + 9)");
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
}
