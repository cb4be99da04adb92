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

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelBuildOrderTest {

    @Test
    void aBuildOnSeveralThreadsKeepsDocumentsInIngestOrder(@TempDir Path dir) throws Exception {
        Path data = Path.of("index-data");
        List<PowerRecord> bundled = new Ingester(SourceCatalog.load(data.resolve("sources.json"))).ingest(data.resolve("sources")).records();
        CorpusGenerator corpus = new CorpusGenerator(bundled, CorpusGenerator.bundledPlaces(), 6, 3000);
        Path gen = new IndexStore(dir).build(corpus, "test");
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
}
