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
        return of(List.of("judged", "tuning", "blind"));
    }

    /**
     * The questions of every set in {@code src/test/resources/relevance} (the 90 of {@link #all()}
     * first), for a test that needs a rare case to occur in some question.
     */
    public static List<String> every() throws IOException {
        return of(List.of("judged", "tuning", "blind", "tuning2", "tuning3", "tuning4", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8"));
    }

    private static List<String> of(List<String> sets) throws IOException {
        List<String> out = new ArrayList<>();
        for (String set : sets) {
            JsonNode qs = Json.MAPPER.readTree(Path.of("src/test/resources/relevance/" + set + "-queries.json").toFile()).get("queries");
            for (JsonNode q : qs) out.add(q.get("q").asText());
        }
        return List.copyOf(out);
    }
}
