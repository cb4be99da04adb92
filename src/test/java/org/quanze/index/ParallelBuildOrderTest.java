package org.quanze.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.bench.CorpusGenerator;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;
import org.quanze.model.PowerRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelBuildOrderTest {

    @Test
    void aBuildOnSeveralThreadsKeepsDocumentsInIngestOrder(@TempDir Path dir) throws Exception {
        Path data = Path.of("index-data");
        List<PowerRecord> bundled = new Ingester(SourceCatalog.load(data.resolve("sources.json"))).ingest(data.resolve("sources")).records();
        CorpusGenerator corpus = new CorpusGenerator(bundled, CorpusGenerator.bundledPlaces(), 6, 3000);
        Path gen = new IndexStore(dir).build(corpus, "test", r -> List.of());
        try (var d = FSDirectory.open(gen); DirectoryReader r = DirectoryReader.open(d)) {
            assertEquals(1, r.leaves().size());
            assertTrue(r.maxDoc() > 3000);
            NumericDocValues order = r.leaves().get(0).reader().getNumericDocValues(Schema.ORDER);
            for (int doc = 0; doc < r.maxDoc(); doc++) {
                assertTrue(order.advanceExact(doc));
                assertEquals(doc, order.longValue());
            }
        }
    }

    /**
     * A record that cannot be read fails the build with its own error, once every indexing thread
     * has stopped (none is interrupted inside the writer), and leaves nothing behind: no half-built
     * generation, no current one.
     */
    @Test
    void aFailingRecordFailsTheBuildWithItsOwnError(@TempDir Path dir) throws Exception {
        Path data = Path.of("index-data");
        List<PowerRecord> bundled = new Ingester(SourceCatalog.load(data.resolve("sources.json"))).ingest(data.resolve("sources")).records();
        CorpusGenerator corpus = new CorpusGenerator(bundled, CorpusGenerator.bundledPlaces(), 6, 3000);
        AtomicInteger taken = new AtomicInteger();
        Iterable<PowerRecord> breaking = () -> new Iterator<>() {
            private final Iterator<PowerRecord> in = corpus.iterator();

            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public PowerRecord next() {
                if (taken.incrementAndGet() == 1500) throw new IllegalStateException("record 1500 is unreadable");
                return in.next();
            }
        };
        IndexStore store = new IndexStore(dir);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.build(breaking, "test", r -> List.of()));
        assertEquals("record 1500 is unreadable", e.getMessage());
        // The other thread took no record after the failure.
        assertEquals(1500, taken.get());
        assertNull(store.current());
        try (var left = Files.list(dir.resolve("index"))) {
            assertFalse(left.anyMatch(Files::isDirectory), "a half-built generation was left behind");
        }
    }
}
