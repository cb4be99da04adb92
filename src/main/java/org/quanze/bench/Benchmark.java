package org.quanze.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.quanze.Engine;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One size of the benchmark: build the corpus's index (repeatedly), time queries in-process, then
 * serve it from a child JVM and time start-up, HTTP load and heap. Every figure is the median of
 * the repeated runs; the runs themselves are kept for results.json.
 */
final class Benchmark {

    /**
     * How the benchmark runs; see BenchCommand for the meaning of each option. The two folders
     * are this machine's and are left out of results.json, which is committed.
     */
    record Settings(@JsonIgnore Path repoData, @JsonIgnore Path work, long seed, int repeats, long ingestRepeatsUpTo, int limitSample,
                    double querySeconds, double httpSeconds, List<Integer> connections, String serverHeap,
                    List<String> serverJvmOptions, boolean useWrk, boolean inProcessOnly, boolean reuseIndex) {}

    /** {@code ratio} is by wall time; {@code cpuRatio} by CPU time of all threads (robust to other load). */
    record IngestSummary(List<IngestBench.Run> runs, List<IngestBench.Limit> limitRuns, double recordsPerSecond,
                         double mbPerSecond, double buildSeconds, double generateSeconds, double limitMbPerSecond,
                         double limitRecordsPerSecond, double ratio, double mbPerCpuSecond, double limitMbPerCpuSecond,
                         double cpuRatio) {}

    record HttpSummary(String driver, List<HttpBench.Load> medians, List<HttpBench.Load> runs, double healthRps16,
                       double searchRps16, double searchToHealth, long errors) {}

    record MemorySummary(String serverHeap, HttpBench.Heap afterLoad, HttpBench.Heap steadyBeforeGc,
                         HttpBench.Heap steadyLive) {}

    record SizeResult(long items, long records, String corpus, IngestSummary ingest, long indexBytes,
                      double indexBytesPerRecord, int segments, Map<QueryMix.Kind, Stats.Latency> inProcess,
                      List<Map<QueryMix.Kind, Stats.Latency>> inProcessRuns, Map<String, Stats.Latency> reference,
                      double cpuRatioToReference, Map<QueryMix.Kind, Double> meanHits,
                      long inProcessRefused, HttpSummary http, Warmup warmup, MemorySummary memory, List<Double> startupRuns,
                      double startupMs) {}

    /**
     * The judged questions sent to the server at {@link #WARM_CONNECTIONS} connections, in rounds,
     * before anything is measured: until, {@link #WARM_STEADY_ROUNDS} rounds in a row, its JIT
     * compilers worked less than {@link #WARM_JIT_SHARE} of the round (it has compiled what the
     * questions use), at most {@link #WARM_MAX_ROUNDS} rounds. On two cores under load the
     * compilers share the cores with the searches, and a server's throughput rises for as long as
     * they work: on the bundled lists 5 to 9 s of compiling per 5 s round for the first 35 s, then
     * under 0.3 s, and throughput 170, 470 … 1,600/s, then 1,970 to 2,000/s. A rule on throughput
     * alone stopped early: one flat round at one connection ended the warm-up at 1,100/s (the first
     * measured run gave 1,777/s, the third 2,154/s), and at 8 connections a slow rise of under 3 % a
     * round (1,406, 1,512, 1,540, 1,571/s) read as settled while the compilers were still busy.
     * Where the server does not publish its compile time, throughput decides ({@link #settled}).
     * In-process queries are warmed the same way, by this JVM's own compile time.
     *
     * @param compileSeconds per round, the seconds the JIT spent compiling in it (NaN: not known)
     */
    record Warmup(int rounds, double seconds, List<Double> rps, List<Double> compileSeconds, boolean settled) {}

    static final double WARM_ROUND_SECONDS = 5;
    static final double WARM_CHANGE = 0.03;
    static final double WARM_JIT_SHARE = 0.10;
    static final int WARM_MIN_ROUNDS = 4;
    static final int WARM_STEADY_ROUNDS = 2;
    static final int WARM_MAX_ROUNDS = 30;
    static final int WARM_CONNECTIONS = 8;

