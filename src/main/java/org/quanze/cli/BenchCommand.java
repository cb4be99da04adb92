package org.quanze.cli;

import org.quanze.bench.BenchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark ingest, queries (in-process and over HTTP against serve), memory and start-up at each size;",
                "writes OUT/RESULTS.md and OUT/results.json. Sizes count power items: the bundled lists' own count (73)",
                "means the bundled lists themselves, any other size a generated corpus of that many items."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "index-data",
            description = "Data folder with the bundled lists to scale up (default: ${DEFAULT-VALUE}).")
    Path data;
    @Option(names = "--sizes", split = ",", defaultValue = "73,100000,1000000",
            description = "Power items per corpus, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Long> sizes;
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench", description = "Where RESULTS.md and results.json go (default: ${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Scratch folder for the generated indexes; 1M items take several GB (default: ${DEFAULT-VALUE}).")
    Path work;
    @Option(names = "--seed", defaultValue = "6", description = "Seed of the corpus generator (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--repeats", defaultValue = "3", description = "Runs of each measurement; figures are their medians (default: ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--ingest-repeats-up-to", defaultValue = "100000",
            description = "Sizes above this build their index once instead of --repeats times (default: ${DEFAULT-VALUE}).")
    long ingestRepeatsUpTo;
    @Option(names = "--limit-sample", defaultValue = "20000",
            description = "Records whose text SmartCN alone tokenises for the limit (default: ${DEFAULT-VALUE}).")
    int limitSample;
    @Option(names = "--query-seconds", defaultValue = "3", description = "In-process seconds per query kind per run (default: ${DEFAULT-VALUE}).")
    double querySeconds;
    @Option(names = "--http-seconds", defaultValue = "4", description = "Seconds per HTTP load run (default: ${DEFAULT-VALUE}).")
    double httpSeconds;
    @Option(names = "--connections", split = ",", defaultValue = "1,8,32", description = "HTTP connection counts (default: ${DEFAULT-VALUE}).")
    List<Integer> connections;
    @Option(names = "--server-heap", defaultValue = "1g", description = "The server's -Xmx (default: ${DEFAULT-VALUE}).")
    String serverHeap;
    @Option(names = "--server-jvm-option", paramLabel = "OPT",
            description = "An extra JVM option for the server, e.g. -XX:StartFlightRecording=filename=serve.jfr (repeatable).")
    List<String> serverJvmOptions;
    @Option(names = "--java-driver", description = "Drive HTTP load from Java even where wrk is installed.")
    boolean javaDriver;
    @Option(names = "--ingest-only", description = "Only build each size and time SmartCN alone (for ingest profiling); no report.")
    boolean ingestOnly;
    @Option(names = "--in-process-only", description = "Measure queries in-process only (with the plain-Lucene reference): no server, no HTTP load.")
    boolean inProcessOnly;
    @Option(names = "--reuse-index", description = "Search the index an earlier run built at the same size and seed, and with the same index schema, in --work instead of building it again.")
    boolean reuseIndex;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1) throw new IllegalArgumentException("--repeats must be at least 1");
        if (sizes.stream().anyMatch(n -> n < 1)) throw new IllegalArgumentException("--sizes must be positive");
        BenchRunner runner = new BenchRunner(data, out, work, seed, repeats, ingestRepeatsUpTo, limitSample, querySeconds, httpSeconds,
                connections, serverHeap, serverJvmOptions == null ? List.of() : serverJvmOptions, javaDriver, inProcessOnly, reuseIndex);
        if (ingestOnly) return runner.ingestOnly(sizes);
        return runner.run(sizes, "quanze bench --sizes " + String.join(",", sizes.stream().map(String::valueOf).toList()));
    }
}
