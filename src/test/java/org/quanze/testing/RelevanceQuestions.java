package org.quanze.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.quanze.model.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The 90 questions of the test relevance sets, as the tests that compare every question ask them. */
public final class RelevanceQuestions {

    private static final Path DIR = Path.of("src/test/resources/relevance");
    private static final String SUFFIX = "-queries.json";

    private RelevanceQuestions() {}

    /** The questions of the judged, tuning and blind sets, in that order and as written there. */
    public static List<String> all() throws IOException {
        return of(List.of("judged", "tuning", "blind"));
    }

    /**
     * The questions of every set in {@code src/test/resources/relevance} (the 90 of {@link #all()}
     * first, the other sets by name), for a test that needs a rare case to occur in some question.
     */
    public static List<String> every() throws IOException {
        List<String> sets = new ArrayList<>(List.of("judged", "tuning", "blind"));
        try (Stream<Path> files = Files.list(DIR)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length())).filter(n -> !sets.contains(n))
                    .sorted().forEach(sets::add);
        }
        return of(sets);
    }

    private static List<String> of(List<String> sets) throws IOException {
        List<String> out = new ArrayList<>();
        for (String set : sets) {
            JsonNode qs = Json.MAPPER.readTree(DIR.resolve(set + SUFFIX).toFile()).get("queries");
            for (JsonNode q : qs) out.add(q.get("q").asText());
        }
        return List.copyOf(out);
    }
}
