package org.quanze;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.index.IndexHandle;
import org.quanze.index.IndexStore;
import org.quanze.search.SearchRequest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the next start does with an upload that a crash interrupted, at each step of it. The steps
 * are the upload's own ({@link StagedUpload}, driven as {@link Engine#update} drives it), stopped
 * where a SIGKILL would stop them; the start is the real {@link Engine#open}.
 */
class UploadRecoveryTest {

    static final String NAME = "恢复测试清单.txt";
    static final String LIST = "序号\t权力类型\t权力名称\t设定依据\t实施主体\n"
            + "1\t行政处罚\t对恢复测试单位违规收费的处罚\t《中华人民共和国社会保险法》第八十四条\t基金监管科\n";

    @TempDir
    Path tmp;

    /** Stages the upload and writes the generation built from the staged sources, as an update does. */
    private static Path stageAndBuild(IndexStore store, StagedUpload upload) throws Exception {
        Path view = upload.stage();
        Engine.Checked r = Engine.read(store, view);
        return store.write(r.records(), store.sourcesFingerprint(view), r.laws()::basisArticles);
    }

    private static String open(Path data, Engine.Rebuild rebuild, int expectedItems) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine e = Engine.open(data, rebuild, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            assertEquals(expectedItems, e.search().items());
            assertFalse(e.rebuilding(), "the sources match the index served");
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCrashAfterCurrentMovedIsFinished() throws Exception {
        Path data = TestData.copy(tmp);
        IndexStore store = new IndexStore(data);
        Engine.ingest(store);
        StagedUpload upload = new StagedUpload(store, NAME, LIST.getBytes(StandardCharsets.UTF_8));
        Path gen = stageAndBuild(store, upload);
        upload.built(gen);
        store.publish(gen);
        // Killed here: CURRENT names the new generation, the file is still staged.
        assertFalse(Files.exists(data.resolve("sources").resolve(NAME)));

        String log = open(data, Engine.Rebuild.IN_BACKGROUND, TestData.ITEMS + 1);
        assertEquals("Finished the upload of " + NAME + ", interrupted after its index gen-2 became current: the list is now in the sources\n", log);
        assertEquals(LIST, Files.readString(data.resolve("sources").resolve(NAME)));
        try (IndexHandle current = IndexHandle.open(store.current())) {
            assertEquals(store.sourcesFingerprint(), current.fingerprint(), "sources and index agree: no rebuild");
        }
        assertEquals(List.of(), list(store.stagingDir()));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("sources").resolve(NAME))));
        try (Engine e = Engine.open(data, false, TestData.QUIET)) {
            assertEquals(1, e.search().search(SearchRequest.of("\"恢复测试单位\"")).total());
        }
    }

    @Test
    void aCrashAfterTheJournalNamedTheGenerationButBeforeCurrentMovedIsRolledBack() throws Exception {
        Path data = TestData.copy(tmp);
        IndexStore store = new IndexStore(data);
        Path first = Engine.ingest(store).generation();
        Map<String, String> before = KillDuringUploadTest.digests(data.resolve("sources"));
        StagedUpload upload = new StagedUpload(store, NAME, LIST.getBytes(StandardCharsets.UTF_8));
        upload.built(stageAndBuild(store, upload));
        // Killed here: the generation is complete and named in the journal, CURRENT is unchanged.

        String log = open(data, Engine.Rebuild.IN_BACKGROUND, TestData.ITEMS);
        assertEquals("Rolled back the upload of " + NAME + ", interrupted before its index was complete: "
                + "the sources and the index are as they were before it\n", log);
        assertEquals(first, store.current());
        assertEquals(before, KillDuringUploadTest.digests(data.resolve("sources")));
        assertEquals(List.of(), list(store.stagingDir()));
        assertEquals(List.of(first), list(data.resolve("index")).stream().filter(p -> p.getFileName().toString().startsWith("gen-")).toList());
    }

    @Test
    void leftoversWithoutAJournalAreRemovedAndTheFolderIsLeftEmpty() throws Exception {
        Path data = TestData.copy(tmp);
        IndexStore store = new IndexStore(data);
        Engine.ingest(store);
        // As the earlier upload code left them, and a folder whose journal was never written.
        Path staging = Files.createDirectories(store.stagingDir());
        Files.writeString(staging.resolve("upload-123.part"), LIST);
        Files.writeString(staging.resolve("upload-123.part.previous"), LIST);
        Files.createDirectories(staging.resolve("upload-4f0c/sources"));

        String log = open(data, Engine.Rebuild.IN_BACKGROUND, TestData.ITEMS);
        assertEquals("Removed upload-123.part left in .staging by an interrupted upload\n"
                + "Removed upload-123.part.previous left in .staging by an interrupted upload\n"
                + "Removed upload-4f0c left in .staging by an interrupted upload\n", log);
        assertEquals(List.of(), list(staging));
    }

    @Test
    void aStartBesideAnUpdateInAnotherProcessLeavesItsFilesAlone() throws Exception {
        Path data = TestData.copy(tmp);
        IndexStore store = new IndexStore(data);
        Engine.ingest(store);
        StagedUpload upload = new StagedUpload(store, NAME, LIST.getBytes(StandardCharsets.UTF_8));
        // An update holds the folder's lock (here another thread, as it would be another process).
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread updater = Thread.ofPlatform().start(() -> {
            try (var lock = store.lockForUpdate()) {
                upload.stage();
                held.countDown();
                done.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        held.await();
        try {
            assertEquals("", open(data, Engine.Rebuild.NEVER, TestData.ITEMS), "no recovery while an update runs");
            assertEquals(1, list(store.stagingDir()).size());
        } finally {
            done.countDown();
            updater.join();
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
