package org.quanze.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quanze.web.Bodies.fields;
import static org.quanze.web.Bodies.sorted;
import static org.quanze.web.RunningServer.enc;

/** Every error is JSON {error, message} with the right status, the message in Chinese saying what to do; nothing a user types yields a 5xx. */
class HttpErrorsTest {

    @TempDir
    static Path data;
    static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start(data);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static void assertError(int status, String error, String message, RunningServer.Answer a) {
        assertEquals(status, a.status(), a::toString);
        assertTrue(a.contentType().startsWith("application/json"), a::toString);
        assertEquals(sorted("error", "message"), fields(a.json()), a::toString);
        assertEquals(error, a.json().get("error").asText(), a::toString);
        assertEquals(message, a.json().get("message").asText());
    }

    private static void assertBadParameterNaming(String name, RunningServer.Answer a) {
        assertEquals(400, a.status(), a::toString);
        assertEquals("bad_parameter", a.json().get("error").asText(), a::toString);
        assertTrue(a.json().get("message").asText().contains(name), a::toString);
    }

    @Test
    void sizeOverOneHundredIsABadParameterNamingSize() {
        assertError(400, "bad_parameter", "参数 size 须在 1 到 100 之间，现为 1000", server.search("size", "1000"));
        assertBadParameterNaming("size", server.search("size", "0"));
        assertBadParameterNaming("size", server.search("size", "-5"));
        assertBadParameterNaming("size", server.search("size", "ten"));
    }

    @Test
    void pageMustBeAPositiveWholeNumber() {
        assertError(400, "bad_parameter", "参数 page 须为整数，不能是 'abc'", server.search("page", "abc"));
        assertError(400, "bad_parameter", "参数 page 须在 1 到 10000 之间，现为 0", server.search("page", "0"));
        assertBadParameterNaming("page", server.search("page", "1.5"));
        assertBadParameterNaming("page", server.search("page", "99999999999999999999"));
        assertBadParameterNaming("page", server.search("page", "200", "size", "100"));
    }

    @Test
    void anUnknownParameterIsRefusedByName() {
        assertError(400, "bad_parameter", "没有名为 'colour' 的参数。筛选参数有 type、unit、level、statute、source、kind、lawStatus，其他参数有 q、page、size、sort、explain",
                server.search("colour", "red"));
        assertBadParameterNaming("'types'", server.search("types", "行政处罚"));
    }

    @Test
    void otherParametersAreCheckedToo() {
        assertError(400, "bad_parameter", "参数 sort 须为 relevance（相关度）或 source（按清单顺序），不能是 'date'", server.search("sort", "date"));
        assertBadParameterNaming("q", server.search("q", "a", "q", "b"));
        assertBadParameterNaming("q", server.search("q", "x".repeat(1001)));
        assertBadParameterNaming("explain", server.search("explain", "maybe"));
        assertBadParameterNaming("q", server.get("/api/suggest?q=" + "医".repeat(101)));
    }

    @Test
    void anUnknownItemIsA404() {
        assertError(404, "not_found", "没有编号为 'no-such-item' 的事项；它可能已随清单更新而移除，请重新检索", server.get("/api/items/no-such-item"));
    }

    @Test
    void anUnknownLawIsA404() {
        assertError(404, "not_found", "法规库和各清单的设定依据中都没有名为 '无此法' 的法规；请用 /api/statutes 列出的名称或简称",
                server.get("/api/statutes/" + enc("无此法")));
    }

    @Test
    void anUnknownRouteIsA404() {
        assertError(404, "not_found", "没有这个页面或接口：/api/nothing；请检查地址，或回到首页检索", server.get("/api/nothing"));
        assertError(404, "not_found", "没有这个页面或接口：/nothing.html；请检查地址，或回到首页检索", server.get("/nothing.html"));
    }

    @Test
    void aWrongMethodIsA405() {
        assertError(405, "method_not_allowed", "/api/search 不接受 POST 请求；查询请用 GET", server.send("POST", "/api/search"));
        assertError(405, "method_not_allowed", "/api/items/x 不接受 DELETE 请求；查询请用 GET", server.send("DELETE", "/api/items/x"));
        assertError(405, "method_not_allowed", "/api/health 不接受 PUT 请求；查询请用 GET", server.send("PUT", "/api/health"));
    }

    @Test
    void anAddressTooLongForTheServerIsA414InJson() {
        RunningServer.Answer a = server.search("q", "医".repeat(3000));
        assertError(414, "uri_too_long", "地址超过 16384 字节的上限；请缩短检索词（最多 1000 个字）", a);
        // Jetty drops the connection after it; the answer must say so, or a client reuses a dead connection.
        assertEquals(Optional.of("close"), a.headers().firstValue("Connection"), a::toString);
        assertEquals(400, server.search("page", "abc").status());
    }

