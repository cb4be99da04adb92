package org.quanze.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.quanze.bench.Benchmark.WARM_CONNECTIONS;
import static org.quanze.bench.Benchmark.WARM_MAX_ROUNDS;
import static org.quanze.bench.Benchmark.WARM_ROUND_SECONDS;
import static org.quanze.bench.Benchmark.settled;

/**
 * The served part of one size of the benchmark: the real server started from a child JVM and
 * timed from launch to first answer, then warmed up, loaded kind by kind at each number of
 * connections, and its heap read. Loads are kept run by run and as medians.
 */
final class ServerBench {

    /** What the served part measured; {@code startups} holds the measured starts, not the first. */
    record Figures(Benchmark.HttpSummary http, Benchmark.Warmup warmup, Benchmark.MemorySummary memory,
                   List<Double> startups) {}

    private final Benchmark.Settings s;
    private final PrintStream log;

    ServerBench(Benchmark.Settings s, PrintStream log) {
        this.s = s;
        this.log = log;
    }

    Figures measure(Path data, Map<QueryMix.Kind, List<QueryMix.Query>> mix, Map<QueryMix.Kind, Stats.Latency> inProcess)
            throws IOException {
        List<Double> startups = new ArrayList<>();
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + s.serverHeap()));
        jvm.addAll(ServerProcess.serveOptions(s.work()));
        jvm.addAll(s.serverJvmOptions());
        String probe = mix.get(QueryMix.Kind.judged).get(0).path();
        // One start unmeasured: it writes the class-data archive, as the first ./quanze serve does.
        try (ServerProcess first = ServerProcess.start(data, jvm, probe, s.work().resolve("server.log"))) {
            log.printf("  first start (writes the class-data archive): %.0f ms%n", first.startupMs);
        }
        for (int i = 0; i < s.repeats() - 1; i++) {
            try (ServerProcess srv = ServerProcess.start(data, jvm, probe, s.work().resolve("server.log"))) {
                startups.add(srv.startupMs);
            }
        }
        try (ServerProcess srv = ServerProcess.start(data, jvm, probe, s.work().resolve("server.log"))) {
            startups.add(srv.startupMs);
            log.printf("  start-up to first answer: %s ms%n", startups);
            HttpBench.Heap afterLoad = srv.heap(true);
            for (List<QueryMix.Query> qs : mix.values()) for (QueryMix.Query q : qs) srv.get(q.path());
            Benchmark.Warmup warmup = warmUp(srv, paths(mix.get(QueryMix.Kind.judged)));
            List<HttpBench.Load> loads = new ArrayList<>();
            for (int i = 0; i < s.repeats(); i++) {
                for (var e : mix.entrySet()) {
                    for (int c : s.connections()) {
                        loads.add(load(srv, e.getKey().name(), paths(e.getValue()), c, seconds(inProcess.get(e.getKey()), c)));
                    }
                }
                loads.add(load(srv, "health", List.of(HttpBench.HEALTH), 16, s.httpSeconds()));
                loads.add(load(srv, "judged", paths(mix.get(QueryMix.Kind.judged)), 16, seconds(inProcess.get(QueryMix.Kind.judged), 16)));
                loads.add(load(srv, HttpBench.CACHED, paths(mix.get(QueryMix.Kind.judged)), 8, s.httpSeconds()));
            }
            srv.awaitIdle();
            HttpBench.Heap before = srv.heap(false);
            HttpBench.Heap live = srv.heap(true);
            Benchmark.MemorySummary memory = new Benchmark.MemorySummary(s.serverHeap(), afterLoad, before, live);
            Benchmark.HttpSummary http = summarise(loads);
            log.printf("  heap: after load %.0f MiB live; steady %.0f MiB used before GC, %.0f MiB live; RSS %.0f MiB%n",
                    afterLoad.usedMiB(), before.usedMiB(), live.usedMiB(), live.rssMiB());
            return new Figures(http, warmup, memory, startups);
        }
    }

    /**
     * How long to load a kind: at least --http-seconds, and long enough for about 40 answers plus
     * one full queue of the connections, judged by the kind's in-process median (a slow kind at
     * 32 connections answers nothing for its first seconds), at most two minutes.
     */
    private double seconds(Stats.Latency inProcess, int connections) {
        int cores = Runtime.getRuntime().availableProcessors();
        double perAnswer = inProcess.p50() / 1000 / Math.min(connections, cores);
        return Math.min(120, Math.max(s.httpSeconds(), (40 + connections) * perAnswer));
    }

    /** Rounds of the judged questions until throughput settles (see {@link Benchmark.Warmup}). */
    private Benchmark.Warmup warmUp(ServerProcess srv, List<String> judged) throws IOException {
        List<Double> rps = new ArrayList<>();
        List<Double> jit = new ArrayList<>();
        long t0 = System.nanoTime();
        boolean settled = false;
        while (rps.size() < WARM_MAX_ROUNDS && !settled) {
            double before = srv.compileSeconds();
            HttpBench.Load l = load(srv, "warm-up", judged, WARM_CONNECTIONS, WARM_ROUND_SECONDS);
            rps.add(l.rps());
            jit.add(srv.compileSeconds() - before);
            log.printf("    (JIT compiling %.1f s of the round's %.1f s)%n", jit.getLast(), l.seconds());
            settled = settled(rps, jit, l.seconds());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        log.printf("  warm-up: %d rounds, %.0f s, %s%n", rps.size(), secs, settled ? "settled" : "still compiling at the limit");
        return new Benchmark.Warmup(rps.size(), secs, rps, jit, settled);
    }

    private HttpBench.Load load(ServerProcess srv, String kind, List<String> paths, int connections, double secs) throws IOException {
        srv.awaitIdle();
        HttpBench.Load l = s.useWrk() ? HttpBench.wrk(srv.port, kind, paths, connections, secs, s.work())
                : HttpBench.java(srv.port, kind, paths, connections, secs);
        log.printf("  http %-8s c=%-2d %7.0f req/s  p50 %6.2f  p95 %6.2f  p99 %7.2f ms  errors %d%n", kind, connections,
                l.rps(), l.latency().p50(), l.latency().p95(), l.latency().p99(), l.errors());
        return l;
    }

    private static Benchmark.HttpSummary summarise(List<HttpBench.Load> loads) {
        Map<String, List<HttpBench.Load>> byKey = new LinkedHashMap<>();
        for (HttpBench.Load l : loads) byKey.computeIfAbsent(l.kind() + "@" + l.connections(), k -> new ArrayList<>()).add(l);
        List<HttpBench.Load> medians = new ArrayList<>();
        for (List<HttpBench.Load> ls : byKey.values()) {
            HttpBench.Load f = ls.get(0);
            medians.add(new HttpBench.Load(f.kind(), f.connections(), Stats.median(ls, HttpBench.Load::seconds),
                    (long) Stats.median(ls, HttpBench.Load::requests), Stats.median(ls, HttpBench.Load::rps),
                    Stats.Latency.median(ls.stream().map(HttpBench.Load::latency).toList()),
                    ls.stream().mapToLong(HttpBench.Load::errors).sum(), f.driver()));
        }
        double health = medians.stream().filter(l -> l.kind().equals("health") && l.connections() == 16).mapToDouble(HttpBench.Load::rps).findFirst().orElse(Double.NaN);
        double search = medians.stream().filter(l -> l.kind().equals("judged") && l.connections() == 16).mapToDouble(HttpBench.Load::rps).findFirst().orElse(Double.NaN);
        return new Benchmark.HttpSummary(loads.get(0).driver(), medians, loads, health, search, search / health,
                loads.stream().mapToLong(HttpBench.Load::errors).sum());
    }

    private static List<String> paths(List<QueryMix.Query> qs) {
        return qs.stream().map(QueryMix.Query::path).toList();
    }
}
