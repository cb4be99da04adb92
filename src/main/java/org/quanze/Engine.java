package org.quanze;

import org.quanze.index.Analyzers;
import org.quanze.index.IndexHandle;
import org.quanze.index.IndexManager;
import org.quanze.index.IndexStore;
import org.quanze.index.UpdateLock;
import org.quanze.ingest.IngestReport;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.search.QueryPlanner;
import org.quanze.search.SearchService;
import org.quanze.search.Vocabulary;
import org.quanze.statute.CitationCheck;
import org.quanze.statute.LawLibrary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the pipeline over one data folder ({@code sources/}, {@code sources.json},
 * {@code synonyms.txt}, {@code query-stopwords.txt}, {@code laws/}, {@code index/}): ingest (each
 * citation checked against the statute library, which is stored with the generation), build,
 * open, serve.
 * Every change to the folder runs under its {@link UpdateLock}; at start, what an update killed
 * midway left behind is finished or rolled back first (see {@link StagedUpload}).
 */
public final class Engine implements AutoCloseable {

    /** What an ingest produced; {@code generation} is null when nothing was built. */
    public record Built(IngestReport report, Path generation) {}

    /** The lists as read, each citation checked against the library they were checked with. */
    public record Checked(IngestReport report, List<PowerRecord> records, LawLibrary laws) {}

    /**
     * Reads every list under {@code from} and checks each citation against the data folder's
     * statute library: what both the embedded index and a cluster index are built from.
     */
    public static Checked read(IndexStore store, Path from) throws IOException {
        Ingester.Result r = new Ingester(SourceCatalog.load(store.catalogFile())).ingest(from);
        LawLibrary laws = LawLibrary.load(store.lawsDir());
        return new Checked(r.report(), new CitationCheck(laws).annotate(r.records()), laws);
    }

    /** When {@link #open} rebuilds an index that is missing or older than the sources. */
    public enum Rebuild {
        /** Never: serve what CURRENT names (commands that only read). */
        NEVER,
        /** Before opening, so the caller sees the new index at once (the command line). */
        FIRST,
        /**
         * While serving the previous complete generation, swapped for the new one when it is done
         * (the server: its port answers at once). With no index at all, it is built first.
         */
        IN_BACKGROUND
    }

    /**
     * A change to the sources that becomes true only with the index built from it. Nothing in
     * {@code sources/} changes before {@link #commit}, which runs once that index is current.
     */
    public interface SourcesChange {
        /** A folder holding the sources as they will be after the change; the build reads it. */
        Path stage() throws IOException;

        /** The generation built from the staged folder is complete and about to become current. */
        void built(Path generation) throws IOException;

        /** The generation is current: make the sources match it. */
        void commit() throws IOException;

        /** The generation did not become current: remove what {@link #stage} made. Never throws. */
        void discard();
    }

