package org.quanze.search;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}, in the shape the API returns. {@code partial} says that no
 * item contains every word of the question (each hit's {@code missing} lists the words it lacks),
 * or that the article a question names is cited by no item: what is shown answers part of it.
 */
public record SearchResult(long total, int page, int size, long tookMs, boolean partial, List<Hit> hits,
                           Map<String, List<FacetValue>> facets,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Reading reading) {

    /**
     * How the question was read, with {@code explain=true}: its concepts (as typed, every
     * spelling searched, whether the index holds any, whether it counts towards the share an item
     * must contain, whether most items contain it), how many of the others an item must contain, and the statutes it names.
     */
    public record Reading(List<Concept> concepts, int required, List<String> statutes, List<String> intents) {
        public record Concept(String surface, List<String> spellings, boolean found, boolean counted, boolean common) {}
    }

    public record SourceLabel(String id, String title) {}

    /** A snippet of one field, HTML-escaped, with only {@code <mark>} around matched terms. */
    public record Highlight(String field, String label, String snippet) {}

    /** Every field is always present (null where the list says nothing) except explain, only when asked. */
    public record Hit(String id, String kind, String name, String powerType, String powerTypeRaw,
                      List<String> units, List<String> levels, String authority, SourceLabel source,
                      float score, List<Highlight> highlights, List<String> missing,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Explanation explain) {}

    /** Why a hit matched: its score and the field/term matches that made it. */
    public record Explanation(float score, List<Match> matches) {
        public record Match(String field, String term, float score) {}
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacetValue(String value, String label, long count, boolean selected, List<FacetValue> articles) {}
}
