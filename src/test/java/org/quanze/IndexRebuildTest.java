package org.quanze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.index.IndexStore;
import org.quanze.search.SearchRequest;
import org.quanze.testing.BundledData;

/**
 * Rebuilding is atomic: each ingest writes a new generation beside the serving one and only then
 * names it in CURRENT; a build that was killed half way or found nothing leaves CURRENT, and so the
 * previous index, as it was and searchable.
 */
class IndexRebuildTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path data;
    private IndexStore store;
    private Path index;

    @BeforeEach
    void copyTheBundledLists() throws Exception {
        BundledData.copyTo(data);
        store = new IndexStore(data);
        index = data.resolve("index");
    }

    private String current() throws Exception {
        return Files.readString(index.resolve("CURRENT"), StandardCharsets.UTF_8).strip();
    }

    /** Items in the index CURRENT names, and the hits of one query on it, read through a fresh engine. */
    private static void assertSearchable(Path data, int items) throws Exception {
        try (Engine e = Engine.open(data, false, QUIET)) {
            assertEquals(items, e.search().items());
            assertTrue(e.search().search(SearchRequest.of("医疗保险稽核")).total() > 0);
        }
    }

    @Test
    void aSecondIngestBuildsGeneration2BesideTheFirstAndNamesItInCurrent() throws Exception {
        assertEquals(index.resolve("gen-1"), Engine.ingest(store).generation());
        assertEquals("gen-1", current());
        assertEquals(index.resolve("gen-2"), Engine.ingest(store).generation());
        assertEquals("gen-2", current());
        assertTrue(Files.isDirectory(index.resolve("gen-1")), "the previous generation may still serve searches in flight");
        assertSearchable(data, 86);
    }

    @Test
    void aBuildKilledHalfWayLeavesCurrentUnchangedAndTheIndexSearchable() throws Exception {
        Engine.ingest(store);
        // What a build killed before its swap leaves: a generation folder with part of a segment
        // and no commit, and the temporary file that was about to replace CURRENT.
        Path partial = Files.createDirectories(index.resolve("gen-2"));
        Files.write(partial.resolve("_0.fdt"), new byte[] {0x3f, (byte) 0xd7, 0x6c, 0x17, 0, 0, 0});
        Files.writeString(partial.resolve("write.lock"), "");
        Files.writeString(index.resolve("CURRENT.tmp"), "gen-2");

        assertEquals("gen-1", current());
        assertEquals(index.resolve("gen-1"), store.current());
        assertSearchable(data, 86);
        assertFalse(Files.exists(partial), "opening the index clears away the folder of the interrupted build");
    }

    @Test
    void theNextIngestAfterAKilledBuildBuildsPastItsDebris() throws Exception {
        Engine.ingest(store);
        Files.createDirectories(index.resolve("gen-2"));
        Files.writeString(index.resolve("CURRENT.tmp"), "gen-2");
        assertEquals(index.resolve("gen-3"), Engine.ingest(store).generation());
        assertEquals("gen-3", current());
        assertSearchable(data, 86);
    }

    @Test
    void anIngestThatReadsNoItemLeavesThePreviousIndexCurrent() throws Exception {
        Engine.ingest(store);
        try (Stream<Path> files = Files.list(data.resolve("sources"))) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.write(data.resolve("sources").resolve("broken.txt"), new byte[0]);

        Engine.Built failed = Engine.ingest(store);
        assertNull(failed.generation());
        assertEquals("the file is empty", failed.report().failed().get(0).error());
        assertEquals("gen-1", current());
        assertSearchable(data, 86);
    }

    @Test
    void reindexingAnOpenEngineSwapsTheNewGenerationInForItsSearches() throws Exception {
        Engine.ingest(store);
        try (Engine e = Engine.open(data, false, QUIET)) {
            Files.delete(data.resolve("sources").resolve(BundledData.S001 + ".txt"));
            assertEquals(index.resolve("gen-2"), e.reindex().generation());
            assertEquals(86 - 9, e.search().items());
            assertEquals("gen-2", current());
        }
    }
}
