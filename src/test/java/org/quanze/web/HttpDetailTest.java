package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.model.PowerRecord;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.web.Bodies.counts;
import static org.quanze.web.Bodies.fields;
import static org.quanze.web.Bodies.ids;
import static org.quanze.web.Bodies.sorted;
import static org.quanze.web.Bodies.ok;
import static org.quanze.web.RunningServer.enc;

/** The item, statute, suggestion, health and stats endpoints over the bundled lists. */
class HttpDetailTest {

    static final String ITEM = "000_9151f9b4e62eb64c-6";

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
    void itemHasEveryRecordFieldAndRelatedItems() {
        JsonNode item = ok(server.get("/api/items/" + ITEM));
        Set<String> expected = new TreeSet<>(Arrays.stream(PowerRecord.class.getRecordComponents())
                .map(RecordComponent::getName).toList());
        expected.add("related");
        expected.add("lawStatus");
        assertEquals(expected, fields(item));
        assertEquals(ITEM, item.get("id").asText());
        assertEquals("power", item.get("kind").asText());
        assertEquals("6", item.get("seq").asText());
        assertEquals("行政处罚", item.get("powerType").asText());
        assertTrue(item.get("name").asText().startsWith("对医疗保障经办机构通过伪造、变造"), item.get("name")::asText);
        assertEquals(sorted("id", "file", "title", "authority", "region", "evidence", "itemsWithPhone"), fields(item.get("source")));
        assertEquals("000_9151f9b4e62eb64c.txt", item.get("source").get("file").asText());
        assertEquals("市医保局权责清单", item.get("source").get("title").asText());
        assertTrue(item.get("basis").asText().startsWith("1.《中华人民共和国社会保险法》第八十七条"));
        assertTrue(item.get("statutes").toString().contains("{\"law\":\"社会保险法\",\"article\":87,\"role\":\"basis\","));
        assertFalse(item.get("responsibilities").isEmpty());
        assertTrue(item.get("exemption").asText().contains("免责"));
    }

    @Test
    void relatedItemsComeFromOtherSourcesWithScores() {
        for (String id : List.of(ITEM, "000_9151f9b4e62eb64c-1", "002_878c5c45273f98d5-t2-1", "004_e6509d409e33aba2-1")) {
            JsonNode item = ok(server.get("/api/items/" + id));
            String source = item.get("source").get("id").asText();
            JsonNode related = item.get("related");
            assertTrue(related.size() >= 1 && related.size() <= 5, id + " " + related);
            float last = Float.MAX_VALUE;
            for (JsonNode r : related) {
                assertEquals(sorted("id", "name", "powerType", "units", "source", "score"), fields(r));
                assertNotEquals(source, r.get("source").get("id").asText(), r::toString);
                assertNotEquals(id, r.get("id").asText());
                float score = r.get("score").floatValue();
                assertTrue(score > 0 && score <= last, r::toString);
                last = score;
            }
        }
        // 000 item 1 and 003 item 2-1 are the same 社会保险登记 penalty in two cities' wording.
        JsonNode related = ok(server.get("/api/items/000_9151f9b4e62eb64c-1")).get("related");
        assertEquals("003_9f5412502f3ddd4a-2-1", related.get(0).get("id").asText());
    }

    @Test
    void aDutyHasNoRelatedItems() {
        JsonNode duty = ok(server.get("/api/items/003_9f5412502f3ddd4a-duty-1"));
        assertEquals("duty", duty.get("kind").asText());
        assertEquals(0, duty.get("related").size());
    }

    @Test
    void statutesListEveryLawWithCountsAndArticles() {
        JsonNode laws = ok(server.get("/api/statutes")).get("laws");
        assertEquals(33, laws.size());
        JsonNode first = laws.get(0);
        assertEquals(sorted("law", "title", "status", "count", "articles"), fields(first));
        assertEquals("中华人民共和国社会保险法", first.get("title").asText());
        assertEquals("current", first.get("status").asText());
        assertEquals("社会保险法", first.get("law").asText());
        assertEquals(30, first.get("count").asInt());
        List<String> articles = new ArrayList<>();
        for (JsonNode a : first.get("articles")) {
            assertEquals(sorted("article", "count"), fields(a));
            articles.add(a.get("article").asInt() + "=" + a.get("count").asInt());
        }
        assertEquals(List.of("8=1", "26=1", "29=1", "31=3", "57=1", "60=1", "63=1", "77=4", "79=3", "82=1", "84=2",
                "86=3", "87=7", "88=5", "91=1"), articles);
        long previous = Long.MAX_VALUE;
        for (JsonNode law : laws) {
            long count = law.get("count").asLong();
            assertTrue(count >= 1 && count <= previous, law::toString);
            previous = count;
            int lastArticle = 0;
            for (JsonNode a : law.get("articles")) {
                assertTrue(a.get("article").asInt() > lastArticle, law::toString);
                lastArticle = a.get("article").asInt();
            }
        }
    }

