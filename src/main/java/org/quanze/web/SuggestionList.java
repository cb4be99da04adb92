package org.quanze.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.quanze.index.Suggestions;
import org.quanze.search.SearchService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What {@code /api/suggest} offers for a typed text: first the official terms of the everyday
 * words it contains (医保卡 → 医疗保障凭证, from the query vocabulary), then completions of item
 * names and laws. Picking a term replaces its word in the query; picking a name that belongs to
 * one item opens that item.
 */
final class SuggestionList {

    /** Words of one character (用, 借, 交) occur in nearly every question; suggesting for them is noise. */
    static final int MIN_WORD_CHARS = 2;
    static final int MAX_TERMS = 3;
    static final String TERM = "term";

    /**
     * One suggestion: {@code kind} is name, statute or term; {@code item} the item a name opens;
     * {@code word} the everyday word a term stands for.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Suggestion(String text, String kind, String item, String word) {}

    private SuggestionList() {}

    static List<Suggestion> of(String q, SearchService search, int n) throws IOException {
        List<Suggestion> out = new ArrayList<>(terms(q, search.planner().vocabulary().officialForms()));
        if (out.size() > n) out = out.subList(0, n);
        for (Suggestions.Suggestion s : search.suggest(q, n - out.size())) {
            out.add(new Suggestion(s.text(), s.kind(), s.item(), null));
        }
        return out;
    }

    /** The official form of each everyday word in the text, in the order the words occur, longer words first where they overlap. */
    static List<Suggestion> terms(String q, Map<String, List<String>> officialForms) {
        record Found(int at, String word) {}
        List<Found> found = new ArrayList<>();
        for (String word : officialForms.keySet()) {
            if (word.codePointCount(0, word.length()) < MIN_WORD_CHARS) continue;
            int at = q.indexOf(word);
            if (at >= 0) found.add(new Found(at, word));
        }
        found.sort(Comparator.comparingInt(Found::at).thenComparing(f -> -f.word().length()));
        List<Suggestion> out = new ArrayList<>();
        int covered = 0;
        for (Found f : found) {
            if (f.at() < covered) continue; // inside a longer word already suggested for (社保卡 in 电子社保卡)
            covered = f.at() + f.word().length();
            out.add(new Suggestion(officialForms.get(f.word()).get(0), TERM, null, f.word()));
            if (out.size() == MAX_TERMS) break;
        }
        return out;
    }
}
