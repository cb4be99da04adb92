package org.quanze;

import org.quanze.index.Analyzers;
import org.quanze.index.IndexHandle;
import org.quanze.index.IndexManager;
import org.quanze.index.IndexStore;
import org.quanze.ingest.IngestReport;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;
import org.quanze.search.QueryFactory;
import org.quanze.search.SearchService;
import org.quanze.search.Vocabulary;
import org.quanze.statute.CitationCheck;
import org.quanze.statute.LawLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wires the pipeline over one data folder ({@code sources/}, {@code sources.json},
 * {@code synonyms.txt}, {@code query-stopwords.txt}, {@code laws/}, {@code index/}): ingest (each
 * citation checked against the statute library, which is stored with the generation), build,
 * open, serve.
 */
public final class Engine implements AutoCloseable {

    /** What an ingest produced; {@code generation} is null when nothing was built. */
    public record Built(IngestReport report, Path generation) {}

    /**
     * A change to the sources made under the rebuild lock and undone when the rebuild that follows
     * does not make it to the swap, so sources and index always change together or not at all.
     */
    public interface SourcesChange {
        void apply() throws IOException;

        void undo() throws IOException;
    }

    private final IndexStore store;
    private final IndexManager manager;
    private final SearchService search;
    private final ReentrantLock rebuilding = new ReentrantLock();

    private Engine(IndexStore store, IndexManager manager, SearchService search) {
        this.store = store;
        this.manager = manager;
        this.search = search;
    }

    /**
     * Reads every source and writes a new index generation, made current only when complete. With
     * no readable item nothing is built and the previous index stays current.
     */
    public static Built ingest(IndexStore store) throws IOException {
        if (!Files.isDirectory(store.sourcesDir())) {
            throw new IOException("no sources folder at " + store.sourcesDir());
        }
        String fingerprint = store.sourcesFingerprint();
        SourceCatalog catalog = SourceCatalog.load(store.catalogFile());
        Ingester.Result r = new Ingester(catalog).ingest(store.sourcesDir());
        if (r.records().isEmpty()) return new Built(r.report(), null);
        LawLibrary laws = LawLibrary.load(store.lawsDir());
        Path gen = store.write(new CitationCheck(laws).annotate(r.records()), fingerprint);
        laws.save(gen);
        store.publish(gen);
        return new Built(r.report(), gen);
    }

    /**
     * Opens the data folder for searching. When {@code rebuildIfStale}, an index that is missing
     * or was built from other sources than those now present is rebuilt first.
     */
    public static Engine open(Path dataDir, boolean rebuildIfStale, java.io.PrintStream log) throws IOException {
        Analyzers.preload();
        IndexStore store = new IndexStore(dataDir);
        Path current = store.current();
        if (rebuildIfStale && (current == null || !store.sourcesFingerprint().equals(store.currentFingerprint()))) {
            log.println(current == null ? "No index yet: building it from " + store.sourcesDir()
                    : "Sources changed since the index was built: rebuilding it");
            Built b = ingest(store);
            log.println(summary(b.report()));
            current = store.current();
        }
        if (current == null) {
            throw new IOException("no index in " + dataDir + "; run 'ingest' first (the sources hold no readable item)");
        }
        store.prune(null);
        IndexManager manager = new IndexManager(IndexHandle.open(current));
        QueryFactory queries = new QueryFactory(Vocabulary.load(dataDir));
        return new Engine(store, manager, new SearchService(manager, queries));
    }

    public SearchService search() {
        return search;
    }

    public IndexStore store() {
        return store;
    }

    /**
     * Rebuilds from the sources and swaps the new generation in; searches in flight finish on the
     * old one. One rebuild at a time; a failed one leaves the serving index as it was.
     */
    public Built reindex() throws IOException {
        return update(null);
    }

    /**
     * Applies the change, rebuilds and swaps. The new generation is written beside the serving one,
     * opened, and only then named in CURRENT and swapped in; if anything fails before that, the
     * generation is discarded and the change undone, so sources, CURRENT and the serving index all
     * stay as they were.
     */
    public Built update(SourcesChange change) throws IOException {
        rebuilding.lock();
        try {
            Path before = manager.currentPath();
            if (change != null) change.apply();
            boolean swapped = false;
            Throwable failure = null;
            try {
                String fingerprint = store.sourcesFingerprint();
                Ingester.Result r = new Ingester(SourceCatalog.load(store.catalogFile())).ingest(store.sourcesDir());
                if (r.records().isEmpty()) return new Built(r.report(), null);
                LawLibrary laws = LawLibrary.load(store.lawsDir());
                Path gen = store.write(new CitationCheck(laws).annotate(r.records()), fingerprint);
                IndexHandle next = null;
                try {
                    laws.save(gen);
                    next = IndexHandle.open(gen);
                    store.publish(gen);
                } catch (IOException | RuntimeException e) {
                    if (next != null) next.close();
                    store.discard(gen);
                    throw e;
                }
                manager.swapTo(next);
                swapped = true;
                try {
                    store.prune(before);
                } catch (IOException | RuntimeException e) {
                    // Old generations left behind are removed by the next prune; the swap stands.
                }
                return new Built(r.report(), gen);
            } catch (Throwable t) {
                failure = t;
                throw t;
            } finally {
                // Not swapped (a failure, or nothing readable): the change must not stay either.
                if (change != null && !swapped) {
                    try {
                        change.undo();
                    } catch (IOException | RuntimeException u) {
                        if (failure == null) throw u;
                        failure.addSuppressed(u);
                    }
                }
            }
        } finally {
            rebuilding.unlock();
        }
    }

    public static String summary(IngestReport r) {
        return "Ingested " + r.powers() + " powers and " + r.duties() + " duties from " + r.sources().size()
                + " files in " + r.millis() + " ms" + (r.skipped().isEmpty() ? "" : "; " + r.skipped().size() + " skipped (see report)");
    }

    @Override
    public void close() throws IOException {
        manager.close();
    }
}
