package org.quanze.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.quanze.model.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The 90 questions of the test relevance sets, as the tests that compare every question ask them. */
public final class RelevanceQuestions {

    private RelevanceQuestions() {}

    /** The questions of the judged, tuning and blind sets, in that order and as written there. */
    public static List<String> all() throws IOException {
        List<String> out = new ArrayList<>();
        for (String set : List.of("judged", "tuning", "blind")) {
            JsonNode qs = Json.MAPPER.readTree(Path.of("src/test/resources/relevance/" + set + "-queries.json").toFile()).get("queries");
            for (JsonNode q : qs) out.add(q.get("q").asText());
        }
        return List.copyOf(out);
    }
}