    @Test
    void thousandCjkCharactersFitInTheAddress() {
        // Percent-encoded they are 9000 bytes: more than Jetty's default limit of 8 KiB.
        RunningServer.Answer a = server.search("q", "医疗保障局".repeat(200));
        assertEquals(200, a.status(), a::toString);
        assertTrue(a.json().get("total").asLong() > 0, a::toString);
    }

    @Test
    void pastedPageOfSynonymWordsSearchesInsteadOfFailing() {
        // 医保 has synonyms; 500 of them once made Lucene refuse the synonym graph, answered 500.
        RunningServer.Answer a = server.search("q", "医保".repeat(500));
        assertEquals(200, a.status(), a::toString);
        assertTrue(a.json().get("total").asLong() > 0, a::toString);
    }

    static List<String> nastyQueries() {
        List<String> qs = new ArrayList<>(List.of(
                "\"", "\"\"", "\"\"\"", "\"执法人员", "执法人员\"", "“执法", "「救助", "\\", "\\\\", "\"\\\"", "a\\",
                "*", "?", "~", "^", ":", "(", ")", "[", "]", "{", "}", "*?~^:()[]{}", "医*", "医?", "救助~2", "救助^10",
                "name:医保", "*:*", "[a TO z]", "{!lucene}", "/", "//", "/.*/", "+", "++", "!", "&&", "||",
                "AND", "OR", "NOT", "AND OR NOT", "救助 AND", "NOT NOT 救助", "a OR", "-", "--", "- -", "-救助",
                "-\"救助", "-\"", "\"-", "-*", "😀", "😀医保🏥", "👨‍👩‍👧", "\uD83D", "\uDE00",
                "\u0000", "\u0001\u0002\u001f", "\t\n\r", "\u200b", "\ufeff", "\u0301", "ｆｕｌｌ　ｗｉｄｔｈ", "\uffff",
                "<script>alert(1)</script>", "&lt;", "%", "%zz", "' OR 1=1 --", "${jndi:ldap://x}", "..", "../../etc/passwd",
                "社会保险法第八十七条", "社会保险法第九九九九九九九九九九九九九九九九条", "《》", "《社会保险法》第条", "第一百零四条",
                "价格法 33条", "社会保险法第0000000000000000087条", "吗", "怎么", "的的的", " "));
        qs.add("医".repeat(1000));
        qs.add("的".repeat(1000));
        qs.add("医保".repeat(500));
        qs.add("医保卡".repeat(333));
        qs.add("社保卡 ".repeat(250));
        qs.add("\"".repeat(1000));
        qs.add("-".repeat(1000));
        qs.add("(".repeat(1000));
        qs.add("😀".repeat(500));
        qs.add("一".repeat(997) + "条");
        qs.add("1".repeat(1000));
        qs.add(everySynonym());
        return qs;
    }

    /** Every word the vocabulary expands, one after another, to 1000 characters: the most clauses a query can make. */
    static String everySynonym() {
        StringBuilder sb = new StringBuilder();
        try {
            for (String line : Files.readAllLines(BundledData.PROJECT_DATA.resolve("synonyms.txt"))) {
                String entry = line.replaceFirst("#.*", "").strip();
                if (!entry.isEmpty()) sb.append(entry.replaceAll("=>|,", " ")).append(' ');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String s = sb.toString().replaceAll("\\s+", " ");
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    @Test
    void nastyQueriesNeverAnswer5xx() {
        for (String q : nastyQueries()) {
            String shown = q.length() > 20 ? q.substring(0, 20) + "…(" + q.length() + ")" : q;
            for (String[] extra : List.of(new String[0], new String[] {"sort", "source", "page", "2", "size", "5"},
                    new String[] {"type", "行政处罚", "statute", "社会保险法"})) {
                String[] params = new String[extra.length + 2];
                params[0] = "q";
                params[1] = q;
                System.arraycopy(extra, 0, params, 2, extra.length);
                RunningServer.Answer a = server.search(params);
                if (a.status() != 200 || a.json() == null || !a.json().has("total")) {
                    fail("q=" + shown + " " + String.join("&", extra) + " answered " + a);
                }
            }
            for (String path : List.of("/api/suggest?q=", "/api/items/", "/api/statutes/")) {
                RunningServer.Answer a = server.get(path + enc(q));
                if (a.status() >= 500 || a.json() == null) fail(path + shown + " answered " + a);
            }
        }
    }
}
