package org.quanze.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;
import org.quanze.model.PowerRecord;
import org.quanze.statute.CitationCheck;
import org.quanze.statute.LawLibrary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One size of the benchmark: build the corpus's index (repeatedly), time queries in-process
 * ({@link InProcessFigures}), then serve it from a child JVM and time start-up, HTTP load and heap
 * ({@link ServerBench}). Every figure is the median of the repeated runs; the runs themselves are
 * kept for results.json, whose records are the ones here.
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
    /** The bundled lists, each citation checked against the statute library as an ingest checks it. */
    private final List<PowerRecord> bundled;
    /** The statute library every size is built with: generated items cite what the bundled ones cite. */
    private final LawLibrary laws;

    Benchmark(Settings s, PrintStream log) throws IOException {
        this.s = s;
        this.log = log;
        this.laws = LawLibrary.load(s.repoData().resolve("laws"));
        this.bundled = new CitationCheck(laws).annotate(new Ingester(SourceCatalog.load(s.repoData().resolve("sources.json")))
                .ingest(s.repoData().resolve("sources")).records());
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

        InProcessFigures inProcess = InProcessFigures.measure(data, s, log);
        // Start-up, HTTP load and heap of the real server.
        ServerBench.Figures served = s.inProcessOnly() ? new ServerBench.Figures(null, null, null, new ArrayList<>())
                : new ServerBench(s, log).measure(data, inProcess.mix(), inProcess.latency());
        List<Double> startups = served.startups();
        return new SizeResult(last.powers(), last.records(), isBundled ? "bundled lists" : "generated (seed " + s.seed() + ")",
                ingest, last.indexBytes(), (double) last.indexBytes() / last.records(), last.segments(), inProcess.latency(),
                inProcess.runs(), Map.of("judged", inProcess.reference()), inProcess.cpuRatio(), inProcess.meanHits(),
                inProcess.refused(), served.http(), served.warmup(), served.memory(), startups,
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
            IngestBench.Run r = isBundled ? IngestBench.bundled(data) : IngestBench.generated(corpus, data, laws);
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

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
