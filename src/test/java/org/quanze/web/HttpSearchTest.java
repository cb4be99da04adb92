package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.web.Bodies.counts;
import static org.quanze.web.Bodies.fields;
import static org.quanze.web.Bodies.ids;
import static org.quanze.web.Bodies.sorted;
import static org.quanze.web.Bodies.ok;

/** GET /api/search over the five bundled lists (73 powers, 13 duties). */
class HttpSearchTest {

    static final List<String> ALL_POWER_TYPES = List.of(
            "行政检查=31", "行政处罚=25", "行政强制=5", "其他行政权力=4", "行政奖励=3", "行政给付=3", "行政确认=2");

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
    void aQuestionNamingAnOfficeSaysWhichAndPutsItsItemsFirst() {
        JsonNode body = ok(server.search("q", "稽查科办理哪些行政处罚", "size", "5"));
        assertEquals(List.of("稽核稽查科"), Bodies.strings(body.get("offices")));
        for (JsonNode hit : body.get("hits")) {
            assertTrue(Bodies.strings(hit.get("units")).contains("稽核稽查科"), hit::toString);
            assertEquals("行政处罚", hit.get("powerType").asText(), hit::toString);
        }
        JsonNode alone = ok(server.search("q", "基金监督科", "size", "20"));
        assertEquals(11, alone.get("total").asInt(), "the office's items: 基金 and 监督 alone are in 20");
        // Narrowed to the office, the question still names it.
        JsonNode narrowed = ok(server.search("q", "基金监督科", "unit", "基金监督科"));
        assertEquals(11, narrowed.get("total").asInt());
        assertEquals(List.of("基金监督科"), Bodies.strings(narrowed.get("offices")));
    }

    @Test
    void answersWithTheDocumentedShape() {
        JsonNode body = ok(server.search("q", "医疗救助", "size", "3"));
        assertEquals(sorted("total", "page", "size", "tookMs", "partial", "hits", "facets"), fields(body));
        assertFalse(body.get("partial").asBoolean(), "every hit of 医疗救助 contains it");
        assertEquals(1, body.get("page").asInt());
        assertEquals(3, body.get("size").asInt());
        assertEquals(3, body.get("hits").size());
        // Every hit has every field, null where its list says nothing (001 and 003 name no authority).
        JsonNode all = ok(server.search("q", "医疗", "kind", "all", "size", "100"));
        assertTrue(all.get("total").asLong() > 50, all.get("total")::toString);
        for (JsonNode hit : all.get("hits")) {
            assertEquals(sorted("id", "kind", "name", "powerType", "powerTypeRaw", "units", "levels", "authority",
                    "source", "score", "highlights", "missing", "samePowerCites", "department", "region", "phones", "listGivesPhones"),
                    fields(hit), hit::toString);
            assertEquals(sorted("id", "title"), fields(hit.get("source")));
            assertTrue(hit.get("score").floatValue() > 0, hit::toString);
        }
    }

    @Test
    void valuesOfOneFacetAreOredSoTwoTypesGiveTwentyFivePlusThirtyOne() {
        JsonNode body = ok(server.search("type", "行政处罚", "type", "行政检查", "size", "100"));
        assertEquals(56, body.get("total").asLong());
        assertEquals(56, body.get("hits").size());
        for (JsonNode hit : body.get("hits")) {
            assertTrue(Set.of("行政处罚", "行政检查").contains(hit.get("powerType").asText()), hit::toString);
        }
        assertEquals(List.of("行政检查=31*", "行政处罚=25*", "行政强制=5", "其他行政权力=4", "行政奖励=3", "行政给付=3", "行政确认=2"),
                counts(body.get("facets").get("powerType")));
    }

    @Test
    void valuesOfDifferentFacetsAreAnded() {
        JsonNode body = ok(server.search("type", "行政处罚", "level", "乡级"));
        assertEquals(6, body.get("total").asLong());
        // Each facet is counted under the other facets' filters only.
        assertEquals(List.of("行政处罚=6*", "行政给付=1"), counts(body.get("facets").get("powerType")));
        assertEquals(List.of("市级=15", "县级=10", "乡级=6*"), counts(body.get("facets").get("level")));
    }

    @Test
    void levelXiangIsTheSevenItemsOf004ListedAsCountyAndTown() {
        JsonNode body = ok(server.search("level", "乡级", "size", "100"));
        assertEquals(7, body.get("total").asLong());
        assertEquals(List.of("004_e6509d409e33aba2=7"), counts(body.get("facets").get("source")));
        for (JsonNode hit : body.get("hits")) {
            assertEquals("004_e6509d409e33aba2", hit.get("source").get("id").asText());
            assertTrue(hit.get("levels").toString().contains("乡级"), hit::toString);
            JsonNode item = ok(server.get("/api/items/" + hit.get("id").asText()));
            assertEquals("县区级、镇级", item.get("levelRaw").asText());
        }
    }

