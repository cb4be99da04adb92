package org.quanze.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The index on disk. Each build writes a new generation folder {@code index/gen-N} beside the
 * serving one; only a complete, committed generation is named in {@code index/CURRENT}, which is
 * replaced by an atomic rename. A build that fails or is killed leaves CURRENT, and so the
 * previous index, untouched.
 */
public final class IndexStore {

    /**
     * Bumped when the schema changes, or when the reader makes other records of the same files
     * (11: names on one line), so an index built by older code is rebuilt.
     */
    public static final String SCHEMA_VERSION = "12";
    static final String FINGERPRINT = "fingerprint";
    static final String ITEMS = "items";
    /** Source id → title, so facet labels need no scan of the stored records. */
    static final String SOURCES = "sources";

    private final Path dataDir;
    private final Path indexRoot;

    public IndexStore(Path dataDir) {
        this.dataDir = dataDir;
        this.indexRoot = dataDir.resolve("index");
    }

    public Path dataDir() { return dataDir; }

    public Path sourcesDir() { return dataDir.resolve("sources"); }

    public Path catalogFile() { return dataDir.resolve("sources.json"); }

    /** The statute library's texts, repeals and renumberings (org.quanze.statute.LawLibrary). */
    public Path lawsDir() { return dataDir.resolve("laws"); }

    /** Scratch space of uploads in progress, beside the sources so that a rename moves a file in. */
    public Path stagingDir() { return dataDir.resolve(".staging"); }

    /** Waits for, then holds, the right to change this data folder (see {@link UpdateLock}). */
    public UpdateLock lockForUpdate() throws IOException {
        return UpdateLock.acquire(indexRoot);
    }

    /** The right to change this data folder when no one else holds it, else null. */
    public UpdateLock tryLockForUpdate() throws IOException {
        return UpdateLock.tryAcquire(indexRoot);
    }

    /** Threads a build indexes with: one per core. */
    public static int indexingThreads() {
        return ParallelIndexing.threads();
    }

    /** The generation folder CURRENT names, or null when there is no complete index. */
    public Path current() throws IOException {
        Path cur = indexRoot.resolve("CURRENT");
        if (!Files.isRegularFile(cur)) return null;
        String name = Files.readString(cur, StandardCharsets.UTF_8).strip();
        Path gen = indexRoot.resolve(name);
        return name.matches("gen-\\d+") && Files.isDirectory(gen) ? gen : null;
    }

    /** A digest of the sources, their metadata and the schema: it changes when a rebuild is due. */
    public String sourcesFingerprint() throws IOException {
        return sourcesFingerprint(sourcesDir());
    }

