package org.quanze;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.index.IndexStore;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL in the middle of building a generation: CURRENT still names the previous one, the next
 * open serves it, and the half-written folder is removed.
 */
class KillDuringIngestTest {

    /** Copies of the bundled lists added to make the build take seconds rather than milliseconds. */
    static final int COPIES = 60;

    @TempDir
    Path tmp;

    @Test
    void aKilledIngestLeavesThePreviousIndexServing() throws Exception {
        Path data = TestData.copy(tmp);
        IndexStore store = new IndexStore(data);
        Path first = Engine.ingest(store).generation();
        assertEquals("gen-1", first.getFileName().toString());
        String servedFingerprint = store.sourcesFingerprint();

        // A large sources folder: the bundled lists many times over, under other names.
        List<Path> added = TestData.addCopies(data, COPIES);

        Path out = tmp.resolve("child.log");
        Process child = TestData.childJvm(List.of("-Xmx512m"), IngestChild.class.getName(), data.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Path second = data.resolve("index/gen-2");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // Kill once the new generation has segment files on disk: mid-build, before CURRENT moves.
        while (!hasFiles(second)) {
            assertTrue(child.isAlive(), () -> "the child ended before building: " + read(out));
            assertTrue(System.nanoTime() < deadline, "the child never started building");
            Thread.sleep(20);
        }
        Thread.sleep(200);
        assertTrue(child.isAlive(), () -> "the build finished before it could be killed; raise COPIES. " + read(out));
        child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no finally block runs
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");
        assertFalse(read(out).contains("ingest finished"), read(out));

        assertEquals("gen-1", Files.readString(data.resolve("index/CURRENT")).strip(), "CURRENT was never moved");
        assertTrue(Files.isDirectory(second), "the half-built generation is still on disk");

        // The next start without rebuilding serves the previous generation and clears the debris.
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = Engine.open(data, false, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            assertEquals(first, engine.search().index().currentPath());
            assertEquals(TestData.ITEMS, engine.search().items());
            assertEquals(TestData.POWERS, engine.search().search(org.quanze.search.SearchRequest.of("")).total());
        }
        assertFalse(Files.exists(second), "the half-built generation was pruned");

        // With the sources as they were when gen-1 was built, a normal start serves gen-1 at once.
        for (Path p : added) Files.delete(p);
        assertEquals(servedFingerprint, store.sourcesFingerprint());
        log.reset();
        try (Engine engine = Engine.open(data, true, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            assertEquals(first, engine.search().index().currentPath());
            assertEquals(TestData.ITEMS, engine.search().items());
        }
        assertEquals("", log.toString(StandardCharsets.UTF_8), "no rebuild was needed");
    }

    private static boolean hasFiles(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("_"));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
