package org.quanze.search;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}, in the shape the API returns. {@code partial} says that no
 * item contains every word of the question (each hit's {@code missing} lists the words it lacks),
 * or that the article a question names is cited by no item: what is shown answers part of it.
 * {@code matched}, where fewer than a page of items held the share of the question's concepts a
 * match needs and the list was filled out after them with items holding one concept fewer, says
 * how many held it (they come first); absent otherwise. {@code offices}: the offices that act
 * (unit values) the question names, whose items rank first; absent when it names none.
 */
public record SearchResult(long total, int page, int size, long tookMs, boolean partial,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long matched,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> offices, List<Hit> hits,
                           Map<String, List<FacetValue>> facets,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Reading reading) {

    /**
     * How the question was read, with {@code explain=true}: its concepts (as typed, every
     * spelling searched, whether the index holds any, whether it counts towards the share an item
     * must contain, whether most items contain it), how many of the others an item must contain,
     * the statutes it names and the power types its wording asks for (the offices it names are
     * in every answer: {@code offices}).
     */
    public record Reading(List<Concept> concepts, int required, List<String> statutes, List<String> intents) {
        public record Concept(String surface, List<String> spellings, boolean found, boolean counted, boolean common) {}
    }

    public record SourceLabel(String id, String title) {}

    /** A snippet of one field: its text in order, as spans marked where the query matched. */
    public record Highlight(String field, String label, List<Span> spans) {
        /** The snippet's text with the marked spans between the given brackets, e.g. 【】 for a terminal. */
        public String text(String open, String close) {
            StringBuilder sb = new StringBuilder();
            for (Span s : spans) sb.append(s.mark() ? open + s.text() + close : s.text());
            return sb.toString();
        }
    }

    /** Plain text, never markup; {@code mark} where it matched the query. */
    public record Span(String text, boolean mark) {}

    /**
     * Every field is always present (null where the list says nothing) except explain, only when
     * asked. {@code department} and {@code region} are who acts and where (the item's 行使主体, else
     * its list's authority; its list's region), {@code phones} the numbers to call, and
     * {@code listGivesPhones} whether the list gives a phone for any item, so that a card without one
     * can say whether the list publishes none. {@code samePowerCites} names the articles of the
     * question (law/article) that the item does not cite, its list giving no legal basis, but that
     * the same power cites in another list: why it is a hit; empty for every other hit.
     */
    public record Hit(String id, String kind, String name, String powerType, String powerTypeRaw,
                      List<String> units, List<String> levels, String authority, SourceLabel source,
                      float score, List<Highlight> highlights, List<String> missing, List<String> samePowerCites,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Explanation explain,
                      String department, String region, List<String> phones, boolean listGivesPhones) {

        public static Hit of(org.quanze.model.PowerRecord rec, float score, List<Highlight> highlights, List<String> missing,
                             List<String> samePowerCites, Explanation explain) {
            return new Hit(rec.id(), rec.kind(), rec.name(), rec.powerType(), rec.powerTypeRaw(), rec.units(), rec.levels(),
                    rec.authority(), new SourceLabel(rec.source().id(), rec.source().title()), Float.isNaN(score) ? 0f : score,
                    highlights, missing, samePowerCites, explain, rec.department(), rec.source().region(), rec.phones(),
                    rec.source().itemsWithPhone() > 0);
        }
    }

    /**
     * Why a hit ranks where it does: its score; what each mechanism of the ranking added
     * ({@code words}: a concept's best spelling by field; {@code coverage}: a constant for a
     * concept found, by where; {@code phrase}: the question as a phrase in one field;
     * {@code intent}: a power type the wording asks for; {@code statute}: a statute the question
     * names; {@code quoted}: a quoted phrase; {@code same-power}: the same power as one citing a
     * named article, where its list gives no legal basis; {@code first-stage}: the first stage's share, which
     * breaks ties), with {@code detail} naming the concept, field, type or statute; and the terms
     * that matched in each field.
     */
    public record Explanation(float score, List<Contribution> contributions, List<Match> matches) {
        public record Contribution(String mechanism, String detail, float score) {}

        public record Match(String field, String term) {}
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacetValue(String value, String label, long count, boolean selected, List<FacetValue> articles) {}
}
