package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.web.Bodies.counts;
import static org.quanze.web.Bodies.fields;
import static org.quanze.web.Bodies.ids;
import static org.quanze.web.Bodies.ok;
import static org.quanze.web.Bodies.sorted;
import static org.quanze.web.RunningServer.enc;

/** The statute library over HTTP: article texts, currency flags, the 法律依据状态 facet and stats. */
class HttpStatuteTest {

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

    @Test
    void anArticleHasItsOfficialTextAndTheItemsCitingItWithTheirQuotations() {
        JsonNode a = ok(server.get("/api/statutes/" + enc("社保法") + "/87"));
        assertEquals(sorted("law", "title", "article", "label", "status", "successor", "current", "versions", "count", "items"), fields(a));
        assertEquals("社会保险法", a.get("law").asText());
        assertEquals("第八十七条", a.get("label").asText());
        assertEquals(1, a.get("versions").size());
        JsonNode v = a.get("versions").get(0);
        assertEquals("2018-12-29", v.get("version").asText());
        assertTrue(v.get("current").asBoolean());
        assertEquals("第十一章 法律责任", v.get("chapter").asText());
        assertTrue(v.get("text").asText().startsWith("社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构"), v::toString);
        List<String> flagged = new ArrayList<>();
        List<String> faithful = new ArrayList<>();
        for (JsonNode item : a.get("items")) {
            boolean misquoted = item.get("flags").toString().contains("quotation differs from the law");
            if (misquoted) {
                flagged.add(item.get("id").asText());
                assertTrue(item.get("quote").asText().contains("责令退回相应的社会保险费"), item::toString);
                assertEquals("相应", item.get("check").get("quotation").get("differences").get(0).get("quoted").asText());
            } else if (!item.get("quote").isNull()) {
                faithful.add(item.get("id").asText());
            }
        }
        assertEquals(List.of("004_e6509d409e33aba2-1", "004_e6509d409e33aba2-2", "004_e6509d409e33aba2-5", "004_e6509d409e33aba2-6"), flagged);
        assertEquals(List.of("002_878c5c45273f98d5-1"), faithful);
    }

    @Test
    void aRepealedLawsPageNamesItsSuccessorAndListsTheItemsCitingIt() {
        JsonNode law = ok(server.get("/api/statutes/" + enc("《中华人民共和国行政监察法》")));
        assertEquals("行政监察法", law.get("law").asText());
        assertEquals("repealed", law.get("status").asText());
        assertEquals("监察法", law.get("successor").get("law").asText());
        assertEquals("2018-03-20", law.get("successor").get("date").asText());
        assertEquals(9, law.get("count").asInt());
        assertEquals(9, law.get("withoutArticle").size());
        for (JsonNode item : law.get("withoutArticle")) {
            assertEquals("accountability", item.get("role").asText());
            assertEquals("[\"repealed\"]", item.get("flags").toString());
        }
        // A law in the library that no item cites still has its page.
        JsonNode successor = ok(server.get("/api/statutes/" + enc("监察法")));
        assertEquals(0, successor.get("count").asInt());
        assertEquals(List.of("2018-03-20", "2024-12-25"), List.of(successor.get("versions").get(0).get("version").asText(),
                successor.get("versions").get(1).get("version").asText()));
    }

    @Test
    void theItemViewGivesEachCitationItsArticleTextAndFlags() {
        JsonNode item = ok(server.get("/api/items/004_e6509d409e33aba2-1"));
        assertEquals("[\"misquoted\",\"current\"]", item.get("lawStatus").toString());
        JsonNode citation = item.get("statutes").get(0);
        assertEquals("社会保险法", citation.get("law").asText());
        assertEquals("第八十七条", citation.get("label").asText());
        assertTrue(citation.get("text").asText().contains("责令退回骗取的社会保险金"), citation::toString);
        assertEquals("[\"quotation differs from the law\"]", citation.get("check").get("flags").toString());
        assertEquals(0.967, citation.get("check").get("quotation").get("similarity").asDouble());
        JsonNode repealed = ok(server.get("/api/items/003_9f5412502f3ddd4a-2-1")).get("statutes").get(0);
        assertEquals("行政监察法", repealed.get("law").asText());
        assertEquals("repealed", repealed.get("check").get("status").asText());
        assertTrue(repealed.get("text").isNull());
    }

