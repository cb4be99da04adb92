package org.quanze.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.quanze.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load test against a running server: concurrent clients with a mixed workload, an admin
 * reindex at a fixed interval, a sample of throughput, latency and the server's heap every ten
 * seconds, and a summary. Exits 1 on any error. Not a unit test: it takes minutes.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Load a running server with concurrent mixed requests and periodic reindexes; report errors, latency percentiles and heap.")
public final class SoakCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Server (default ${DEFAULT-VALUE}).")
    String url;
    @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;
    @Option(names = "--duration", defaultValue = "300", description = "Seconds (default ${DEFAULT-VALUE}).")
    int duration;
    @Option(names = "--reindex-every", defaultValue = "30", description = "Seconds between admin reindexes; 0 for none (default ${DEFAULT-VALUE}).")
    int reindexEvery;
    @Option(names = "--token-file", paramLabel = "FILE", description = "The server's admin token, for reindexes and heap samples.")
    Path tokenFile;
    @Option(names = "--seed", defaultValue = "7", description = "Seed of the request mix (default ${DEFAULT-VALUE}).")
    long seed;

    private final ConcurrentHashMap<String, Latencies> byKind = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicLong errorCount = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    @Override
    public Integer call() throws Exception {
        String token = tokenFile == null ? null : Files.readString(tokenFile).lines().findFirst().orElse("").strip();
        if (reindexEvery > 0 && token == null) throw new IllegalArgumentException("--reindex-every needs --token-file");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        SoakWorkload work = new SoakWorkload();
        long start = System.nanoTime(), end = start + Duration.ofSeconds(duration).toNanos();
        System.out.printf(Locale.ROOT, "Soak: %d clients for %d s against %s, reindex every %s%n", clients, duration, url,
                reindexEvery > 0 ? reindexEvery + " s" : "never");

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random rnd = new Random(seed * 1_000 + c);
            threads.add(Thread.ofPlatform().name("soak-" + c).start(() -> {
                while (System.nanoTime() < end) one(http, work, work.next(rnd));
            }));
        }
        List<String> reindexes = java.util.Collections.synchronizedList(new ArrayList<>());
        if (reindexEvery > 0) {
            // Its own thread, so a slow rebuild never delays the samples.
            threads.add(Thread.ofPlatform().name("soak-reindex").start(() -> {
                for (long next = start + Duration.ofSeconds(reindexEvery).toNanos(); next < end;
                     next += Duration.ofSeconds(reindexEvery).toNanos()) {
                    if (!sleepUntil(next)) return;
                    reindexes.add(reindex(http, token, (System.nanoTime() - start) / 1_000_000_000));
                }
            }));
        }
        List<String> heap = new ArrayList<>();
        long lastCount = 0;
        for (long next = start; next < end; next += Duration.ofSeconds(10).toNanos()) {
            if (!sleepUntil(next)) break;
            long count = requests.get();
            Latencies all = merged();
            String h = heap(http, token);
            heap.add(h);
            System.out.printf(Locale.ROOT, "t=%3ds  requests %8d  (%5.0f/s)  errors %d  p50 %6.1f ms  p99 %7.1f ms  heap %s%n",
                    (System.nanoTime() - start) / 1_000_000_000, count, (count - lastCount) / 10.0, errorCount.get(),
                    all.percentile(50), all.percentile(99), h);
            lastCount = count;
        }
        for (Thread t : threads) t.join();
        heap.add(heap(http, token));
        report(reindexes, heap, (System.nanoTime() - start) / 1e9);
        return errorCount.get() == 0 ? 0 : 1;
    }

    private static boolean sleepUntil(long nanoTime) {
        try {
            long wait = nanoTime - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void one(HttpClient http, SoakWorkload work, SoakWorkload.Request r) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(url + r.path())).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long nanos = System.nanoTime() - t0;
            byKind.computeIfAbsent(r.kind(), k -> new Latencies()).add(nanos);
            requests.incrementAndGet();
            if (!r.ok().contains(res.statusCode())) {
                error(r.kind() + " " + r.path() + " → " + res.statusCode() + " " + abbreviate(res.body()));
            } else if (r.kind().equals("search") && work.ids.size() < 500) {
                work.learn(res.body());
            }
        } catch (Exception e) {
            requests.incrementAndGet();
            error(r.kind() + " " + r.path() + " → " + e);
        }
    }

    private void error(String what) {
        if (errorCount.incrementAndGet() <= 20) errors.add(what);
    }

    private String reindex(HttpClient http, String token, long at) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/admin/reindex"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r.statusCode() != 200) {
                error("reindex → " + r.statusCode() + " " + abbreviate(r.body()));
                return "t=" + at + "s FAILED " + r.statusCode();
            }
            JsonNode b = Json.MAPPER.readTree(r.body());
            String line = String.format(Locale.ROOT, "t=%ds %s, %d items, %d ms", at, b.get("generation").asText(), b.get("items").asInt(), ms);
            System.out.println("reindex " + line);
            return line;
        } catch (Exception e) {
            error("reindex → " + e);
            return "t=" + at + "s FAILED " + e;
        }
    }

    /** Used heap and heap after the last collection, from the admin stats; "-" without a token. */
    private static String heapOf(JsonNode stats) {
        JsonNode h = stats.get("heap");
        return String.format(Locale.ROOT, "used %d MB, after GC %d MB", h.get("usedBytes").asLong() >> 20,
                h.get("afterLastGcBytes").asLong() >> 20);
    }

    private String heap(HttpClient http, String token) {
        if (token == null) return "-";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/admin/stats"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? heapOf(Json.MAPPER.readTree(r.body())) : "stats " + r.statusCode();
        } catch (Exception e) {
            return "stats failed: " + e;
        }
    }

    private void report(List<String> reindexes, List<String> heap, double seconds) {
        Latencies all = merged();
        System.out.println();
        System.out.printf(Locale.ROOT, "Requests: %d in %.0f s (%.0f/s), errors: %d%n", requests.get(), seconds, requests.get() / seconds,
                errorCount.get());
        System.out.printf(Locale.ROOT, "Latency (all): p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms%n",
                all.percentile(50), all.percentile(90), all.percentile(99), all.percentile(99.9), all.percentile(100));
        Map<String, Latencies> sorted = new TreeMap<>(byKind);
        sorted.forEach((k, l) -> System.out.printf(Locale.ROOT, "  %-9s %8d  p50 %6.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                k, l.count(), l.percentile(50), l.percentile(99), l.percentile(100)));
        System.out.println("Reindexes: " + reindexes.size());
        reindexes.forEach(r -> System.out.println("  " + r));
        System.out.println("Heap samples (every 10 s; first, middle, last): " + (heap.isEmpty() ? "-"
                : heap.get(0) + " | " + heap.get(heap.size() / 2) + " | " + heap.get(heap.size() - 1)));
        if (!errors.isEmpty()) {
            System.out.println("First errors:");
            errors.forEach(e -> System.out.println("  " + e));
        }
        System.out.println(errorCount.get() == 0 ? "Soak passed: zero errors." : "Soak FAILED: " + errorCount.get() + " errors.");
    }

    private Latencies merged() {
        Latencies all = new Latencies();
        for (Latencies l : byKind.values()) all.addAll(l);
        return all;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** Latencies in nanoseconds, appended by many threads, read as percentiles. */
    static final class Latencies {
        private long[] values = new long[1024];
        private int n;

        synchronized void add(long nanos) {
            if (n == values.length) values = Arrays.copyOf(values, n * 2);
            values[n++] = nanos;
        }

        synchronized void addAll(Latencies other) {
            long[] copy;
            int m;
            synchronized (other) {
                copy = other.values;
                m = other.n;
                for (int i = 0; i < m; i++) add(copy[i]);
            }
        }

        synchronized int count() {
            return n;
        }

        /** The p-th percentile in milliseconds (nearest rank); 0 with no samples. */
        synchronized double percentile(double p) {
            if (n == 0) return 0;
            long[] s = Arrays.copyOf(values, n);
            Arrays.sort(s);
            int rank = (int) Math.ceil(p / 100.0 * n);
            return s[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
        }
    }
}
