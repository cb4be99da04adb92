// Measures the embedded index and an OpenSearch cluster on the same generated corpus and questions
// (docs/SCALING.md). Run after ./quanze test has compiled target/classes and target/test-classes:
//   java -cp bench/opensearch:target/classes:target/test-classes:CLASSPATH Measure ITEMS URLS SHARDS
import org.quanze.bench.CorpusGenerator;
import org.quanze.index.IndexStore;
import org.quanze.model.PowerRecord;
import org.quanze.opensearch.*;
import org.quanze.search.*;
import org.quanze.testing.BundledData;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

public class Measure {
    public static void main(String[] a) throws Exception {
        long n = Long.parseLong(a[0]);
        String url = a[1];
        int shards = Integer.parseInt(a[2]);
        Path data = BundledData.copyTo(Files.createTempDirectory("qz-measure"));
        List<PowerRecord> bundled = BundledData.ingest().records();
        for (Path p : Files.list(data.resolve("sources")).toList()) Files.delete(p);
        IndexStore store = new IndexStore(data);
        long t0 = System.nanoTime();
        store.build(new CorpusGenerator(bundled, CorpusGenerator.bundledPlaces(), 11, n), store.sourcesFingerprint());
        System.out.printf("embedded build %d items: %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        OpenSearchClient client = new OpenSearchClient(url);
        t0 = System.nanoTime();
        new OpenSearchIndexer(client, "measure").build(new CorpusGenerator(bundled, CorpusGenerator.bundledPlaces(), 11, n), "x", shards, 0);
        System.out.printf("cluster build %d items, %d shards: %.1f s%n", n, shards, (System.nanoTime() - t0) / 1e9);
        var engine = org.quanze.Engine.open(data, false, System.out);
        QueryPlanner planner = new QueryPlanner(Vocabulary.load(data));
        SearchService emb = new SearchService(engine.search().backend(), planner, java.time.Duration.ofSeconds(30));
        SearchService os = new SearchService(new OpenSearchBackend(client, "measure"), new QueryPlanner(Vocabulary.load(data)), java.time.Duration.ofSeconds(30));
        List<String> qs = new ArrayList<>();
        for (var q : org.quanze.model.Json.MAPPER.readTree(Path.of("src/test/resources/relevance/judged-queries.json").toFile()).path("queries")) qs.add(q.path("q").asText());
        for (SearchService s : List.of(emb, os)) for (String q : qs) s.search(SearchRequest.of(q)); // warm plans, caches
        for (int round = 0; round < 2; round++) {
            for (var e : new LinkedHashMap<String, SearchService>(Map.of("embedded", emb, "opensearch", os)).entrySet()) {
                List<Double> ms = new ArrayList<>();
                for (int r = 0; r < 5; r++) for (String q : qs) {
                    long s0 = System.nanoTime();
                    e.getValue().search(SearchRequest.of(q));
                    ms.add((System.nanoTime() - s0) / 1e6);
                }
                Collections.sort(ms);
                double mean = ms.stream().mapToDouble(x -> x).average().orElse(0);
                System.out.printf("%s one at a time: n=%d mean %.1f ms p50 %.1f p99 %.1f (load %s)%n", e.getKey(), ms.size(), mean,
                        ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.99) - 1), Files.readString(Path.of("/proc/loadavg")).strip());
                int threads = 4;
                AtomicLong done = new AtomicLong();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long end = System.nanoTime() + 20_000_000_000L;
                for (int t = 0; t < threads; t++) {
                    int off = t;
                    pool.submit(() -> {
                        int i = off;
                        while (System.nanoTime() < end) {
                            try { e.getValue().search(SearchRequest.of(qs.get(i++ % qs.size()))); done.incrementAndGet(); } catch (Exception x) { }
                        }
                    });
                }
                pool.shutdown();
                pool.awaitTermination(60, TimeUnit.SECONDS);
                System.out.printf("%s 4 threads, 20 s: %.1f searches/s (load %s)%n", e.getKey(), done.get() / 20.0, Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
        System.exit(0);
    }
}