    @Test
    void theLawStatusFacetFiltersAndCounts() {
        JsonNode repealed = ok(server.search("lawStatus", "repealed", "kind", "all", "sort", "source", "size", "20"));
        assertEquals(12, repealed.get("total").asInt());
        assertEquals(List.of("001_5b333ea7bdafe129-3", "001_5b333ea7bdafe129-4", "002_878c5c45273f98d5-t3-2",
                "003_9f5412502f3ddd4a-2-1", "003_9f5412502f3ddd4a-2-2", "003_9f5412502f3ddd4a-2-3", "003_9f5412502f3ddd4a-2-4",
                "003_9f5412502f3ddd4a-2-5", "003_9f5412502f3ddd4a-2-6", "003_9f5412502f3ddd4a-2-7", "003_9f5412502f3ddd4a-2-8",
                "003_9f5412502f3ddd4a-2-9"), ids(repealed));
        JsonNode all = ok(server.search("kind", "all"));
        assertEquals(List.of("current=69", "unknown=31", "misquoted=18", "repealed=12"), counts(all.get("facets").get("lawStatus")));
        assertEquals("已废止", all.get("facets").get("lawStatus").get(3).get("label").asText());
    }

    @Test
    void statsCountItemsPerStatusAndPerListAndNameTheLawsTheLibraryLacks() {
        JsonNode currency = ok(server.get("/api/stats")).get("currency");
        assertEquals(sorted("bySource", "repealedLaws", "unknownLaws", "library"), fields(currency));
        JsonNode list003 = null;
        for (JsonNode s : currency.get("bySource")) if (s.get("source").asText().equals("003_9f5412502f3ddd4a")) list003 = s;
        assertEquals("{\"current\":9,\"repealed\":9,\"unknown\":9}", list003.get("lawStatus").toString());
        assertEquals("{\"law\":\"行政监察法\",\"items\":9,\"successor\":\"监察法\"}", currency.get("repealedLaws").get(0).toString());
        assertEquals(25, currency.get("unknownLaws").size());
        assertEquals("社会保险稽核办法", currency.get("unknownLaws").get(3).get("law").asText());
        assertEquals(15, currency.get("library").get("laws").asInt());
        assertEquals(0, currency.get("library").get("problems").size());
    }

    @Test
    void aSearchNamingAnArticleShowsItsTextAndSaysWhetherAnyItemCitesIt() {
        JsonNode cited = ok(server.search("q", "社保法第八十四条", "size", "2"));
        JsonNode st = cited.get("statute");
        assertEquals(sorted("law", "title", "article", "label", "cited", "count", "lawCount", "status", "version", "text"), fields(st));
        assertTrue(st.get("cited").asBoolean());
        assertEquals(2, st.get("count").asInt());
        assertTrue(st.get("text").asText().startsWith("用人单位不办理社会保险登记的"), st::toString);
        assertEquals(List.of("000_9151f9b4e62eb64c-1", "002_878c5c45273f98d5-3"), ids(cited).stream().sorted().toList());

        JsonNode uncited = ok(server.search("q", "社会保险法第九十八条"));
        assertFalse(uncited.get("statute").get("cited").asBoolean());
        assertEquals(0, uncited.get("statute").get("count").asInt());
        assertEquals(30, uncited.get("statute").get("lawCount").asInt());
        assertEquals(30, uncited.get("total").asInt());
        assertEquals("本法自2011年7月1日起施行。", uncited.get("statute").get("text").asText());

        assertTrue(ok(server.search("q", "医疗救助")).get("statute") == null);
    }

    @Test
    void anArticleNoTextHasAndNoItemCitesIsA404() {
        assertEquals(404, server.get("/api/statutes/" + enc("社会保险法") + "/99").status());
        assertEquals(400, server.get("/api/statutes/" + enc("社会保险法") + "/abc").status());
    }
}