    /**
     * Whether warming up can stop: by the JIT's compile time per round where it is known (every
     * round), else by throughput.
     */
    static boolean settled(List<Double> rps, List<Double> compileSeconds, double roundSeconds) {
        int n = rps.size();
        if (n < WARM_MIN_ROUNDS) return false;
        if (compileSeconds.size() != n || compileSeconds.stream().anyMatch(d -> d.isNaN())) return settled(rps);
        for (int last = n - WARM_STEADY_ROUNDS; last < n; last++) {
            if (compileSeconds.get(last) > WARM_JIT_SHARE * roundSeconds) return false;
        }
        return true;
    }

    /** Whether each of the last {@link #WARM_STEADY_ROUNDS} throughputs is no real gain on the best before it. */
    static boolean settled(List<Double> rps) {
        int n = rps.size();
        if (n < Math.max(WARM_MIN_ROUNDS, WARM_STEADY_ROUNDS + 1)) return false;
        for (int last = n - WARM_STEADY_ROUNDS; last < n; last++) {
            double best = rps.subList(0, last).stream().mapToDouble(d -> d).max().orElse(0);
            if (rps.get(last) > best * (1 + WARM_CHANGE)) return false;
        }
        return true;
    }

    private final Settings s;
    private final PrintStream log;
    private final List<PowerRecord> bundled;

    Benchmark(Settings s, PrintStream log) throws IOException {
        this.s = s;
        this.log = log;
        this.bundled = new Ingester(SourceCatalog.load(s.repoData().resolve("sources.json")))
                .ingest(s.repoData().resolve("sources")).records();
    }

    long bundledPowers() {
        return bundled.stream().filter(r -> PowerRecord.POWER.equals(r.kind())).count();
    }

    SizeResult run(long items) throws IOException {
        boolean isBundled = items == bundledPowers();
        Path data = s.work().resolve(isBundled ? "bundled" : "items-" + items);
        IngestSummary ingest = s.reuseIndex() && built(data, items) ? null : ingest(items);
        if (ingest == null) log.printf("  reusing the index built earlier in %s%n", data);
        IngestBench.Run last = ingest == null ? IngestBench.describe(data) : ingest.runs().get(ingest.runs().size() - 1);

        // In-process queries, the judged ones interleaved with the plain-Lucene reference.
        Map<QueryMix.Kind, List<QueryMix.Query>> mix;
        List<Map<QueryMix.Kind, Stats.Latency>> inRuns = new ArrayList<>();
        List<Stats.Latency> refRuns = new ArrayList<>();
        Map<QueryMix.Kind, Double> hits;
        long refused = 0;
        ReferenceSearch reference = new ReferenceSearch();
        try (Engine engine = Engine.open(data, false, log)) {
            mix = QueryMix.build(engine.search(), QueryMix.judged());
            InProcessBench.warmUp(engine.search(), mix, 3, reference);
            List<Double> warmRps = new ArrayList<>();
            List<Double> warmJit = new ArrayList<>();
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            while (warmRps.size() < WARM_MAX_ROUNDS && !settled(warmRps, warmJit, WARM_ROUND_SECONDS)) {
                long before = jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
                Stats.Latency l = InProcessBench.run(engine.search(), Map.of(QueryMix.Kind.judged, mix.get(QueryMix.Kind.judged)),
                        WARM_ROUND_SECONDS, 10, reference).latency().get(QueryMix.Kind.judged);
                warmRps.add(1000 / l.p50()); // questions a second at the median
                warmJit.add(before < 0 ? Double.NaN : (jit.getTotalCompilationTime() - before) / 1000.0);
            }
            log.printf("  in-process warm-up: %d rounds of %.0f s, judged questions/s at the median %s, JIT s %s%n", warmRps.size(),
                    WARM_ROUND_SECONDS, warmRps.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).toList(),
                    warmJit.stream().map(d -> String.format(Locale.ROOT, "%.1f", d)).toList());
            InProcessBench.Result res = null;
            for (int i = 0; i < s.repeats(); i++) {
                res = InProcessBench.run(engine.search(), mix, s.querySeconds(), 100, reference);
                refused += res.refused();
                inRuns.add(res.latency());
                refRuns.add(res.reference());
                log.printf("  in-process %d/%d: %s%n", i + 1, s.repeats(), brief(res.latency()));
                log.printf("  reference  %d/%d: judged p50 %.2f p99 %.2f ms, mean CPU %.2f ms (Quanze %.2f ms)%n", i + 1, s.repeats(),
                        res.reference().p50(), res.reference().p99(), res.reference().meanCpuMs(),
                        res.latency().get(QueryMix.Kind.judged).meanCpuMs());
            }
            hits = res.meanHits();
        }
        Map<QueryMix.Kind, Stats.Latency> inProcess = new EnumMap<>(QueryMix.Kind.class);
        for (QueryMix.Kind k : mix.keySet()) inProcess.put(k, Stats.Latency.median(inRuns.stream().map(m -> m.get(k)).toList()));
        Stats.Latency ref = Stats.Latency.median(refRuns);
        double ratio = inProcess.get(QueryMix.Kind.judged).meanCpuMs() / ref.meanCpuMs();
        log.printf("  judged mean CPU: Quanze %.2f ms ÷ reference %.2f ms = %.2f%n", inProcess.get(QueryMix.Kind.judged).meanCpuMs(),
                ref.meanCpuMs(), ratio);

