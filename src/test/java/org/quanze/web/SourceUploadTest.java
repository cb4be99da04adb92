package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.TestData;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/admin/sources: validated before the sources change; stored and swapped in, or nothing changes. */
class SourceUploadTest {

    static final String LIST = "序号\t权力类型\t权力名称\t设定依据\t实施主体\n"
            + "1\t行政处罚\t对上传测试单位违规收费的处罚\t《中华人民共和国社会保险法》第八十四条\t基金监管科\n"
            + "2\t行政检查\t对上传测试机构的监督检查\t《医疗保障基金使用监督管理条例》第二十二条\t基金监管科\n";

    @TempDir
    static Path tmp;
    static LiveServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.start(tmp, true, List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static int total(String q) throws Exception {
        return LiveServer.json(server.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).get("total").asInt();
    }

    /** File name → SHA-256 of the content, for "the sources are exactly as they were". */
    static Map<String, String> sources() throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(server.data.resolve("sources"))) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return m;
    }

    static String current() throws Exception {
        return Files.readString(server.data.resolve("index/CURRENT")).strip();
    }

    void assertRejected(HttpResponse<String> r, int status, String why) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = LiveServer.json(r);
        assertTrue(body.get("message").asText().contains(why), body.toString());
    }

    @Test
    void aValidListIsStoredUnderASafeNameAndSearchableAtOnce() throws Exception {
        int powers = LiveServer.json(server.get("/api/search")).get("total").asInt();
        HttpResponse<String> r = server.upload("../../tmp/上传 测试.txt", LIST.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = LiveServer.json(r);
        assertEquals("上传_测试.txt", body.get("stored").asText());
        assertEquals(2, body.get("items").asInt());
        assertFalse(body.get("replaced").asBoolean());
        assertTrue(Files.isRegularFile(server.data.resolve("sources/上传_测试.txt")));
        assertFalse(Files.exists(tmp.resolve("tmp")), "nothing is written outside the sources folder");
        assertEquals(powers + 2, LiveServer.json(server.get("/api/search")).get("total").asInt());
        assertEquals(1, total("\"上传测试单位\""));

        // The same name again replaces the list instead of adding a second copy.
        r = server.upload("上传 测试.txt", LIST.replace("2\t行政检查\t对上传测试机构的监督检查\t《医疗保障基金使用监督管理条例》第二十二条\t基金监管科\n", "")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(LiveServer.json(r).get("replaced").asBoolean());
        assertEquals(powers + 1, LiveServer.json(server.get("/api/search")).get("total").asInt());
    }

    @Test
    void aListInGb18030IsAccepted() throws Exception {
        HttpResponse<String> r = server.upload("gbk.txt", LIST.replace("上传测试", "国标编码").getBytes(Charset.forName("GB18030")));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(1, total("\"国标编码单位\""));
    }

    @Test
    void invalidFilesAreRefusedWithWhyAndTouchNothing() throws Exception {
        Map<String, String> before = sources();
        String gen = current();
        assertRejected(server.upload("empty.txt", new byte[0]), 400, "empty");
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        assertRejected(server.upload("garbage.txt", garbage), 400, "neither UTF-8 nor GB18030");
        assertRejected(server.upload("prose.txt", "这只是一段说明文字，没有表格。\n第二行。\n".getBytes(StandardCharsets.UTF_8)), 400, "no known list layout");
        assertRejected(server.upload("header-only.txt", "序号\t权力类型\t权力名称\t设定依据\n".getBytes(StandardCharsets.UTF_8)), 400, "no known list layout");
        assertRejected(server.upload("no-names.txt", "序号\t权力类型\t权力名称\t设定依据\n1\t行政处罚\t\t无\n".getBytes(StandardCharsets.UTF_8)), 400, "no item could be read");
        assertRejected(server.upload("list.docx", LIST.getBytes(StandardCharsets.UTF_8)), 400, "the name says .docx but the file is");
        assertRejected(server.upload("list.exe", LIST.getBytes(StandardCharsets.UTF_8)), 400, "not .exe");
        assertRejected(server.upload("....", LIST.getBytes(StandardCharsets.UTF_8)), 400, "no usable characters");
        assertEquals(before, sources());
        assertEquals(gen, current());
    }

    @Test
    void aNameOverTheByteLimitIs400NamingTheLimitNotA500() throws Exception {
        Map<String, String> before = sources();
        // 100 Chinese characters are 300 bytes in UTF-8; the file system allows 255 per name.
        HttpResponse<String> r = server.upload("权".repeat(100) + ".txt", LIST.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("bad_upload", LiveServer.json(r).get("error").asText());
        assertEquals("the file name is 304 bytes long in UTF-8, over the limit of 200 bytes (a Chinese character takes 3:"
                + " 65 of them and .txt fit); shorten it", LiveServer.json(r).get("message").asText());
        assertEquals(before, sources());
        // 65 of them and ".txt" fit, and the list is stored under that name.
        r = server.upload("权".repeat(63) + "清单.txt", LIST.replace("上传测试", "长名测试").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("权".repeat(63) + "清单.txt", LiveServer.json(r).get("stored").asText());
        assertEquals(1, total("\"长名测试单位\""));
    }

    @Test
    void aNameWithoutAnExtensionIsRefusedNamingTheRule() throws Exception {
        Map<String, String> before = sources();
        HttpResponse<String> r = server.upload("权责清单", LIST.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("the file name '权责清单' has no extension; it must end in one of .xlsx, .xls, .docx, .doc, .csv, .txt, .tsv,"
                + " which says how the list is read", LiveServer.json(r).get("message").asText());
        assertEquals(before, sources());
    }

    @Test
    void anUploadedListIsStoredReadableByAllLikeTheOthers() throws Exception {
        HttpResponse<String> r = server.upload("权限测试.txt", LIST.replace("上传测试", "权限测试").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.data.resolve("sources/权限测试.txt"))));
    }

    @Test
    void oversizedUploadsAre413BeforeAndWhileReading() throws Exception {
        Map<String, String> before = sources();
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        assertRejected(server.upload("big.txt", big), 413, "20 MB");
        // No Content-Length (chunked): the multipart parser's own limit answers.
        String boundary = "qzchunked";
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/admin/sources"))
                .header("Authorization", "Bearer " + LiveServer.TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(LiveServer.multipart(boundary, "big.txt", big))));
        assertRejected(r, 413, "20 MB");
        assertEquals(before, sources());
    }

    @Test
    void malformedRequestsAre400() throws Exception {
        HttpResponse<String> r = server.admin("POST", "/api/admin/sources", HttpRequest.BodyPublishers.ofString("a=b"));
        assertRejected(r, 400, "multipart/form-data");
        String boundary = "qztwo";
        byte[] one = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a.txt\"\r\n\r\n" + LIST
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"b\"; filename=\"b.txt\"\r\n\r\n" + LIST
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        r = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/admin/sources"))
                .header("Authorization", "Bearer " + LiveServer.TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(one)));
        assertRejected(r, 400, "exactly one file part");
        r = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/admin/sources"))
                .header("Authorization", "Bearer " + LiveServer.TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nbroken")));
        assertEquals(400, r.statusCode(), r.body());
    }

    @Test
    void anUploadThatFailsMidwayLeavesSourcesAndIndexAsTheyWere() throws Exception {
        Map<String, String> before = sources();
        String gen = current();
        int powers = LiveServer.json(server.get("/api/search")).get("total").asInt();
        // A real failure after the new generation is fully written, at the step that would make it
        // current: CURRENT.tmp cannot be written because a folder is in its place.
        Path blocker = Files.createDirectories(server.data.resolve("index/CURRENT.tmp/blocked"));
        try {
            HttpResponse<String> r = server.upload("midway.txt", LIST.replace("上传测试", "中途失败").getBytes(StandardCharsets.UTF_8));
            assertEquals(500, r.statusCode(), r.body());
            assertEquals("update_failed", LiveServer.json(r).get("error").asText());
            // The file system's message, with the path inside the data folder only.
            assertEquals("the list is valid but the index could not be rebuilt (index/CURRENT.tmp: Is a directory);"
                    + " the sources and the index are as they were", LiveServer.json(r).get("message").asText());
            HttpResponse<String> reindex = server.admin("POST", "/api/admin/reindex", HttpRequest.BodyPublishers.noBody());
            assertEquals(500, reindex.statusCode(), reindex.body());
            assertEquals("the index could not be rebuilt (index/CURRENT.tmp: Is a directory); the previous index is still serving",
                    LiveServer.json(reindex).get("message").asText());
            String stats = server.admin("GET", "/api/admin/stats", HttpRequest.BodyPublishers.noBody()).body();
            assertTrue(stats.contains("CURRENT.tmp: Is a directory"), stats);
            for (String body : List.of(r.body(), reindex.body(), stats)) {
                assertFalse(body.contains(tmp.toString()) || body.contains(tmp.toRealPath().toString())
                        || body.contains(server.data.toString()), "no server path: " + body);
            }
            assertEquals(before, sources(), "the upload was moved out again");
            assertEquals(gen, current(), "CURRENT still names the serving generation");
            assertEquals(powers, LiveServer.json(server.get("/api/search")).get("total").asInt());
            assertEquals(0, total("\"中途失败\""));
            try (Stream<Path> s = Files.list(server.data.resolve("index"))) {
                List<String> gens = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")).toList();
                assertTrue(gens.size() <= 2, "the half-made generation was discarded: " + gens);
            }
            try (Stream<Path> s = Files.list(server.data.resolve(".staging"))) {
                assertEquals(List.of(), s.toList(), "no staged file is left behind");
            }
        } finally {
            Files.delete(blocker);
            Files.delete(blocker.getParent());
        }
        HttpResponse<String> r = server.upload("midway.txt", LIST.replace("上传测试", "中途失败").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(1, total("\"中途失败单位\""));
    }

    @Test
    void theBundledListsCanBeUploadedAgainAsReplacements() throws Exception {
        Path src = TestData.bundledSource("001_");
        HttpResponse<String> r = server.upload(src.getFileName().toString(), Files.readAllBytes(src));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = LiveServer.json(r);
        assertTrue(body.get("replaced").asBoolean());
        assertEquals(9, body.get("items").asInt());
    }

    /** A Word 97–2003 .doc (list 001 as a Word table, saved by LibreOffice) uploads and is searchable at once. */
    @Test
    void aWordDocListIsStoredAndSearchable() throws Exception {
        int powers = LiveServer.json(server.get("/api/search")).get("total").asInt();
        byte[] doc = Files.readAllBytes(Path.of("src/test/resources/fixtures/doc/001_5b333ea7bdafe129-plain.doc"));
        HttpResponse<String> r = server.upload("医保局清单（Word）.doc", doc);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = LiveServer.json(r);
        assertEquals("医保局清单（Word）.doc", body.get("stored").asText());
        assertEquals(9, body.get("items").asInt());
        assertEquals(powers + 9, LiveServer.json(server.get("/api/search")).get("total").asInt());
    }
}
