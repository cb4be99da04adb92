package org.quanze.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.quanze.index.Analyzers;
import org.quanze.index.DocumentMapper;
import org.quanze.index.IndexStore;
import org.quanze.Engine;
import org.quanze.model.PowerRecord;
import org.quanze.statute.LawLibrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Ingest throughput through the real path (IndexStore.build: both analyzers, postings, stored
 * records, facets, suggester), against the limit: SmartChineseAnalyzer alone tokenising the same
 * text with as many threads as the build uses.
 */
final class IngestBench {

    /** One build. {@code generateSeconds} is the time the generator alone takes for the same records. */
    record Run(long records, long powers, long textBytes, double buildSeconds, double generateSeconds,
               double buildCpuSeconds, double generateCpuSeconds, long indexBytes, int segments) {
        double indexSeconds() {
            return Math.max(1e-9, buildSeconds - generateSeconds);
        }

        double recordsPerSecond() {
            return records / indexSeconds();
        }

        double mbPerSecond() {
            return textBytes / 1e6 / indexSeconds();
        }

        /** MB of text per CPU second (all threads): robust to other load on the machine. */
        double mbPerCpuSecond() {
            return textBytes / 1e6 / Math.max(1e-9, buildCpuSeconds - generateCpuSeconds);
        }
    }

    /** The analyzer-only limit over a sample of the corpus. */
    record Limit(long records, long textBytes, double seconds, double cpuSeconds, int threads) {
        double mbPerSecond() {
            return textBytes / 1e6 / seconds;
        }

        double mbPerCpuSecond() {
            return textBytes / 1e6 / cpuSeconds;
        }

        double recordsPerSecond() {
            return records / seconds;
        }
    }

    private IngestBench() {}

    /**
     * Copies what queries need (synonyms, stopwords, source metadata, the statute library) and,
     * for the bundled lists, the sources.
     */
    static void prepare(Path repoData, Path dataDir, boolean withSources) throws IOException {
        Files.createDirectories(dataDir);
        Path laws = repoData.resolve("laws");
        try (Stream<Path> s = Files.walk(laws)) {
            for (Path p : s.toList()) {
                Path to = dataDir.resolve("laws").resolve(laws.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> files = new ArrayList<>(org.quanze.search.Vocabulary.FILES);
        files.add("sources.json");
        for (String f : files) {
            Path src = repoData.resolve(f);
            if (Files.isRegularFile(src)) Files.copy(src, dataDir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (withSources) {
            Path to = dataDir.resolve("sources");
            Files.createDirectories(to);
            try (Stream<Path> s = Files.list(repoData.resolve("sources"))) {
                for (Path p : s.toList()) Files.copy(p, to.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The bundled lists: reading, parsing and checking the source files is part of the measured time. */
    static Run bundled(Path dataDir) throws IOException {
        IndexStore store = new IndexStore(dataDir);
        String fingerprint = store.sourcesFingerprint();
        long t0 = System.nanoTime();
        long c0 = cpu();
        Engine.Checked checked = Engine.read(store, store.sourcesDir());
        List<PowerRecord> records = checked.records();
        Path gen = store.build(records, fingerprint, checked.laws()::basisArticles);
        checked.laws().save(gen);
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuSecs = (cpu() - c0) / 1e9;
        store.prune(null);
        long bytes = 0;
        long powers = 0;
        for (PowerRecord r : records) {
            bytes += textBytes(r);
            if (PowerRecord.POWER.equals(r.kind())) powers++;
        }
        return new Run(records.size(), powers, bytes, secs, 0, cpuSecs, 0, size(gen), segments(gen));
    }

    /**
     * Generated records streamed into the build. The data folder holds no sources, so its index
     * is stamped with the fingerprint of no sources and {@code serve} opens it without a rebuild.
     */
    static Run generated(CorpusGenerator corpus, Path dataDir, LawLibrary laws) throws IOException {
        long t0 = System.nanoTime();
        long c0 = cpu();
        long records = 0;
        long powers = 0;
        long bytes = 0;
        for (PowerRecord r : corpus) {
            records++;
            if (PowerRecord.POWER.equals(r.kind())) powers++;
            bytes += textBytes(r);
        }
        double genSecs = (System.nanoTime() - t0) / 1e9;
        double genCpu = (cpu() - c0) / 1e9;
        IndexStore store = new IndexStore(dataDir);
        String fingerprint = store.sourcesFingerprint();
        long t1 = System.nanoTime();
        long c1 = cpu();
        Path gen = store.build(corpus, fingerprint, laws::basisArticles);
        laws.save(gen);
        double secs = (System.nanoTime() - t1) / 1e9;
        double cpuSecs = (cpu() - c1) / 1e9;
        store.prune(null);
        return new Run(records, powers, bytes, secs, genSecs, cpuSecs, genCpu, size(gen), segments(gen));
    }

    /** An index built earlier: its counts and size, no timings (NaN). */
    static Run describe(Path dataDir) throws IOException {
        Path gen = new IndexStore(dataDir).current();
        if (gen == null) throw new IOException("no index in " + dataDir);
        try (var dir = FSDirectory.open(gen); DirectoryReader r = DirectoryReader.open(dir)) {
            long powers = r.docFreq(new org.apache.lucene.index.Term(org.quanze.index.Schema.KIND, PowerRecord.POWER));
            return new Run(r.numDocs(), powers, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, size(gen), r.leaves().size());
        }
    }

    /** SmartChineseAnalyzer alone over the text of the first {@code max} records, on {@code threads} threads. */
    static Limit limit(Iterable<PowerRecord> corpus, long max, int threads) {
        List<String> texts = new ArrayList<>();
        long bytes = 0;
        long records = 0;
        for (PowerRecord r : corpus) {
            if (records++ >= max) break;
            for (String t : DocumentMapper.texts(r).values()) {
                if (t.isBlank()) continue;
                texts.add(t);
                bytes += t.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        records = Math.min(records, max);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            long c0 = cpu();
            List<Future<Long>> parts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int from = i;
                parts.add(pool.submit(() -> tokenise(texts, from, threads)));
            }
            long tokens = 0;
            for (Future<Long> f : parts) tokens += f.get();
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuSecs = (cpu() - c0) / 1e9;
            if (tokens == 0) throw new IllegalStateException("the analyzer produced no token");
            return new Limit(records, bytes, secs, cpuSecs, threads);
        } catch (Exception e) {
            throw new IllegalStateException("analyzer-only run failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long tokenise(List<String> texts, int from, int step) throws IOException {
        long n = 0;
        try (Analyzer a = Analyzers.words()) {
            for (int i = from; i < texts.size(); i += step) {
                try (TokenStream ts = a.tokenStream("name", texts.get(i))) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) n += term.length() > 0 ? 1 : 0;
                    ts.end();
                }
            }
        }
        return n;
    }

    /** CPU time of the whole process (every thread, GC and compiler included), in nanoseconds. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** UTF-8 bytes of the text the analyzers see (each field family counted once). */
    static long textBytes(PowerRecord r) {
        long n = 0;
        for (String t : DocumentMapper.texts(r).values()) n += t.getBytes(StandardCharsets.UTF_8).length;
        return n;
    }

    static long size(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int segments(Path gen) throws IOException {
        try (var dir = FSDirectory.open(gen); DirectoryReader r = DirectoryReader.open(dir)) {
            return r.leaves().size();
        }
    }
}
