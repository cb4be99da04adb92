package org.quanze.bench;

import org.quanze.Engine;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.quanze.bench.Benchmark.WARM_MAX_ROUNDS;
import static org.quanze.bench.Benchmark.WARM_ROUND_SECONDS;
import static org.quanze.bench.Benchmark.settled;

/**
 * The in-process part of one size of the benchmark: the query mix warmed up until this JVM's JIT
 * is quiet (the rule of {@link Benchmark.Warmup}), then timed repeatedly, the judged questions
 * interleaved with the plain-Lucene reference. Each latency is the median of the runs.
 *
 * @param cpuRatio the judged questions' mean CPU time, Quanze's over the reference's
 */
record InProcessFigures(Map<QueryMix.Kind, List<QueryMix.Query>> mix, Map<QueryMix.Kind, Stats.Latency> latency,
                        List<Map<QueryMix.Kind, Stats.Latency>> runs, Stats.Latency reference, double cpuRatio,
                        Map<QueryMix.Kind, Double> meanHits, long refused) {

    static InProcessFigures measure(Path data, Benchmark.Settings s, PrintStream log) throws IOException {
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
        return new InProcessFigures(mix, inProcess, inRuns, ref, ratio, hits, refused);
    }

    private static String brief(Map<QueryMix.Kind, Stats.Latency> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s p50 %.2f p99 %.2f; ", k, v.p50(), v.p99())));
        return b.toString();
    }
}
