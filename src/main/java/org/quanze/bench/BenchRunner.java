package org.quanze.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the benchmark at each size and rewrites the report after each, so a long run keeps what it measured. */
public final class BenchRunner {

    private final Benchmark.Settings settings;
    private final Path out;

    public BenchRunner(Path data, Path out, Path work, long seed, int repeats, long ingestRepeatsUpTo, int limitSample,
                       double querySeconds, double httpSeconds, List<Integer> connections, String serverHeap,
                       List<String> serverJvmOptions, boolean javaDriver, boolean inProcessOnly, boolean reuseIndex) {
        boolean wrk = !javaDriver && HttpBench.wrkAvailable();
        List<Integer> conns = new ArrayList<>(connections);
        if (!conns.contains(1)) conns.add(0, 1);
        this.settings = new Benchmark.Settings(data, work, seed, repeats, ingestRepeatsUpTo, limitSample, querySeconds,
                httpSeconds, List.copyOf(conns), serverHeap, List.copyOf(serverJvmOptions), wrk, inProcessOnly, reuseIndex);
        this.out = out;
    }

    public int ingestOnly(List<Long> sizes) throws IOException {
        Benchmark bench = new Benchmark(settings, System.out);
        for (long n : sizes) {
            Benchmark.IngestSummary s = bench.ingest(n);
            System.out.printf("%s items: ingest %.2f MB/s ÷ SmartCN %.2f MB/s = %.0f %%; by CPU time %.2f ÷ %.2f MB per CPU s = %.0f %%%n",
                    Report.fmtItems(n), s.mbPerSecond(), s.limitMbPerSecond(), s.ratio() * 100, s.mbPerCpuSecond(),
                    s.limitMbPerCpuSecond(), s.cpuRatio() * 100);
        }
        return 0;
    }

    public int run(List<Long> sizes, String command) throws IOException {
        if (!Files.isDirectory(settings.repoData().resolve("sources"))) {
            throw new IOException("no bundled lists at " + settings.repoData().resolve("sources") + "; run from the repository root or pass --data");
        }
        Files.createDirectories(settings.work());
        Machine start = Machine.now();
        String date = Report.now();
        System.out.printf("Benchmark on %d cores, %d MiB, %s; load average %.2f; HTTP driver: %s%n", start.cores(),
                start.memoryMiB(), start.jdk(), start.loadAverage()[0], settings.useWrk() ? "wrk" : "java");
        Benchmark bench = new Benchmark(settings, System.out);
        List<Benchmark.SizeResult> results = new ArrayList<>();
        for (long n : sizes) {
            System.out.println("== " + Report.fmtItems(n) + " items");
            long t0 = System.nanoTime();
            results.add(bench.run(n));
            System.out.printf("== %s items done in %.0f s%n", Report.fmtItems(n), (System.nanoTime() - t0) / 1e9);
            Report.write(out, new Report.Results(date, command, start, Machine.now(), settings, results, Report.targets(results)));
        }
        for (Report.Target t : Report.targets(results)) {
            System.out.printf("%-4s %s: %s %s%n", t.met() ? "MET" : "MISS", t.name(), t.measured(), t.margin());
        }
        System.out.println("Written: " + out.resolve("RESULTS.md") + " and " + out.resolve("results.json"));
        return 0;
    }
}
