package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.web.Bodies.ok;

/**
 * What the page's card and item view need from the API over the bundled lists: who acts, where,
 * the phone; an article narrowing its law; suggestions that open items or name official terms;
 * the limits the page must not copy; downloads named for their content.
 */
class HttpAnswerCardTest {

    static final String LENT_CARD_ITEM = "000_9151f9b4e62eb64c-9";

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
    void aHitSaysWhoActsWhereAndWhichNumberToCall() {
        JsonNode hit = ok(server.search("q", "医保卡借给别人用会怎么处罚", "size", "1")).get("hits").get(0);
        assertEquals(LENT_CARD_ITEM, hit.get("id").asText());
        assertEquals("市医保局", hit.get("department").asText(), "the list's authority: the row names none");
        assertEquals(true, hit.get("authority").isNull());
        assertEquals("四川省遂宁市", hit.get("region").asText());
        assertEquals("[\"0825-5801815\"]", hit.get("phones").toString());
        assertEquals(true, hit.get("listGivesPhones").asBoolean());

        JsonNode own = ok(server.search("source", "004_e6509d409e33aba2", "sort", "source", "size", "1")).get("hits").get(0);
        assertEquals("医疗保险经办机构", own.get("department").asText(), "the row's own 行使主体 comes first");
        assertTrue(own.get("region").isNull());
        assertEquals("[]", own.get("phones").toString());
        assertEquals(false, own.get("listGivesPhones").asBoolean());
    }

    @Test
    void anItemCarriesItsListsIdentityWithTheEvidence() {
        JsonNode item = ok(server.get("/api/items/" + LENT_CARD_ITEM));
        assertEquals("[\"0825-5801815\"]", item.get("phones").toString());
        JsonNode source = item.get("source");
        assertEquals("市医保局", source.get("authority").asText());
        assertEquals("四川省遂宁市", source.get("region").asText());
        assertEquals(20, source.get("itemsWithPhone").asInt());
        assertEquals("部门“市医保局”：sources.json 所记", source.get("evidence").get(0).asText());
    }

    @Test
    void anArticleUnderItsSelectedLawNarrowsIt() {
        assertEquals(30, ok(server.search("statute", "社会保险法")).get("total").asInt());
        JsonNode both = ok(server.search("statute", "社会保险法", "statute", "社会保险法/86"));
        assertEquals(3, both.get("total").asInt());
        assertEquals(3, ok(server.search("statute", "社会保险法/86")).get("total").asInt());
        JsonNode law = both.get("facets").get("statute").get(0);
        assertEquals("社会保险法", law.get("value").asText());
        assertEquals(true, law.get("selected").asBoolean());
        JsonNode article86 = null;
        for (JsonNode a : law.get("articles")) if (a.get("value").asText().equals("社会保险法/86")) article86 = a;
        assertEquals("{\"value\":\"社会保险法/86\",\"label\":\"第86条\",\"count\":3,\"selected\":true}", String.valueOf(article86));
        // Two laws stay OR-ed, and an article narrows only its own law.
        long twoLaws = ok(server.search("statute", "社会保险法", "statute", "医疗保障基金使用监督管理条例")).get("total").asLong();
        long narrowed = ok(server.search("statute", "社会保险法", "statute", "医疗保障基金使用监督管理条例", "statute", "社会保险法/86"))
                .get("total").asLong();
        assertTrue(narrowed < twoLaws && narrowed >= 3, narrowed + " of " + twoLaws);
    }

