package org.quanze;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.index.IndexStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server started over sources that changed since its index was built answers at once from the
 * previous complete generation, says in /api/health that a rebuild is running, and swaps in the new
 * generation when it is complete. A real server in a child JVM.
 */
class StartupRebuildTest {

    /** Copies of the bundled lists added after gen-1 was built: the rebuild takes seconds, the port opens in one. */
    static final int COPIES = 20;

    @TempDir
    Path tmp;

    @Test
    void servesThePreviousGenerationWhileTheNewOneIsBuiltThenSwaps() throws Exception {
        Path data = TestData.copy(tmp);
        assertEquals("gen-1", Engine.ingest(new IndexStore(data)).generation().getFileName().toString());
        TestData.addCopies(data, COPIES);

        try (ChildServer server = ChildServer.start(data, tmp.resolve("server.log"))) {
            server.awaitServing();
            JsonNode first = server.json("/api/health");
            assertEquals("gen-1", first.get("generation").asText(), first.toString());
            assertEquals(TestData.ITEMS, first.get("items").asInt(), first.toString());
            assertTrue(first.get("rebuilding").asBoolean(), "the rebuild finished before the port opened; raise COPIES. " + first);
            assertEquals(TestData.POWERS, server.json("/api/search").get("total").asInt(), "searches answer from gen-1");
            assertTrue(server.output().contains("Sources changed since the index was built: serving the previous index (gen-1)"
                    + " while a new one is built"), server.output());
            assertTrue(server.output().contains("Quanze is serving 86 items (gen-1) at http://127.0.0.1:"), server.output());

            JsonNode h = first;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (h.get("rebuilding").asBoolean()) {
                // Every answer meanwhile is a whole generation: the old one or the new one.
                assertEquals(h.get("generation").asText().equals("gen-1") ? TestData.ITEMS : TestData.ITEMS * (COPIES + 1),
                        h.get("items").asInt(), h.toString());
                assertTrue(System.nanoTime() < deadline, () -> "the rebuild did not finish: " + server.output());
                Thread.sleep(50);
                h = server.json("/api/health");
            }
            assertEquals("gen-2", h.get("generation").asText(), h + " " + server.output());
            assertEquals(TestData.ITEMS * (COPIES + 1), h.get("items").asInt());
            assertEquals(TestData.POWERS * (COPIES + 1), server.json("/api/search").get("total").asInt());
            assertEquals("gen-2", Files.readString(data.resolve("index/CURRENT")).strip());
            assertTrue(server.output().contains("Rebuilt the index: Ingested " + TestData.POWERS * (COPIES + 1) + " powers and "
                    + (TestData.ITEMS - TestData.POWERS) * (COPIES + 1) + " duties from " + 5 * (COPIES + 1) + " files"), server.output());
            assertTrue(server.output().contains("; now serving gen-2"), server.output());
        }
    }
}
