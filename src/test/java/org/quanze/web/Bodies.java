package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads JSON answers into values that compare exactly in one assertEquals. */
final class Bodies {

    /** The JSON body of a 200 JSON answer; fails with the whole answer otherwise. */
    static JsonNode ok(RunningServer.Answer a) {
        org.junit.jupiter.api.Assertions.assertEquals(200, a.status(), a::toString);
        org.junit.jupiter.api.Assertions.assertTrue(a.contentType().startsWith("application/json"), a::toString);
        return a.json();
    }


    private Bodies() {}

    /** The ids of a search answer's hits, in order. */
    static List<String> ids(JsonNode searchAnswer) {
        List<String> out = new ArrayList<>();
        for (JsonNode h : searchAnswer.get("hits")) out.add(h.get("id").asText());
        return out;
    }

    /** A facet's values as {@code value=count}, with a trailing {@code *} on selected ones, in order. */
    static List<String> counts(JsonNode facetValues) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : facetValues) {
            out.add(v.get("value").asText() + "=" + v.get("count").asLong() + (v.get("selected").asBoolean() ? "*" : ""));
        }
        return out;
    }

    /** A JSON array of strings, in order; an absent one is empty. */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) for (JsonNode v : array) out.add(v.asText());
        return out;
    }

    /** The field names of an object, sorted. */
    static Set<String> fields(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static Set<String> sorted(String... names) {
        return new TreeSet<>(List.of(names));
    }
}