    @Test
    void suggestionsOpenItemsAndNameTheOfficialTermsOfEverydayWords() {
        assertEquals("[{\"text\":\"对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的处罚\",\"kind\":\"name\",\"item\":\"002_878c5c45273f98d5-4\"}]",
                ok(server.get("/api/suggest?q=" + RunningServer.enc("骗取医疗救助"))).get("suggestions").toString());
        assertEquals("[{\"text\":\"医疗保障凭证\",\"kind\":\"term\",\"word\":\"医保卡\"},{\"text\":\"他人\",\"kind\":\"term\",\"word\":\"别人\"}]",
                ok(server.get("/api/suggest?q=" + RunningServer.enc("医保卡借给别人用"))).get("suggestions").toString());
        // A name three lists share opens no one item.
        List<String> shared = new ArrayList<>();
        for (JsonNode s : ok(server.get("/api/suggest?q=" + RunningServer.enc("对医疗救助的监督检查"))).get("suggestions")) {
            if (s.get("text").asText().equals("对医疗救助的监督检查")) shared.add(s.toString());
        }
        assertEquals(List.of("{\"text\":\"对医疗救助的监督检查\",\"kind\":\"name\"}"), shared);
    }

    @Test
    void theLimitsAndFacetsAreServedForThePage() {
        com.fasterxml.jackson.databind.JsonNode config = ok(server.get("/api/config"));
        assertEquals("{\"maxQueryChars\":1000,\"maxSuggestChars\":100,\"maxPageSize\":100,\"maxResultWindow\":10000,"
                + "\"exportLimit\":10000,\"exportFormats\":[\"csv\",\"xlsx\"]}", ((com.fasterxml.jackson.databind.node.ObjectNode) config.deepCopy()).without("facets").toString());
        assertEquals("{\"facet\":\"powerType\",\"param\":\"type\",\"title\":\"权力类型\",\"chip\":\"权力类型\"}", config.get("facets").get(0).toString());
        List<String> params = new java.util.ArrayList<>();
        config.get("facets").forEach(f -> params.add(f.get("param").asText()));
        assertEquals(List.of("type", "unit", "level", "statute", "source", "kind", "lawStatus"), params);
        // The answer's facet keys are the table's facet names, in its order.
        List<String> keys = new java.util.ArrayList<>();
        ok(server.search("q", "医疗救助")).get("facets").fieldNames().forEachRemaining(keys::add);
        List<String> names = new java.util.ArrayList<>();
        config.get("facets").forEach(f -> names.add(f.get("facet").asText()));
        assertEquals(names, keys);
    }

    /** The page keeps its own facet list (its order of display); it names the same facets as the server's table. */
    @Test
    void thePagesFacetListIsTheServersTable() throws java.io.IOException {
        String js = java.nio.file.Files.readString(java.nio.file.Path.of("web/js/state.js"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "\\{ facet: '([^']+)', param: '([^']+)', title: '([^']+)', chip: '([^']+)' }").matcher(js);
        java.util.Set<String> page = new java.util.TreeSet<>();
        while (m.find()) page.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3) + "|" + m.group(4));
        java.util.Set<String> server = new java.util.TreeSet<>();
        for (org.quanze.index.Facet f : org.quanze.index.Facet.values()) server.add(f.dim + "|" + f.param + "|" + f.title + "|" + f.chip);
        assertEquals(server, page);
    }

    @Test
    void aDownloadIsNamedForWhatItHolds() {
        LocalDate before = LocalDate.now();
        RunningServer.Answer a = server.get("/api/export?format=xlsx&type=" + RunningServer.enc("行政处罚"));
        LocalDate after = LocalDate.now();
        assertEquals(200, a.status());
        String disposition = a.headers().firstValue("Content-Disposition").orElse("");
        String expected = "attachment; filename=\"quanze-export-%s.xlsx\"; filename*=UTF-8''"
                + "%%E6%%9D%%83%%E8%%B4%%A3%%E6%%B8%%85%%E5%%8D%%95-%%E8%%A1%%8C%%E6%%94%%BF%%E5%%A4%%84%%E7%%BD%%9A-%s.xlsx";
        assertTrue(disposition.equals(String.format(expected, before, before)) || disposition.equals(String.format(expected, after, after)),
                disposition);
    }
}
