package org.quanze.index;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.Main;
import org.quanze.model.Json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenSearchExportTest {

    @Test
    void exportsTheBundledListsAsAMappingAndOneActionAndOneDocumentLinePerRecord(@TempDir Path out) throws Exception {
        assertEquals(0, Main.run("export", "--data", "index-data", "--format", "opensearch", "--out", out.toString()));

        JsonNode mapping = Json.MAPPER.readTree(Files.readString(out.resolve("mapping.json"), StandardCharsets.UTF_8));
        JsonNode props = mapping.at("/mappings/properties");
        assertEquals("strict", mapping.at("/mappings/dynamic").asText());
        // Text arrives analysed (SmartCN words, CJK bigrams) as tokens the core whitespace analyzer splits again.
        for (String f : Schema.TEXT_FIELDS) {
            assertEquals("text", props.at("/" + f + "/type").asText(), f);
            assertEquals("whitespace", props.at("/" + f + "/analyzer").asText(), f);
            assertEquals("whitespace", props.at("/" + f + "_bg/analyzer").asText(), f);
        }
        // Exact terms score by BM25 as in Lucene: text with the keyword analyzer; citations with norms.
        for (String f : List.of("id", "kind", "source_id", "cites", "drill")) {
            assertEquals("keyword", props.at("/" + f + "/analyzer").asText(), f);
        }
        assertTrue(props.at("/cites/norms").asBoolean());
        for (String dim : Schema.FACETS) assertEquals("keyword", props.at("/facet_" + dim + "/type").asText(), dim);
        assertEquals("keyword", props.at("/facet_statute_child/type").asText());
        assertFalse(props.at("/record/enabled").asBoolean(true));

        List<String> lines = Files.readAllLines(out.resolve("bulk.ndjson"), StandardCharsets.UTF_8);
        assertEquals(2 * 86, lines.size());
        Set<String> ids = new HashSet<>();
        Set<String> allowed = new HashSet<>();
        props.fieldNames().forEachRemaining(allowed::add);
        for (int i = 0; i < lines.size(); i += 2) {
            JsonNode action = Json.MAPPER.readTree(lines.get(i));
            JsonNode doc = Json.MAPPER.readTree(lines.get(i + 1));
            assertEquals("quanze", action.at("/index/_index").asText());
            assertEquals(doc.get("id").get(0).asText(), action.at("/index/_id").asText());
            assertTrue(ids.add(doc.get("id").get(0).asText()), "ids are unique");
            doc.fieldNames().forEachRemaining(f -> assertTrue(allowed.contains(f), "mapped field " + f));
            assertEquals(doc.get("id").get(0).asText(), doc.at("/record/id").asText());
        }
        assertEquals(86, ids.size());
    }

    @Test
    void refusesTheOpenSearchFormatWithoutAFolder() {
        assertEquals(1, Main.run("export", "--data", "index-data", "--format", "opensearch"));
    }
}
