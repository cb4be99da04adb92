package org.quanze.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.quanze.model.Json;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** results.json is committed: it says how the benchmark ran, never where on the machine. */
class SettingsJsonTest {

    @Test
    void theSettingsInResultsNameNoFolderOfTheMachine() throws Exception {
        Benchmark.Settings s = new Benchmark.Settings(Path.of("/home/someone/quanze/index-data"), Path.of("/tmp/bench-work"), 6, 3,
                100_000, 20_000, 3, 4, List.of(1, 8, 32), "1g", List.of(), true, false, true);
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(s));
        assertFalse(json.has("repoData"));
        assertFalse(json.has("work"));
        assertEquals(6, json.get("seed").asLong());
        assertEquals(List.of(1, 8, 32), List.of(json.get("connections").get(0).asInt(), json.get("connections").get(1).asInt(),
                json.get("connections").get(2).asInt()));
        assertFalse(json.toString().contains("/tmp/bench-work"));
    }
}