    @Test
    void oneLawListsItsArticlesWithTheItemsGroundedOnThem() {
        JsonNode law = ok(server.get("/api/statutes/" + enc("社会保险法")));
        assertEquals(sorted("law", "title", "level", "status", "successor", "current", "versions", "count", "articles",
                "withoutArticle"), fields(law));
        assertEquals("社会保险法", law.get("law").asText());
        assertEquals("法律", law.get("level").asText());
        assertEquals("2018-12-29", law.get("current").asText());
        // Items citing it as legal basis or for accountability.
        assertEquals(42, law.get("count").asInt());
        // Every article of the current text, cited or not, with its official text.
        assertEquals(98, law.get("articles").size());
        JsonNode article87 = null;
        for (JsonNode a : law.get("articles")) {
            assertEquals(sorted("article", "label", "chapter", "text", "count", "items"), fields(a));
            for (JsonNode item : a.get("items")) {
                assertEquals(sorted("id", "name", "powerType", "source", "role", "flags"), fields(item));
            }
            if (a.get("article").asInt() == 87) article87 = a;
        }
        assertTrue(article87 != null, law::toString);
        assertEquals("第八十七条", article87.get("label").asText());
        assertTrue(article87.get("text").asText().contains("责令退回骗取的社会保险金"), article87::toString);
        List<String> grounded = new ArrayList<>();
        for (JsonNode item : article87.get("items")) if (item.get("role").asText().equals("basis")) grounded.add(item.get("id").asText());
        // The same seven items as the search filter statute=社会保险法/87.
        assertEquals(ids(ok(server.search("statute", "社会保险法/87", "sort", "source"))), grounded);
    }

    @Test
    void suggestionsCompleteInsideNames() {
        JsonNode suggestions = ok(server.get("/api/suggest?q=" + enc("救助"))).get("suggestions");
        assertTrue(suggestions.size() >= 1 && suggestions.size() <= 10, suggestions::toString);
        // A name one item has opens that item; a name several lists share does not.
        assertTrue(suggestions.toString().contains("{\"text\":\"医疗救助对象确认\",\"kind\":\"name\",\"item\":\"002_878c5c45273f98d5-t3-3\"}"),
                suggestions::toString);
        assertTrue(suggestions.toString().contains("{\"text\":\"对医疗救助的监督检查\",\"kind\":\"name\"}"), suggestions::toString);
        for (JsonNode s : suggestions) {
            assertTrue(fields(s).equals(sorted("text", "kind")) || fields(s).equals(sorted("text", "kind", "item")), s::toString);
            assertTrue(s.get("text").asText().contains("救助"), s::toString);
            assertTrue(Set.of("name", "statute").contains(s.get("kind").asText()), s::toString);
        }
        assertEquals(10, ok(server.get("/api/suggest?q=" + enc("医"))).get("suggestions").size());
        assertEquals(0, ok(server.get("/api/suggest?q=")).get("suggestions").size());
        assertEquals(0, ok(server.get("/api/suggest")).get("suggestions").size());
    }

    @Test
    void healthAnswersWithTheItemCountAndTheGenerationServing() {
        JsonNode health = ok(server.get("/api/health"));
        assertEquals(sorted("status", "items", "generation", "rebuilding"), fields(health));
        assertEquals("ok", health.get("status").asText());
        assertEquals(86, health.get("items").asInt());
        assertEquals("gen-1", health.get("generation").asText());
        assertEquals(false, health.get("rebuilding").asBoolean());
    }

    @Test
    void statsHasTheCountsOfEveryFacetOverAllItems() {
        JsonNode stats = ok(server.get("/api/stats"));
        assertEquals(sorted("powerType", "unit", "level", "statute", "source", "kind", "lawStatus", "currency"), fields(stats));
        assertEquals(List.of("power=73", "duty=13"), counts(stats.get("kind")));
        assertEquals(HttpSearchTest.ALL_POWER_TYPES, counts(stats.get("powerType")));
        assertEquals("社会保险法=30", counts(stats.get("statute")).get(0));
        assertEquals(5, stats.get("source").size());
        long items = 0;
        for (JsonNode s : stats.get("source")) items += s.get("count").asLong();
        assertEquals(86, items);
    }
}
