package org.quanze.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.quanze.model.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load against the server the benchmark started ({@link ServerProcess}): wrk where it is
 * installed (closed loop, N connections, a Lua script cycling through the kind's paths),
 * otherwise a Java driver with one thread per connection; and the figures results.json keeps of it.
 */
final class HttpBench {

    static final String HEALTH = "/api/health";

    /** A throughput run: requests per second, latency percentiles, and failed requests (non-2xx, socket errors, timeouts). */
    record Load(String kind, int connections, double seconds, long requests, double rps, Stats.Latency latency,
                long errors, String driver) {}

    /** Heap of the server: used and committed, in MiB; and the resident set of the process. */
    record Heap(double usedMiB, double committedMiB, double rssMiB) {}

    private HttpBench() {}

    static boolean wrkAvailable() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The judged questions again, answered from the server's answer cache: what repeated
     * questions cost. Every other load asks for fresh answers ({@code Cache-Control: no-cache}),
     * so its figures are those of searching.
     */
    static final String CACHED = "judged-cached";

    static boolean fresh(String kind) {
        return !kind.equals(CACHED);
    }

    /** Closed-loop load with wrk: each connection sends the next path as soon as the last answer arrives. */
    static Load wrk(int port, String kind, List<String> paths, int connections, double seconds, Path workDir) throws IOException {
        Path script = workDir.resolve("wrk-" + kind + ".lua");
        StringBuilder lua = new StringBuilder(fresh(kind) ? "local headers = {[\"Cache-Control\"] = \"no-cache\"}\n" : "local headers = {}\n");
        lua.append("local paths = {\n");
        for (String p : paths) lua.append("  \"").append(p.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        lua.append("""
                }
                local i = 0
                request = function()
                  i = i % #paths + 1
                  return wrk.format("GET", paths[i], headers)
                end
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format('BENCHJSON {"requests":%d,"duration_us":%d,"errors":%d,"p50":%d,"p95":%d,"p99":%d}\\n',
                    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
                    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
                end
                """);
        Files.writeString(script, lua.toString(), StandardCharsets.UTF_8);
        int threads = Math.min(connections, 2);
        List<String> cmd = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + Math.max(1, Math.round(seconds)) + "s",
                "--timeout", "30s", "-s", script.toString(), "http://127.0.0.1:" + port);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        int at = out.indexOf("BENCHJSON ");
        if (at < 0) throw new IOException("wrk printed no result: " + out);
        JsonNode j = Json.MAPPER.readTree(out.substring(at + 10).lines().findFirst().orElseThrow());
        double secs = j.get("duration_us").asLong() / 1e6;
        long n = j.get("requests").asLong();
        // No answer within the run: no latency to report (wrk would say 0), and the run counts as failed.
        Stats.Latency lat = n == 0 ? new Stats.Latency(Double.NaN, Double.NaN, Double.NaN, 0, null)
                : new Stats.Latency(j.get("p50").asLong() / 1e3, j.get("p95").asLong() / 1e3, j.get("p99").asLong() / 1e3, n, null);
        return new Load(kind, connections, secs, n, n / secs, lat, j.get("errors").asLong(), "wrk");
    }

    /** The same closed loop from Java, for machines without wrk. */
    static Load java(int port, String kind, List<String> paths, int connections, double seconds) throws IOException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<URI> uris = paths.stream().map(p -> URI.create("http://127.0.0.1:" + port + p)).toList();
        AtomicLong errors = new AtomicLong();
        long[][] lat = new long[connections][1 << 20];
        int[] counts = new int[connections];
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int me = c;
            threads.add(Thread.ofPlatform().start(() -> {
                int i = me;
                while (System.nanoTime() < end && counts[me] < lat[me].length) {
                    URI u = uris.get(i++ % uris.size());
                    long s = System.nanoTime();
                    try {
                        HttpRequest.Builder req = HttpRequest.newBuilder(u);
                        if (fresh(kind)) req.header("Cache-Control", "no-cache");
                        HttpResponse<byte[]> r = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() / 100 != 2) errors.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    lat[me][counts[me]++] = System.nanoTime() - s;
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        int total = 0;
        for (int c : counts) total += c;
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(lat[c], 0, all, k, counts[c]);
            k += counts[c];
        }
        Stats.Latency latency = total == 0 ? new Stats.Latency(Double.NaN, Double.NaN, Double.NaN, 0, null) : Stats.Latency.of(all, total);
        return new Load(kind, connections, secs, total, total / secs, latency, errors.get(), "java");
    }
}