    @Test
    void facetCountsAreDrillSidewaysSoASelectedTypeLeavesTheOthersCounted() {
        JsonNode body = ok(server.search("type", "行政处罚"));
        assertEquals(25, body.get("total").asLong());
        assertEquals(List.of("行政检查=31", "行政处罚=25*", "行政强制=5", "其他行政权力=4", "行政奖励=3", "行政给付=3", "行政确认=2"),
                counts(body.get("facets").get("powerType")));
        // The other facets count the 25 selected items only.
        assertEquals(List.of("000_9151f9b4e62eb64c=10", "004_e6509d409e33aba2=6", "003_9f5412502f3ddd4a=5",
                "002_878c5c45273f98d5=4"), counts(body.get("facets").get("source")));
        for (JsonNode hit : body.get("hits")) assertEquals("行政处罚", hit.get("powerType").asText());
    }

    @Test
    void browsingListsEveryFacetWithValuesAndCounts() {
        JsonNode facets = ok(server.search()).get("facets");
        assertTrue(fields(facets).containsAll(List.of("powerType", "unit", "level", "statute", "source")), facets::toString);
        assertEquals(ALL_POWER_TYPES, counts(facets.get("powerType")));
        assertEquals(List.of("市级=39", "县级=35", "省级=10", "乡级=7"), counts(facets.get("level")));
        assertEquals(List.of("000_9151f9b4e62eb64c=20", "002_878c5c45273f98d5=18", "004_e6509d409e33aba2=17",
                "001_5b333ea7bdafe129=9", "003_9f5412502f3ddd4a=9"), counts(facets.get("source")));
        assertEquals("市医保局权责清单", facets.get("source").get(0).get("label").asText());
        for (String dim : List.of("powerType", "unit", "level", "statute", "source")) {
            assertFalse(facets.get(dim).isEmpty(), dim);
            for (JsonNode v : facets.get(dim)) {
                assertFalse(v.get("value").asText().isBlank(), v::toString);
                assertTrue(v.get("count").isIntegralNumber() && v.get("count").asLong() > 0, v::toString);
            }
        }
        assertEquals(19, facets.get("unit").size());
        assertEquals("基金和大数据科=15", counts(facets.get("unit")).get(0));
    }

    @Test
    void statuteFacetListsLawsWithTheirArticles() {
        JsonNode statutes = ok(server.search()).get("facets").get("statute");
        JsonNode law = statutes.get(0);
        assertEquals("社会保险法=30", counts(statutes).get(0));
        assertEquals(List.of("社会保险法/8=1", "社会保险法/26=1", "社会保险法/29=1", "社会保险法/31=3", "社会保险法/57=1",
                "社会保险法/60=1", "社会保险法/63=1", "社会保险法/77=4", "社会保险法/79=3", "社会保险法/82=1", "社会保险法/84=2",
                "社会保险法/86=3", "社会保险法/87=7", "社会保险法/88=5", "社会保险法/91=1"), counts(law.get("articles")));
        assertEquals("第87条", law.get("articles").get(12).get("label").asText());
        for (JsonNode l : statutes) assertTrue(l.get("articles").isArray(), l::toString);
    }

    @Test
    void statuteArticleFiltersOnTheLegalBasis() {
        JsonNode body = ok(server.search("statute", "社会保险法/87", "size", "100"));
        assertEquals(List.of("000_9151f9b4e62eb64c-6", "000_9151f9b4e62eb64c-8", "002_878c5c45273f98d5-1",
                "004_e6509d409e33aba2-1", "004_e6509d409e33aba2-2", "004_e6509d409e33aba2-5", "004_e6509d409e33aba2-6"),
                ids(body).stream().sorted().toList());
        assertEquals(7, body.get("total").asLong());
        for (String id : ids(body)) {
            JsonNode statutes = ok(server.get("/api/items/" + id)).get("statutes");
            boolean basis = false;
            for (JsonNode s : statutes) {
                basis |= s.get("law").asText().equals("社会保险法") && s.get("article").asInt() == 87
                        && s.get("role").asText().equals("basis");
            }
            assertTrue(basis, id + " " + statutes);
        }
        JsonNode law = body.get("facets").get("statute").get(0);
        assertTrue(counts(law.get("articles")).contains("社会保险法/87=7*"), law::toString);
    }

    @Test
    void statuteCitedOnlyInTheAccountabilityBasisDoesNotMatch() {
        // Every 000 item cites 社会保险法 第九十二条 in 问责依据, none in 设定依据.
        JsonNode body = ok(server.search("statute", "社会保险法/92"));
        assertEquals(0, body.get("total").asLong());
        JsonNode law = body.get("facets").get("statute").get(0);
        assertEquals("社会保险法", law.get("value").asText());
        assertTrue(counts(law.get("articles")).contains("社会保险法/92=0*"), law::toString);
    }

    @Test
    void statuteLawAloneMatchesItsEveryArticle() {
        assertEquals(30, ok(server.search("statute", "社会保险法")).get("total").asLong());
    }