    /**
     * The fingerprint the sources will have when they hold what {@code dir} holds: an upload builds
     * from a staged copy of the sources, and the generation must match the folder it becomes.
     */
    public String sourcesFingerprint(Path dir) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));
            if (Files.isRegularFile(catalogFile())) md.update(Files.readAllBytes(catalogFile()));
            // The checks of every citation depend on the statute library: a law added or changed rebuilds too.
            if (Files.isDirectory(lawsDir())) {
                List<Path> laws;
                try (Stream<Path> s = Files.walk(lawsDir(), java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                    laws = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : laws) {
                    md.update(lawsDir().relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    md.update(Files.readAllBytes(f));
                }
            }
            if (Files.isDirectory(dir)) {
                List<Path> files;
                try (Stream<Path> s = Files.list(dir)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    try (var in = Files.newInputStream(f)) {
                        byte[] buf = new byte[1 << 16];
                        for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a new generation from the records and makes it current; returns its folder. The
     * records are read once, as they come, so a caller may stream more of them than fit in memory.
     * {@code articles} gives the texts of the articles a record's legal basis cites
     * ({@code LawLibrary.basisArticles}; see {@link Schema#ARTICLES}).
     */
    public synchronized Path build(Iterable<PowerRecord> records, String fingerprint,
                                   Function<PowerRecord, List<String>> articles) throws IOException {
        Path gen = write(records, fingerprint, articles);
        publish(gen);
        return gen;
    }

    /**
     * Writes a new, complete generation beside the serving one without making it current: the
     * caller opens it first and only then {@link #publish}es it, so a failure anywhere before the
     * rename leaves CURRENT as it was. A failed write deletes its half-built folder.
     */
    public synchronized Path write(Iterable<PowerRecord> records, String fingerprint,
                                   Function<PowerRecord, List<String>> articles) throws IOException {
        Files.createDirectories(indexRoot);
        Path gen = nextGeneration();
        // Merging while adding rewrites what the final forceMerge rewrites again: a wide tier keeps
        // the flushed segments as they are until then (at 1M items, 40 % less merge work), and a
        // buffer of a quarter of the heap (64 MB to 1 GB) flushes fewer, larger segments while
        // leaving the rest of a small heap to the readers that serve meanwhile.
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setSegmentsPerTier(200);
        IndexWriterConfig cfg = new IndexWriterConfig(Analyzers.indexing())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(Math.clamp(Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024), 64, 1024))
                .setMergePolicy(merges)
                // Documents in ingest order whichever indexing thread added them, so equal scores
                // (browsing without words) still list items as the lists do; sort=source can stop early.
                .setIndexSort(new Sort(new SortField(Schema.ORDER, SortField.Type.LONG)));
        boolean done = false;
        try {
            Suggestions.Tally tally = new Suggestions.Tally();
            Map<String, String> titles = new java.util.LinkedHashMap<>();
            long count;
            try (Directory dir = FSDirectory.open(gen); IndexWriter w = new IndexWriter(dir, cfg)) {
                count = new ParallelIndexing(w, records.iterator(), r -> {
                    tally.add(r);
                    titles.putIfAbsent(r.source().id(), r.source().title() == null ? r.source().id() : r.source().title());
                }, articles).run();
                // A large index is merged only to about one segment per core: merging on to one is
                // another rewrite of the whole index, and a search cuts its slices inside segments
                // anyway (Searchers); one segment for a small one, where per-segment overhead is all there is.
                w.forceMerge(count >= Searchers.PARALLEL_FROM_DOCS ? ParallelIndexing.threads() : 1);
                w.setLiveCommitData(Map.of(FINGERPRINT, fingerprint, ITEMS, String.valueOf(count),
                        SOURCES, org.quanze.model.Json.write(titles)).entrySet());
                w.commit();
            }
            Suggestions.build(gen.resolve("suggest"), tally);
            done = true;
            return gen;
        } finally {
            if (!done) discard(gen);
        }
    }

    /** Makes a complete generation current by replacing CURRENT with one atomic rename. */
    public synchronized void publish(Path gen) throws IOException {
        Path tmp = indexRoot.resolve("CURRENT.tmp");
        Files.writeString(tmp, gen.getFileName().toString(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        Files.move(tmp, indexRoot.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // The rename itself must reach the disk before anything acts on it (an upload's file moves next).
        IOUtils.fsync(indexRoot, true);
    }

    /** Deletes a generation that never became current; failures are left to the next prune. */
    public synchronized void discard(Path gen) {
        try {
            if (!gen.equals(current())) deleteTree(gen);
        } catch (IOException | UncheckedIOException e) {
            // prune at the next start removes what is left
        }
    }

    /**
     * Deletes generations other than the current and the one before it. The one before may still
     * serve searches in flight; older ones, and folders of interrupted builds, are garbage.
     */
    public synchronized void prune(Path keepAlso) throws IOException {
        Path cur = current();
        if (!Files.isDirectory(indexRoot)) return;
        try (Stream<Path> s = Files.list(indexRoot)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("gen-")).toList()) {
                if (p.equals(cur) || p.equals(keepAlso)) continue;
                deleteTree(p);
            }
        }
    }

    private Path nextGeneration() throws IOException {
        long max = 0;
        try (Stream<Path> s = Files.list(indexRoot)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.matches("gen-\\d+")) max = Math.max(max, Long.parseLong(n.substring(4)));
            }
        }
        Path gen = indexRoot.resolve("gen-" + (max + 1));
        Files.createDirectories(gen);
        return gen;
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
