package org.quanze.testing;

import org.quanze.Engine;
import org.quanze.bench.CorpusGenerator;
import org.quanze.index.IndexStore;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A corpus generated from the bundled lists (as {@code bench} makes its sizes), indexed in a temporary folder. */
public final class GeneratedData {

    /** Seed and size of {@link #sharedEngine()}'s corpus. */
    public static final long SHARED_SEED = 11;
    public static final int SHARED_ITEMS = 10_000;

    private static Engine shared;

    private GeneratedData() {}

    /**
     * One engine over {@value #SHARED_ITEMS} generated items, built once per test JVM and never
     * closed (read-only use), as {@link BundledData#sharedEngine()}: building it takes seconds.
     */
    public static synchronized Engine sharedEngine() {
        if (shared == null) {
            try {
                shared = open(SHARED_SEED, SHARED_ITEMS);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** An engine over {@code items} generated items, with the bundled lists' metadata and vocabulary. */
    private static Engine open(long seed, int items) throws IOException {
        Path dir = Files.createTempDirectory("quanze-generated");
        BundledData.copyTo(dir);
        Path sources = dir.resolve("sources");
        IndexStore store = new IndexStore(dir);
        // Checked against the statute library as an ingest checks them: generated items cite what
        // the bundled ones cite, and the cited articles' text is indexed with them.
        Engine.Checked bundled = Engine.read(store, sources);
        try (var files = Files.list(sources)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Path gen = store.build(new CorpusGenerator(bundled.records(), CorpusGenerator.bundledPlaces(), seed, items),
                store.sourcesFingerprint(), bundled.laws()::basisArticles);
        bundled.laws().save(gen);
        return Engine.open(dir, false, new PrintStream(OutputStream.nullOutputStream()));
    }
}
