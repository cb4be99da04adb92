package org.quanze;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.index.IndexStore;
import org.quanze.model.Json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL of a real server (a child JVM) in the middle of an upload, then a restart: the upload
 * never happened. The sources hold exactly the files they held before, the index served is the
 * previous one, and {@code .staging} is empty.
 *
 * <p>How the kill lands at the dangerous moment, every time: the sources hold the bundled lists
 * {@value #COPIES} times over, so rebuilding the index takes seconds. The test waits until the
 * upload's journal is in {@code .staging} and the new generation's folder {@code index/gen-2}
 * exists, i.e. the server is writing the index built from the staged file, and kills it then. After
 * the kill it checks that this was so: CURRENT still names gen-1 and the journal names no
 * generation (the build was not complete). With the earlier design this is the moment at which the
 * new file was already in {@code sources/} and the replaced one in {@code .staging}.
 */
class KillDuringUploadTest {

    static final int COPIES = 30;
    static final String REPLACED = "001_5b333ea7bdafe129.txt";
    static final String LIST = "序号\t权力类型\t权力名称\t设定依据\t实施主体\n"
            + "1\t行政处罚\t对崩溃测试单位违规收费的处罚\t《中华人民共和国社会保险法》第八十四条\t基金监管科\n"
            + "2\t行政检查\t对崩溃测试机构的监督检查\t《医疗保障基金使用监督管理条例》第二十二条\t基金监管科\n";

    /** The sources and their index gen-1, built once; each test works on a copy. */
    @TempDir
    static Path built;
    @TempDir
    Path tmp;

    @BeforeAll
    static void buildTheFirstGeneration() throws Exception {
        Path data = TestData.copy(built);
        TestData.addCopies(data, COPIES);
        assertEquals("gen-1", Engine.ingest(new IndexStore(data)).generation().getFileName().toString());
    }

    @Test
    void anUploadReplacingAListKilledMidBuildIsRolledBackAtTheNextStart() throws Exception {
        killMidUploadAndRestart(REPLACED);
    }

    @Test
    void anUploadAddingAListKilledMidBuildIsRolledBackAtTheNextStart() throws Exception {
        killMidUploadAndRestart("崩溃测试新增清单.txt");
    }

    private void killMidUploadAndRestart(String uploaded) throws Exception {
        // With gen-1 built from the sources as they are, the server starts serving it at once.
        Path data = copyTree(built.resolve("data"), tmp.resolve("data"));
        int items = TestData.ITEMS * (COPIES + 1);
        Map<String, String> sourcesBefore = digests(data.resolve("sources"));
        boolean replacing = sourcesBefore.containsKey(uploaded);

        int powersOfReplaced;
        try (ChildServer server = ChildServer.start(data, tmp.resolve("first.log"))) {
            server.awaitServing();
            assertHealth(server, items, "gen-1");
            powersOfReplaced = server.json("/api/search?source=001_5b333ea7bdafe129").get("total").asInt();
            assertEquals(9, powersOfReplaced);

            CompletableFuture<HttpResponse<String>> upload = server.upload(uploaded, LIST.getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(journalExists(data) && Files.isDirectory(data.resolve("index/gen-2")))) {
                assertFalse(upload.isDone(), () -> "the upload ended before the build began: " + upload.join().body());
                assertTrue(System.nanoTime() < deadline, () -> "the server never began the build: " + server.output());
                Thread.sleep(5);
            }
            assertTrue(server.process.isAlive());
            server.kill();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> upload.get(30, TimeUnit.SECONDS),
                    "the client saw the upload fail");
            assertTrue(failed.getCause() instanceof java.io.IOException, failed.toString());
        }

        // The kill landed mid-build: the new generation was not complete, CURRENT never moved, and
        // nothing had entered the sources.
        assertEquals("gen-1", Files.readString(data.resolve("index/CURRENT")).strip(), "killed too late: raise COPIES");
        List<Path> staged = list(data.resolve(".staging"));
        assertEquals(1, staged.size(), staged.toString());
        JsonNode journal = Json.MAPPER.readTree(staged.get(0).resolve("journal.json").toFile());
        assertEquals(uploaded, journal.get("file").asText());
        assertTrue(journal.get("generation").isNull(), "killed too late: the build was complete. " + journal);
        assertEquals(sourcesBefore, digests(data.resolve("sources")), "nothing entered the sources during the build");

        try (ChildServer server = ChildServer.start(data, tmp.resolve("second.log"))) {
            server.awaitServing();
            assertTrue(server.output().contains("Rolled back the upload of " + uploaded + ", interrupted before its index was complete"),
                    server.output());
            assertFalse(server.output().contains("while a new one is built"), "the previous index matches the sources: " + server.output());
            assertHealth(server, items, "gen-1");
            assertEquals(9, server.json("/api/search?source=001_5b333ea7bdafe129").get("total").asInt());
            assertEquals(0, server.total("崩溃测试"));
            assertEquals(TestData.POWERS * (COPIES + 1), server.json("/api/search").get("total").asInt());
            String id = server.json("/api/search?source=001_5b333ea7bdafe129&sort=source&size=1").get("hits").get(0).get("id").asText();
            assertEquals("001_5b333ea7bdafe129", server.json("/api/items/" + id).get("source").get("id").asText());

            assertEquals(sourcesBefore, digests(data.resolve("sources")),
                    replacing ? "sources/ holds the previous " + uploaded : "the added list is not in sources/");
            assertEquals(List.of(), list(data.resolve(".staging")), ".staging is empty");
            assertEquals(List.of("gen-1"), list(data.resolve("index")).stream().map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("gen-")).toList(), "the half-built gen-2 was pruned");
        }
    }

    private static void assertHealth(ChildServer server, int items, String generation) throws Exception {
        JsonNode h = server.json("/api/health");
        assertEquals(items, h.get("items").asInt(), h.toString());
        assertEquals(generation, h.get("generation").asText(), h.toString());
        assertFalse(h.get("rebuilding").asBoolean(), h.toString());
    }

    private static boolean journalExists(Path data) throws Exception {
        for (Path p : list(data.resolve(".staging"))) {
            if (Files.isRegularFile(p.resolve("journal.json"))) return true;
        }
        return false;
    }

    private static List<Path> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static Path copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else if (!p.getFileName().toString().equals("update.lock")) Files.copy(p, t);
            }
        }
        return to;
    }

    /** File name → SHA-256 of its content. */
    static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (Path p : list(dir)) {
            m.put(p.getFileName().toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
        }
        return m;
    }
}
