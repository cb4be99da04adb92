package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.search.SearchRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Repeated questions come from the answer cache, never across index generations, never when asked not to. */
class AnswerCacheTest {

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

    private static HttpResponse<String> search(String q, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        if (headers.length > 0) b.headers(headers);
        return server.send(b);
    }

    private static String cache(HttpResponse<String> r) {
        return r.headers().firstValue(Api.ANSWER_CACHE).orElse("");
    }

    private static List<String> ids(HttpResponse<String> r) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode h : LiveServer.json(r).get("hits")) ids.add(h.get("id").asText());
        return ids;
    }

    @Test
    void aRepeatedSearchIsAnsweredFromTheCacheUntilANewGenerationServes() throws Exception {
        HttpResponse<String> first = search("医疗救助怎么处罚");
        assertEquals(200, first.statusCode());
        assertEquals("miss", cache(first));
        HttpResponse<String> again = search("医疗救助怎么处罚");
        assertEquals("hit", cache(again));
        assertEquals(first.body(), again.body());
        assertEquals("application/json", again.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));

        // Asked for a fresh answer, and with explanations, the search runs again: same hits.
        HttpResponse<String> fresh = search("医疗救助怎么处罚", "Cache-Control", "no-cache");
        assertEquals("bypass", cache(fresh));
        assertEquals(ids(first), ids(fresh));
        HttpResponse<String> explained = server.get("/api/search?explain=true&q=" + URLEncoder.encode("医疗救助怎么处罚", StandardCharsets.UTF_8));
        assertEquals("bypass", cache(explained));

        // A new generation (reindex) empties the cache: the next answer is searched on it.
        assertEquals(200, server.admin("POST", "/api/admin/reindex", HttpRequest.BodyPublishers.noBody()).statusCode());
        HttpResponse<String> after = search("医疗救助怎么处罚");
        assertEquals("miss", cache(after));
        assertEquals(ids(first), ids(after));
        assertEquals("hit", cache(search("医疗救助怎么处罚")));
    }

    @Test
    void theCacheKeepsItsBoundAndOnlyTheGenerationItWasFilledOn() {
        AnswerCache c = new AnswerCache(800);
        SearchRequest a = SearchRequest.of("a"), b = SearchRequest.of("b"), d = SearchRequest.of("d");
        c.put("gen-1", a, new byte[100]);
        c.put("gen-1", b, new byte[100]);
        assertEquals(2, c.size());
        // More than an eighth of the bound is never kept.
        c.put("gen-1", d, new byte[101]);
        assertNull(c.get("gen-1", d));
        // Past the bound, the least recently used go first: a was read last, so b goes.
        for (int i = 0; i < 6; i++) c.put("gen-1", SearchRequest.of("q" + i), new byte[100]);
        assertEquals(8, c.size());
        assertArrayEquals(new byte[100], c.get("gen-1", a));
        c.put("gen-1", SearchRequest.of("q6"), new byte[100]);
        assertEquals(8, c.size());
        assertNull(c.get("gen-1", b));
        assertArrayEquals(new byte[100], c.get("gen-1", a));
        // Another generation's question is not answered from this one's answers, and filling it empties them.
        assertNull(c.get("gen-2", a));
        c.put("gen-2", d, new byte[10]);
        assertEquals(1, c.size());
        assertNull(c.get("gen-1", a));
        assertEquals(0, new AnswerCache(0).size());
    }
}
