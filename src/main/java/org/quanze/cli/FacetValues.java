package org.quanze.cli;

import org.quanze.search.SearchResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a command's facet options against the values the index holds, so that a value no item
 * has ({@code --type 行政处分}, {@code --level 区级}) is named with the values there are, instead of
 * searching and printing 0 items.
 */
final class FacetValues {

    /** Option → the dimension of {@code SearchService.counts()} it filters. */
    private static final Map<String, String> DIMENSIONS = Map.of(
            "type", "powerType", "unit", "unit", "level", "level", "statute", "statute", "source", "source");
    /** Past this many values, the message names the most frequent ones and says how many more. */
    static final int SHOWN = 25;

    private FacetValues() {}

    /** @throws IllegalArgumentException naming the first unknown value and the valid ones */
    static void check(Map<String, List<String>> filters, Map<String, List<SearchResult.FacetValue>> counts) {
        for (Map.Entry<String, List<String>> f : filters.entrySet()) {
            List<SearchResult.FacetValue> known = counts.getOrDefault(DIMENSIONS.get(f.getKey()), List.of());
            for (String v : f.getValue()) {
                if (!has(known, v)) throw new IllegalArgumentException("--" + f.getKey() + " " + v + " matches no item; " + valid(f.getKey(), known));
            }
        }
    }

    private static boolean has(List<SearchResult.FacetValue> known, String v) {
        for (SearchResult.FacetValue k : known) {
            if (k.value().equals(v)) return true;
            if (k.articles() != null && k.articles().stream().anyMatch(a -> a.value().equals(v))) return true;
        }
        return false;
    }

    private static String valid(String option, List<SearchResult.FacetValue> known) {
        List<String> names = new ArrayList<>();
        for (SearchResult.FacetValue k : known.subList(0, Math.min(SHOWN, known.size()))) {
            names.add(k.value() + (k.label() != null && !k.label().equals(k.value()) ? " (" + k.label() + ")" : ""));
        }
        String more = known.size() > SHOWN ? " and " + (known.size() - SHOWN) + " more ('quanze stats' lists them all)" : "";
        String hint = option.equals("statute") ? "; an article as LAW/NUMBER, e.g. 社会保险法/86" : "";
        return "the values are: " + String.join(", ", names) + more + hint;
    }
}
