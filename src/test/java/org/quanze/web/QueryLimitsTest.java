package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.search.SearchService;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every limit on queries, probed over HTTP with a clock around each call: each answers with the
 * right status and a JSON body in well under a second.
 */
class QueryLimitsTest {

    static final long BUDGET_MS = 1000;

    @TempDir
    static Path tmp;
    static LiveServer server;
    static LiveServer noTime;
    static LiveServer noTurn;

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.start(tmp.resolve("a"), false, List.of());
        // The same app with a search time limit of zero: every search runs out of time at once.
        noTime = LiveServer.start(tmp.resolve("b"), false, List.of(),
                e -> new SearchService(e.search().backend(), e.search().planner(), Duration.ZERO));
        // No search may run at all: every one waits its 20 ms and is refused as busy.
        noTurn = LiveServer.start(tmp.resolve("c"), false, List.of(),
                e -> new SearchService(e.search().backend(), e.search().planner(), SearchService.TIME_LIMIT, 0, Duration.ofMillis(20)));
        for (int i = 0; i < 20; i++) server.get("/api/search?q=" + enc(i % 2 == 0 ? "医疗 保障" : "行政处罚")); // JIT warm-up
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        noTime.close();
        noTurn.close();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** GETs the path, asserts the status and the time, and prints the probe for the record. */
    static JsonNode probe(LiveServer s, String label, String path, int status) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = s.get(path);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("PROBE %-48s %d %4d ms%n", label, r.statusCode(), ms);
        assertEquals(status, r.statusCode(), label + ": " + r.body());
        assertTrue(ms < BUDGET_MS, label + " took " + ms + " ms");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), label);
        JsonNode body = LiveServer.json(r);
        if (status >= 400) {
            assertTrue(body.hasNonNull("error") && body.hasNonNull("message"), label + ": " + body);
            assertTrue(!r.body().contains("Exception") && !r.body().contains("\tat "), "no stack trace: " + r.body());
        }
        return body;
    }

    @Test
    void queryLengthIsLimitedTo1000Characters() throws Exception {
        JsonNode b = probe(server, "q of 1001 characters", "/api/search?q=" + "医".repeat(1001), 400);
        assertEquals("bad_parameter", b.get("error").asText());
        probe(server, "q of 1000 characters, one repeated word", "/api/search?q=" + "医".repeat(1000), 200);
        JsonNode tooLong = probe(server, "URI over 16 KB (2000 encoded characters)", "/api/search?q=" + "医".repeat(2000), 414);
        assertEquals("uri_too_long", tooLong.get("error").asText());
    }

    @Test
    void queriesExpandingToTooManyClausesAre400() throws Exception {
        StringBuilder words = new StringBuilder(), excluded = new StringBuilder();
        for (int i = 0; i < 300; i++) words.append((char) (0x4e00 + i * 7)).append((char) (0x4e00 + i * 13)).append(' ');
        for (int i = 0; i < 240; i++) excluded.append('-').append((char) (0x4e00 + i * 7)).append((char) (0x4e00 + i * 13)).append(' ');
        // Free text is scored by the concepts of its start (ConceptReader.MAX_CONCEPTS), so a pasted page is answered...
        probe(server, "300 distinct words (899 characters)", "/api/search?q=" + enc(words.toString().strip()), 200);
        // ...and so is a quoted passage, one phrase clause per field family...
        probe(server, "quoted passage of 600 characters", "/api/search?q=" + enc("\"" + "医疗保障基金".repeat(100) + "\""), 200);
        // ...but every excluded word is a clause in each family: 240 of them pass Lucene's limit of 1,024.
        JsonNode b = probe(server, "240 excluded words", "/api/search?q=" + enc("医疗 " + excluded.toString().strip()), 400);
        assertEquals("query_too_complex", b.get("error").asText());
        assertEquals("检索词展开后的检索项太多（超过 1024 个）；请减少或缩短检索词", b.get("message").asText());
    }

    @Test
    void deepPagingIsRefusedNotScanned() throws Exception {
        assertEquals("bad_parameter", probe(server, "page 101 × size 100", "/api/search?page=101&size=100", 400).get("error").asText());
        probe(server, "page 100 × size 100 (the last allowed)", "/api/search?page=100&size=100", 200);
        probe(server, "page 10001", "/api/search?page=10001", 400);
        probe(server, "size 1000", "/api/search?size=1000", 400);
        probe(server, "size 0", "/api/search?size=0", 400);
        probe(server, "page -1", "/api/search?page=-1", 400);
        probe(server, "page 99999999999", "/api/search?page=99999999999", 400);
        probe(server, "page abc", "/api/search?page=abc", 400);
        probe(server, "q given twice", "/api/search?q=a&q=b", 400);
        probe(server, "unknown parameter", "/api/search?wildcard=true", 400);
        StringBuilder facets = new StringBuilder("/api/search?type=v0");
        for (int i = 1; i <= 50; i++) facets.append("&type=v").append(i);
        probe(server, "51 values of one facet", facets.toString(), 400);
    }

    @Test
    void wildcardsRegexesFuzzyAndFieldsAreLiteralText() throws Exception {
        assertEquals(0, probe(server, "q=*abc (leading wildcard)", "/api/search?q=" + enc("*abc"), 200).get("total").asInt());
        assertEquals(0, probe(server, "q=/.*/ (regular expression)", "/api/search?q=" + enc("/.*/"), 200).get("total").asInt());
        assertEquals(0, probe(server, "q=* (match-all wildcard)", "/api/search?q=" + enc("*"), 200).get("total").asInt());
        assertEquals(probe(server, "q=医疗 保障", "/api/search?q=" + enc("医疗 保障"), 200).get("total").asInt(),
                probe(server, "q=医疗，保障 (punctuation is no search term)", "/api/search?q=" + enc("医疗，保障"), 200).get("total").asInt());
        probe(server, "q=a~ (fuzzy)", "/api/search?q=" + enc("a~"), 200);
        probe(server, "q=field:value", "/api/search?q=" + enc("field:value"), 200);
        long withField = probe(server, "q=name:医疗", "/api/search?q=" + enc("name:医疗"), 200).get("total").asLong();
        long asWords = probe(server, "q=name 医疗", "/api/search?q=" + enc("name 医疗"), 200).get("total").asLong();
        assertEquals(asWords, withField, "a field prefix is just another word");
        long all = probe(server, "q= (browse everything)", "/api/search", 200).get("total").asLong();
        assertTrue(probe(server, "q=医* (trailing wildcard)", "/api/search?q=" + enc("医*"), 200).get("total").asLong() < all);
        probe(server, "q=[a TO z] (range)", "/api/search?q=" + enc("[a TO z]"), 200);
        probe(server, "q=\"unbalanced quote", "/api/search?q=" + enc("\"医疗 保障"), 200);
        probe(server, "q=医疗^100 (boost)", "/api/search?q=" + enc("医疗^100"), 200);
        probe(server, "q=\\ (lone backslash)", "/api/search?q=" + enc("\\"), 200);
        // A surrogate's UTF-8 form is no character: refused as a malformed escape (QueryParameterTest).
        assertEquals("bad_parameter", probe(server, "q=lone surrogate", "/api/search?q=%ED%A0%80", 400).get("error").asText());
        probe(server, "q=NUL and control characters", "/api/search?q=%00%01%1B%7F", 200);
    }

    @Test
    void aSearchPastTheTimeLimitIs503WithAMessage() throws Exception {
        JsonNode b = probe(noTime, "search over the time limit", "/api/search?q=" + enc("医疗保障"), 503);
        assertEquals("search_timeout", b.get("error").asText());
        assertEquals("这次检索用时太长，已停止；请加上更具体的词或筛选条件后再试", b.get("message").asText());
        probe(noTime, "browse over the time limit", "/api/search", 503);
        assertEquals(2000, SearchService.TIME_LIMIT.toMillis());
    }

    @Test
    void aSearchThatGetsNoTurnIs503BusyAndTheRestStillAnswers() throws Exception {
        JsonNode b = probe(noTurn, "search that waited past its turn", "/api/search?q=" + enc("医疗保障"), 503);
        assertEquals("busy", b.get("error").asText());
        assertEquals("检索服务正忙，这次检索排队太久未能开始；请稍等几秒再试", b.get("message").asText());
        assertEquals("1", noTurn.get("/api/search").headers().firstValue("Retry-After").orElse(""));
        assertEquals(503, noTurn.get("/api/export?format=csv&q=" + enc("医疗保障")).statusCode());
        assertEquals(86, probe(noTurn, "health, which needs no search turn", "/api/health", 200).get("items").asInt());
    }

    /** Found by QueryFuzzTest: a selected article that is not a number was sorted with parseInt (500). */
    @Test
    void statuteFilterWithANonNumericOrHugeArticleIsNoServerError() throws Exception {
        assertEquals(0, probe(server, "statute=社会保险法/abc", "/api/search?statute=" + enc("社会保险法/abc"), 200).get("total").asInt());
        assertEquals(0, probe(server, "statute=社会保险法/99999999999", "/api/search?statute=" + enc("社会保险法/99999999999"), 200)
                .get("total").asInt());
        assertTrue(probe(server, "statute=社会保险法/86", "/api/search?statute=" + enc("社会保险法/86"), 200).get("total").asInt() > 0);
    }

    @Test
    void otherEndpointsHaveTheirOwnLimits() throws Exception {
        probe(server, "suggest with 101 characters", "/api/suggest?q=" + "医".repeat(101), 400);
        probe(server, "suggest of a lone wildcard", "/api/suggest?q=" + enc("*"), 200);
        probe(server, "item id of 301 characters", "/api/items/" + "a".repeat(301), 404);
        probe(server, "item id with a traversal", "/api/items/" + enc("../../pom.xml"), 404);
        probe(server, "statute of 201 characters", "/api/statutes/" + enc("法".repeat(201)), 404);
        probe(server, "unknown API route", "/api/admin/reindex", 404);
    }
}