    private final IndexStore store;
    private final IndexManager manager;
    private final SearchService search;
    /** Updates running or waiting for their turn; one runs at a time (the update lock). */
    private final AtomicInteger updates = new AtomicInteger();

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
        return ingest(store, new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    private static Built ingest(IndexStore store, PrintStream log) throws IOException {
        if (!Files.isDirectory(store.sourcesDir())) {
            throw new IOException("no sources folder at " + store.sourcesDir());
        }
        try (UpdateLock lock = store.lockForUpdate()) {
            StagedUpload.recover(store, log);
            String fingerprint = store.sourcesFingerprint();
            Checked r = read(store, store.sourcesDir());
            if (r.records().isEmpty()) return new Built(r.report(), null);
            Path gen = store.write(r.records(), fingerprint, r.laws()::basisArticles);
            r.laws().save(gen);
            store.publish(gen);
            return new Built(r.report(), gen);
        }
    }

    /**
     * Opens the data folder for searching. When {@code rebuildIfStale}, an index that is missing
     * or was built from other sources than those now present is rebuilt first.
     */
    public static Engine open(Path dataDir, boolean rebuildIfStale, PrintStream log) throws IOException {
        return open(dataDir, rebuildIfStale ? Rebuild.FIRST : Rebuild.NEVER, log);
    }

    /**
     * Opens the data folder for searching, after finishing or rolling back an update that a crash
     * interrupted (unless another process is updating the folder right now), and rebuilds an index
     * that is missing or was built from other sources as {@code rebuild} says.
     */
    public static Engine open(Path dataDir, Rebuild rebuild, PrintStream log) throws IOException {
        Analyzers.preload();
        Vocabulary.preload();
        Json.preload();
        IndexStore store = new IndexStore(dataDir);
        try (UpdateLock lock = store.tryLockForUpdate()) {
            if (lock != null) {
                StagedUpload.recover(store, log);
                // Generations other than CURRENT are debris of interrupted builds (none runs: we hold the lock).
                store.prune(null);
            }
        }
        Path current = store.current();
        // The fingerprint is read from the reader that will serve: reading the commit on its own
        // first parsed it twice, and a commit names every list (at a million items, thousands).
        IndexHandle serving = null;
        try {
            if (current != null) serving = IndexHandle.open(current);
        } catch (IOException | RuntimeException unreadable) {
            // Rebuilt below where a rebuild comes first; elsewhere there is nothing to serve.
            if (rebuild != Rebuild.FIRST) throw unreadable;
        }
        boolean stale = serving == null || !store.sourcesFingerprint().equals(serving.fingerprint());
        if (stale && rebuild != Rebuild.NEVER && (current == null || rebuild == Rebuild.FIRST)) {
            if (serving != null) serving.close();
            log.println(current == null ? "No index yet: building it from " + store.sourcesDir()
                    : "Sources changed since the index was built: rebuilding it");
            Built b = ingest(store, log);
            log.println(summary(b.report()));
            current = store.current();
            serving = current == null ? null : IndexHandle.open(current);
            stale = false;
        }
        if (serving == null) {
            throw new IOException("no index in " + dataDir + "; run 'ingest' first (the sources hold no readable item)");
        }
        IndexManager manager = new IndexManager(serving);
        QueryPlanner queries = new QueryPlanner(Vocabulary.load(dataDir));
        Engine engine = new Engine(store, manager, new SearchService(manager, queries));
        if (stale && rebuild == Rebuild.IN_BACKGROUND) engine.rebuildInBackground(current, log);
        return engine;
    }

    /** The start-up rebuild, on its own thread, while the previous generation serves. */
    private void rebuildInBackground(Path serving, PrintStream log) {
        log.println("Sources changed since the index was built: serving the previous index (" + serving.getFileName()
                + ") while a new one is built");
        updates.incrementAndGet(); // counted from now, so no one sees "not rebuilding" before the thread runs
        Thread t = new Thread(() -> {
            try {
                Built b = reindex();
                log.println(b.generation() == null
                        ? "The sources hold no readable item; still serving " + serving.getFileName()
                        : "Rebuilt the index: " + summary(b.report()) + "; now serving " + b.generation().getFileName());
            } catch (IOException | RuntimeException e) {
                log.println("The rebuild failed (" + e.getMessage() + "); still serving " + serving.getFileName());
            } finally {
                updates.decrementAndGet();
            }
        }, "quanze-start-rebuild");
        // A server stopped meanwhile does not wait for it: an unfinished generation is pruned at the next start.
        t.setDaemon(true);
        t.start();
    }

    public SearchService search() {
        return search;
    }

    public IndexStore store() {
        return store;
    }

    /** Whether a rebuild (at start, a reindex or an upload) is running or waiting for its turn. */
    public boolean rebuilding() {
        return updates.get() > 0;
    }

    /**
     * Rebuilds from the sources and swaps the new generation in; searches in flight finish on the
     * old one. One rebuild at a time; a failed one leaves the serving index as it was.
     */
    public Built reindex() throws IOException {
        return update(null);
    }

    /**
     * Builds a generation from the sources as the change stages them (or as they are), opens it,
     * names it in CURRENT and swaps it in; only then does the change reach the sources. If anything
     * fails before CURRENT moves, the generation and the staged change are discarded, so sources,
     * CURRENT and the serving index all stay as they were; a crash is finished or rolled back at
     * the next start the same way.
     */
    public Built update(SourcesChange change) throws IOException {
        updates.incrementAndGet();
        try (UpdateLock lock = store.lockForUpdate()) {
            Path before = manager.currentPath();
            boolean current = false;
            try {
                Path from = change == null ? store.sourcesDir() : change.stage();
                String fingerprint = store.sourcesFingerprint(from);
                Checked r = read(store, from);
                if (r.records().isEmpty()) return new Built(r.report(), null);
                Path gen = store.write(r.records(), fingerprint, r.laws()::basisArticles);
                IndexHandle next = null;
                try {
                    r.laws().save(gen);
                    next = IndexHandle.open(gen);
                    if (change != null) change.built(gen);
                    store.publish(gen);
                } catch (IOException | RuntimeException e) {
                    if (next != null) next.close();
                    store.discard(gen);
                    throw e;
                }
                current = true;
                manager.swapTo(next);
                // CURRENT has moved: should moving the file fail, the next start finishes it from the journal.
                if (change != null) change.commit();
                try {
                    store.prune(before);
                } catch (IOException | RuntimeException e) {
                    // Old generations left behind are removed by the next prune; the swap stands.
                }
                return new Built(r.report(), gen);
            } finally {
                if (change != null && !current) change.discard();
            }
        } finally {
            updates.decrementAndGet();
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
