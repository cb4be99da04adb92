package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.Engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lists are data, not markup: a list whose cells hold script, event handlers and look-alike
 * {@code <mark>} tags (raw and entity-encoded) reaches a snippet as plain text in spans; what
 * matched is a flag on a span, never a tag in the text.
 */
class SnippetEscapingTest {

    static final String LIST = "序号\t权力类型\t权力名称\t设定依据\t责任事项\t实施主体\n"
            + "1\t行政处罚\t对<script>alert('x1')</script>违规收费的处罚\t《中华人民共和国社会保险法》第八十四条 <img src=x onerror=alert('x2')>\t"
            + "1.受理责任：<a href=\"javascript:alert('x3')\">点此</a>受理投诉\t基金监管科\n"
            + "2\t行政检查\t对&lt;script&gt;alert('x4')&lt;/script&gt;编码脚本的检查\t&lt;img src=x onerror=alert('x5')&gt;依据\t"
            + "1.检查责任：&lt;mark&gt;伪造的高亮&lt;/mark&gt;与&quot;&gt;&lt;svg/onload=alert('x6')&gt;检查\t基金监管科\n"
            + "3\t行政检查\t对注入测试&amp;lt;b&amp;gt;双重编码的检查\t<iframe src=//evil.example></iframe>依据 &#60;script&#62;数字实体\t"
            + "1.检查责任：注入测试 <style>body{display:none}</style> 检查\t基金监管科\n";

    @TempDir
    static Path tmp;
    static LiveServer server;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data/sources"));
        Files.writeString(data.resolve("xss.txt"), LIST, StandardCharsets.UTF_8);
        server = LiveServer.start(data.getParent(), null, false, List.of(), Engine::search);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Every highlight of the hits for q, its spans as text with each marked span in ⟦⟧. */
    static List<String> snippets(String q) throws Exception {
        JsonNode body = LiveServer.json(server.get("/api/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        List<String> out = new ArrayList<>();
        for (JsonNode hit : body.get("hits")) {
            for (JsonNode h : hit.get("highlights")) {
                assertTrue(h.has("spans") && !h.has("snippet"), "spans only, no HTML: " + h);
                StringBuilder sb = new StringBuilder();
                for (JsonNode span : h.get("spans")) {
                    sb.append(span.get("mark").asBoolean() ? "⟦" + span.get("text").asText() + "⟧" : span.get("text").asText());
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void snippetsCarryTheListsTextAsDataWithMarksOnlyAsFlags() throws Exception {
        List<String> all = new ArrayList<>();
        for (String q : List.of("alert", "script", "onerror", "img", "svg", "mark", "伪造的高亮", "编码脚本", "javascript", "iframe",
                "注入测试", "style", "数字实体", "双重编码", "依据")) {
            all.addAll(snippets(q));
        }
        assertTrue(all.size() >= 10, "the probes match: " + all);
        assertTrue(all.stream().anyMatch(s -> s.contains("<script>alert('x4')</script>")), "literal <script> text is data: " + all);
        assertTrue(all.contains("对注入测试&lt;b&gt;⟦双重编码⟧的检查"), "text encoded twice by its list is decoded once, at ingest: " + all);
        assertTrue(all.stream().anyMatch(s -> s.contains("<mark>⟦伪造的高亮⟧</mark>")),
                "a look-alike <mark> in the data is text beside the real mark: " + all);
    }

    @Test
    void rawTagsAreStrippedAtIngestAndEncodedOnesKeptAsText() throws Exception {
        JsonNode body = LiveServer.json(server.get("/api/search?size=10&sort=source"));
        assertEquals(3, body.get("total").asInt());
        List<String> names = new ArrayList<>();
        for (JsonNode hit : body.get("hits")) names.add(hit.get("name").asText());
        assertEquals("对alert('x1')违规收费的处罚", names.get(0), "a raw tag is markup of the export, removed");
        assertEquals("对<script>alert('x4')</script>编码脚本的检查", names.get(1), "an encoded tag is text, kept as text");
        JsonNode item = LiveServer.json(server.get("/api/items/" + body.get("hits").get(1).get("id").asText()));
        assertEquals(names.get(1), item.get("name").asText(), "JSON carries the text; the page inserts it as text");
    }
}
