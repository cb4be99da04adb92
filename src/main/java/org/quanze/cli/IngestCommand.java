package org.quanze.cli;

import org.quanze.Engine;
import org.quanze.index.IndexStore;
import org.quanze.ingest.IngestReport;
import org.quanze.ingest.Remark;
import org.quanze.ingest.Skip;
import picocli.CommandLine.Command;
import org.quanze.opensearch.OpenSearchClient;
import org.quanze.opensearch.OpenSearchIndexer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "(Re)build the index from the lists in DIR/sources (.xlsx, .xls, .docx, .doc, .csv or text exports) and print a report: "
                + "items per source and type, skipped rows and files with reasons, time.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    DataOption data;
    @Mixin
    BackendOptions backend;
    @Option(names = "--shards", defaultValue = "1", description = "With --backend opensearch: primary shards of the new index (default ${DEFAULT-VALUE}).")
    int shards;
    @Option(names = "--replicas", defaultValue = "0", description = "With --backend opensearch: replicas of each shard (default ${DEFAULT-VALUE}).")
    int replicas;

    @Override
    public Integer call() throws Exception {
        if (backend.cluster()) return intoCluster();
        Engine.Built b = Engine.ingest(new IndexStore(data.dir));
        print(b.report(), System.out);
        if (b.generation() == null) {
            System.err.println("quanze ingest: no item could be read; the previous index (if any) is still current");
            return 1;
        }
        System.out.println("Index written to " + b.generation());
        return 0;
    }

    /** Reads the lists here and builds a new generation in the cluster, swapped in when complete. */
    private int intoCluster() throws Exception {
        if (shards < 1 || replicas < 0) throw new IllegalArgumentException("--shards must be at least 1 and --replicas at least 0");
        IndexStore store = new IndexStore(data.dir);
        Engine.Checked r = Engine.read(store, store.sourcesDir());
        print(r.report(), System.out);
        if (r.records().isEmpty()) {
            System.err.println("quanze ingest: no item could be read; the cluster's current index (if any) is unchanged");
            return 1;
        }
        try (OpenSearchClient client = backend.client()) {
            long t0 = System.nanoTime();
            OpenSearchIndexer.Built b = new OpenSearchIndexer(client, backend.alias)
                    .build(r.records(), r.laws()::basisArticles, store.sourcesFingerprint(), shards, replicas);
            System.out.println("Index " + b.index() + " (" + b.items() + " items, " + shards + " shard(s), " + replicas
                    + " replica(s)) written to " + client.url() + " in " + (System.nanoTime() - t0) / 1_000_000
                    + " ms; alias " + backend.alias + " now names it");
        }
        return 0;
    }

    static void print(IngestReport r, PrintStream out) {
        out.println("Source                          Layout                       Powers Duties  Types");
        Map<String, Integer> types = new TreeMap<>();
        for (IngestReport.SourceReport s : r.sources()) {
            out.printf("%-31s %-28s %6d %6d  %s%n", s.file(), s.layout() == null ? "-" : s.layout(), s.powers(), s.duties(),
                    s.error() == null ? s.perType() : "FAILED: " + s.error());
            if (s.rows() != null) out.println("    " + s.rows());
            s.perType().forEach((k, v) -> types.merge(k, v, Integer::sum));
        }
        out.println();
        out.println("Per power type:");
        types.forEach((k, v) -> out.printf("  %-12s %d%n", k, v));
        out.println();
        out.println("Skipped: " + r.skipped().size());
        for (Skip s : r.skipped()) out.println("  " + s);
        if (!r.remarks().isEmpty()) {
            out.println();
            out.println("Read with remarks: " + r.remarks().size());
            for (Remark m : r.remarks()) out.println("  " + m);
        }
        out.println();
        out.println(Engine.summary(r));
    }
}