        HttpSummary http = null;
        Warmup warmup = null;
        MemorySummary memory = null;
        List<Double> startups = new ArrayList<>();
        if (!s.inProcessOnly()) {
            // Start-up, HTTP load and heap of the real server.
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + s.serverHeap()));
            jvm.addAll(HttpBench.serveOptions(s.work()));
            jvm.addAll(s.serverJvmOptions());
            String probe = mix.get(QueryMix.Kind.judged).get(0).path();
            // One start unmeasured: it writes the class-data archive, as the first ./quanze serve does.
            try (HttpBench.Server first = HttpBench.Server.start(data, jvm, probe, s.work().resolve("server.log"))) {
                log.printf("  first start (writes the class-data archive): %.0f ms%n", first.startupMs);
            }
            for (int i = 0; i < s.repeats() - 1; i++) {
                try (HttpBench.Server srv = HttpBench.Server.start(data, jvm, probe, s.work().resolve("server.log"))) {
                    startups.add(srv.startupMs);
                }
            }
            try (HttpBench.Server srv = HttpBench.Server.start(data, jvm, probe, s.work().resolve("server.log"))) {
                startups.add(srv.startupMs);
                log.printf("  start-up to first answer: %s ms%n", startups);
                HttpBench.Heap afterLoad = srv.heap(true);
                for (List<QueryMix.Query> qs : mix.values()) for (QueryMix.Query q : qs) srv.get(q.path());
                warmup = warmUp(srv, paths(mix.get(QueryMix.Kind.judged)));
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
                memory = new MemorySummary(s.serverHeap(), afterLoad, before, live);
                http = summarise(loads);
                log.printf("  heap: after load %.0f MiB live; steady %.0f MiB used before GC, %.0f MiB live; RSS %.0f MiB%n",
                        afterLoad.usedMiB(), before.usedMiB(), live.usedMiB(), live.rssMiB());
            }
        }
        return new SizeResult(last.powers(), last.records(), isBundled ? "bundled lists" : "generated (seed " + s.seed() + ")",
                ingest, last.indexBytes(), (double) last.indexBytes() / last.records(), last.segments(), inProcess, inRuns,
                Map.of("judged", ref), ratio, hits, refused, http, warmup, memory, startups,
                startups.isEmpty() ? Double.NaN : Stats.median(startups, d -> d));
    }

    /** Whether the data folder holds an index built earlier from this size and seed (see {@link #ingest}). */
    private boolean built(Path data, long items) throws IOException {
        Path marker = data.resolve(CORPUS_MARKER);
        return Files.isRegularFile(marker) && Files.readString(marker).strip().equals(corpusId(items))
                && Files.isRegularFile(data.resolve("index").resolve("CURRENT"));
    }

    /** The corpus and the index schema it was built with: an index of an older schema is built again. */
    private String corpusId(long items) {
        return items + " items, seed " + s.seed() + ", schema " + org.quanze.index.IndexStore.SCHEMA_VERSION;
    }

    static final String CORPUS_MARKER = "corpus.txt";

    /** Builds the size's index (repeatedly) and times SmartCN alone over the same text. */
    IngestSummary ingest(long items) throws IOException {
        boolean isBundled = items == bundledPowers();
        Path data = s.work().resolve(isBundled ? "bundled" : "items-" + items);
        deleteTree(data);
        IngestBench.prepare(s.repoData(), data, isBundled);
        CorpusGenerator corpus = new CorpusGenerator(bundled, CorpusGenerator.bundledPlaces(), s.seed(), items);
        Iterable<PowerRecord> records = isBundled ? bundled : corpus;
        int ingestRepeats = items <= s.ingestRepeatsUpTo() ? s.repeats() : 1;
        List<IngestBench.Run> runs = new ArrayList<>();
        for (int i = 0; i < ingestRepeats; i++) {
            IngestBench.Run r = isBundled ? IngestBench.bundled(data) : IngestBench.generated(corpus, data);
            log.printf("  ingest %d/%d: %d records in %.1f s (generator %.1f s): %.0f records/s, %.2f MB/s of text, %.2f MB per CPU s%n",
                    i + 1, ingestRepeats, r.records(), r.buildSeconds(), r.generateSeconds(), r.recordsPerSecond(), r.mbPerSecond(),
                    r.mbPerCpuSecond());
            runs.add(r);
        }
        List<IngestBench.Limit> limits = new ArrayList<>();
        IngestBench.limit(records, 300, org.quanze.index.IndexStore.indexingThreads()); // warm-up
        for (int i = 0; i < s.repeats(); i++) {
            IngestBench.Limit l = IngestBench.limit(records, s.limitSample(), org.quanze.index.IndexStore.indexingThreads());
            log.printf("  analyzer only %d/%d: %d records in %.1f s on %d threads: %.2f MB/s, %.2f MB per CPU s%n",
                    i + 1, s.repeats(), l.records(), l.seconds(), l.threads(), l.mbPerSecond(), l.mbPerCpuSecond());
            limits.add(l);
        }
        Files.writeString(data.resolve(CORPUS_MARKER), corpusId(items) + "\n");
        double mbs = Stats.median(runs, IngestBench.Run::mbPerSecond);
        double limit = Stats.median(limits, IngestBench.Limit::mbPerSecond);
        IngestSummary ingest = new IngestSummary(runs, limits, Stats.median(runs, IngestBench.Run::recordsPerSecond), mbs,
                Stats.median(runs, IngestBench.Run::buildSeconds), Stats.median(runs, IngestBench.Run::generateSeconds),
                limit, Stats.median(limits, IngestBench.Limit::recordsPerSecond), mbs / limit,
                Stats.median(runs, IngestBench.Run::mbPerCpuSecond), Stats.median(limits, IngestBench.Limit::mbPerCpuSecond),
                Stats.median(runs, IngestBench.Run::mbPerCpuSecond) / Stats.median(limits, IngestBench.Limit::mbPerCpuSecond));
        return ingest;
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

    /** Rounds of the judged questions until throughput settles (see {@link Warmup}). */
    private Warmup warmUp(HttpBench.Server srv, List<String> judged) throws IOException {
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
        return new Warmup(rps.size(), secs, rps, jit, settled);
    }

    private HttpBench.Load load(HttpBench.Server srv, String kind, List<String> paths, int connections, double secs) throws IOException {
        srv.awaitIdle();
        HttpBench.Load l = s.useWrk() ? HttpBench.wrk(srv.port, kind, paths, connections, secs, s.work())
                : HttpBench.java(srv.port, kind, paths, connections, secs);
        log.printf("  http %-8s c=%-2d %7.0f req/s  p50 %6.2f  p95 %6.2f  p99 %7.2f ms  errors %d%n", kind, connections,
                l.rps(), l.latency().p50(), l.latency().p95(), l.latency().p99(), l.errors());
        return l;
    }

    private static HttpSummary summarise(List<HttpBench.Load> loads) {
        Map<String, List<HttpBench.Load>> byKey = new java.util.LinkedHashMap<>();
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
        return new HttpSummary(loads.get(0).driver(), medians, loads, health, search, search / health,
                loads.stream().mapToLong(HttpBench.Load::errors).sum());
    }

    private static List<String> paths(List<QueryMix.Query> qs) {
        return qs.stream().map(QueryMix.Query::path).toList();
    }

    private static String brief(Map<QueryMix.Kind, Stats.Latency> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(String.format(java.util.Locale.ROOT, "%s p50 %.2f p99 %.2f; ", k, v.p50(), v.p99())));
        return b.toString();
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
