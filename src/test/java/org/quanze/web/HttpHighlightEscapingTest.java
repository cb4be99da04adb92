package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.web.Bodies.ok;

/**
 * Highlights are spans of plain text, marked or not: a list whose text contains
 * {@code <script>alert(1)</script>} comes back with that text as data, never as markup or as
 * entities to decode. Its own server, since the extra list changes the counts the other HTTP tests pin.
 */
class HttpHighlightEscapingTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    /**
     * The lists are HTML exports, so text showing a tag is written with entities (a bare tag is
     * markup, and ingest drops it); ingest decodes them, and the record's text holds the tag.
     */
    static final String SCRIPT_IN_LIST = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final String NAME = "对测试单位" + SCRIPT + "注入脚本的行政处罚";

    /** A tiny list in the 000 layout: a heading, then the two-line header repeated before each row. */
    static final String LIST = String.join("\n",
            "# 注入测试局权责清单",
            "",
            header1(), header2(),
            row("1", "对测试单位" + SCRIPT_IN_LIST + "注入脚本的行政处罚",
                    "1.《中华人民共和国社会保险法》第八十七条 " + SCRIPT_IN_LIST + " 注入脚本的设定依据"),
            "",
            header1(), header2(),
            row("2", "对测试单位未按规定报送材料的行政检查", "1.《社会保险费征缴暂行条例》第二十三条"),
            "");

    @TempDir
    static Path data;
    static RunningServer server;

    private static String header1() {
        return String.join("\t", "序号", "权力清单", "", "", "", "责任清单", "", "", "", "备注");
    }

    private static String header2() {
        return String.join("\t", "", "权力类型", "权力名称", "设定依据", "责任主体", "责任事项", "问责依据",
                "追责情形及免责情形", "监督方式", "");
    }

    private static String row(String seq, String name, String basis) {
        return String.join("\t", seq, "行政处罚", name, basis, "测试科", "1.立案责任：符合立案标准的，及时立案。",
                "1.《中华人民共和国行政处罚法》第七十六条", "追责情形：其他依法应当追究的情形。", "监督电话：12345", "");
    }

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> extra = new HashMap<>();
        extra.put("900_injection.txt", LIST);
        server = RunningServer.start(data, extra);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theExtraListIsIndexedWithTheTagAsText() {
        assertEquals(75, ok(server.search()).get("total").asLong());
        JsonNode item = ok(server.get("/api/items/900_injection-1"));
        assertEquals(NAME, item.get("name").asText());
        assertTrue(item.get("basis").asText().contains(SCRIPT), item.get("basis")::asText);
    }

    /** A highlight's spans as text, each marked span in [brackets]. */
    static String bracketed(JsonNode highlight) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode span : highlight.get("spans")) {
            String t = span.get("text").asText();
            sb.append(span.get("mark").asBoolean() ? "[" + t + "]" : t);
        }
        return sb.toString();
    }

    @Test
    void snippetsCarryTheTagAsPlainTextNeverAsMarkup() {
        JsonNode body = ok(server.search("q", "注入脚本"));
        JsonNode hit = body.get("hits").get(0);
        assertEquals("900_injection-1", hit.get("id").asText());
        // The hit's fields are data, not HTML: the page writes them as text.
        assertEquals(NAME, hit.get("name").asText());
        Map<String, String> snippets = new HashMap<>();
        for (JsonNode h : hit.get("highlights")) snippets.put(h.get("field").asText(), bracketed(h));
        assertTrue(snippets.keySet().containsAll(List.of("name", "basis")), snippets::toString);
        assertEquals("对测试单位" + SCRIPT + "[注入脚本]的行政处罚", snippets.get("name"));
        for (String field : List.of("name", "basis")) {
            String snippet = snippets.get(field);
            assertTrue(snippet.contains(SCRIPT), "the list's text as it is, unescaped: " + snippet);
            assertFalse(snippet.contains("&lt;") || snippet.contains("&#x2F;"), "nothing is escaped for a decoder: " + snippet);
        }
    }

    @Test
    void aMatchInsideTheTagIsAMarkedSpanOfPlainText() {
        JsonNode hit = ok(server.search("q", "alert")).get("hits").get(0);
        assertEquals("900_injection-1", hit.get("id").asText());
        JsonNode name = null;
        for (JsonNode h : hit.get("highlights")) if (h.get("field").asText().equals("name")) name = h.get("spans");
        assertEquals("[{\"text\":\"对测试单位<script>\",\"mark\":false},{\"text\":\"alert\",\"mark\":true},"
                + "{\"text\":\"(1)</script>注入脚本的行政处罚\",\"mark\":false}]", String.valueOf(name));
    }
}