    @Test
    void sortBySourceOrdersBySourceThenSeq() {
        JsonNode body = ok(server.search("sort", "source", "size", "100"));
        List<String> ids = ids(body);
        assertEquals(73, ids.size());
        assertEquals(List.of("000_9151f9b4e62eb64c-1", "000_9151f9b4e62eb64c-2", "000_9151f9b4e62eb64c-3",
                "000_9151f9b4e62eb64c-4", "000_9151f9b4e62eb64c-5"), ids.subList(0, 5));
        String lastSource = "";
        int lastSeq = 0;
        for (String id : ids) {
            JsonNode item = ok(server.get("/api/items/" + id));
            String source = item.get("source").get("id").asText();
            int seq = Integer.parseInt(item.get("seq").asText());
            assertTrue(source.compareTo(lastSource) >= 0, id + " after " + lastSource);
            // Within a list, seq rises; it starts again at 1 only where the list starts a new table (002).
            if (source.equals(lastSource)) assertTrue(seq > lastSeq || seq == 1, id + ": seq " + seq + " after " + lastSeq);
            lastSource = source;
            lastSeq = seq;
        }
    }

    @Test
    void pagesMoveThroughTheSameHitsAndKeepTheTotal() {
        for (String sort : List.of("relevance", "source")) {
            JsonNode first = ok(server.search("q", "医疗", "sort", sort, "size", "5", "page", "1"));
            JsonNode second = ok(server.search("q", "医疗", "sort", sort, "size", "5", "page", "2"));
            JsonNode both = ok(server.search("q", "医疗", "sort", sort, "size", "10"));
            assertEquals(2, second.get("page").asInt());
            assertEquals(5, second.get("hits").size());
            assertEquals(first.get("total"), second.get("total"));
            assertTrue(first.get("total").asLong() > 10, first.get("total")::toString);
            assertNotEquals(ids(first), ids(second));
            assertTrue(ids(first).stream().noneMatch(ids(second)::contains), sort);
            List<String> joined = new ArrayList<>(ids(first));
            joined.addAll(ids(second));
            assertEquals(ids(both), joined, sort);
        }
        JsonNode pastTheEnd = ok(server.search("page", "100"));
        assertEquals(73, pastTheEnd.get("total").asLong());
        assertEquals(0, pastTheEnd.get("hits").size());
    }

    @Test
    void anEmptyQueryBrowsesEveryPower() {
        for (RunningServer.Answer a : List.of(server.search(), server.search("q", ""), server.search("q", "   "))) {
            JsonNode body = ok(a);
            assertEquals(73, body.get("total").asLong());
            assertEquals(10, body.get("hits").size());
            for (JsonNode hit : body.get("hits")) {
                assertEquals("power", hit.get("kind").asText());
                assertEquals(0, hit.get("highlights").size(), "browsing has nothing to highlight");
            }
        }
    }

    @Test
    void kindDutyGivesTheThirteenDutiesAndKindAllEverything() {
        JsonNode duties = ok(server.search("kind", "duty", "size", "100"));
        assertEquals(13, duties.get("total").asLong());
        for (JsonNode hit : duties.get("hits")) assertEquals("duty", hit.get("kind").asText());
        JsonNode all = ok(server.search("kind", "all"));
        assertEquals(86, all.get("total").asLong());
        assertEquals(List.of("power=73", "duty=13"), counts(all.get("facets").get("kind")));
    }

    @Test
    void anUnbalancedQuoteStillSearches() {
        JsonNode unbalanced = ok(server.search("q", "\"执法人员"));
        JsonNode balanced = ok(server.search("q", "\"执法人员\""));
        assertTrue(unbalanced.get("total").asLong() > 0, unbalanced::toString);
        assertEquals(balanced.get("total"), unbalanced.get("total"));
        assertEquals(ids(balanced), ids(unbalanced));
    }

    @Test
    void highlightsAreSpansOfPlainTextMarkedWhereTheyMatched() {
        JsonNode body = ok(server.search("q", "执法人员", "size", "20"));
        int snippets = 0;
        for (JsonNode hit : body.get("hits")) {
            for (JsonNode h : hit.get("highlights")) {
                assertEquals(sorted("field", "label", "spans"), fields(h));
                assertTrue(Set.of("name", "basis", "duties", "accountability", "other").contains(h.get("field").asText()), h::toString);
                boolean marked = false, previous = false;
                for (int i = 0; i < h.get("spans").size(); i++) {
                    JsonNode span = h.get("spans").get(i);
                    assertEquals(sorted("text", "mark"), fields(span), span::toString);
                    assertFalse(span.get("text").asText().isEmpty(), h::toString);
                    if (span.get("mark").asBoolean()) {
                        assertTrue("执法人员".contains(span.get("text").asText()), h::toString);
                        marked = true;
                    }
                    assertTrue(i == 0 || span.get("mark").asBoolean() != previous, "neighbours differ: " + h);
                    previous = span.get("mark").asBoolean();
                }
                assertTrue(marked, h::toString);
                snippets++;
            }
        }
        assertTrue(snippets > 10, "only " + snippets + " snippets");
    }
}
