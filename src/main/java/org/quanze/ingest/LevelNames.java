package org.quanze.ingest;

import org.quanze.model.ResourceText;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The level vocabulary ({@code levels.tsv} beside this class): the words lists use for the
 * administrative level of an item (地州市级, 县区级, 镇街 …) and the canonical levels each stands for.
 */
final class LevelNames {

    static final List<String> CANONICAL = List.of("省级", "市级", "县级", "乡级");

    private static final String RESOURCE = "levels.tsv";
    private static final Pattern PARENTHESIS = Pattern.compile("[（(][^（）()]{0,12}[）)]");
    private static final Pattern SEPARATORS = Pattern.compile("[、，,；;/／及和\\s]+");
    private static final Pattern QUALIFIER = Pattern.compile("(机构|部门|权限|行使|实施)+$");
    /** A short word ending in 级 reads as a level word, even one the vocabulary lacks. */
    private static final Pattern LEVEL_LIKE = Pattern.compile("[\\p{IsHan}]{1,6}级");
    private static final Map<String, List<String>> WORDS = new HashMap<>();

    static {
        for (ResourceText.Row row : ResourceText.sourcedRows(LevelNames.class, RESOURCE, "level word, canonical levels and where it was seen")) {
            String[] cols = row.cols();
            List<String> levels = List.of(cols[1].strip().split("、"));
            if (!CANONICAL.containsAll(levels)) {
                throw new IllegalStateException(RESOURCE + " line " + row.line() + ": " + cols[1] + " is not among " + CANONICAL);
            }
            if (WORDS.put(cols[0].strip(), levels) != null) {
                throw new IllegalStateException(RESOURCE + " line " + row.line() + ": " + cols[0] + " is listed twice");
            }
        }
    }

    private LevelNames() {}

    /** The canonical levels a level cell names, in canonical order; level words not listed go to {@code unknown}. */
    static List<String> canonical(String raw, Set<String> unknown) {
        if (raw == null || raw.isBlank()) return List.of();
        Set<String> out = new LinkedHashSet<>();
        String text = PARENTHESIS.matcher(raw).replaceAll("");
        for (String part : SEPARATORS.split(text)) {
            String p = QUALIFIER.matcher(part.strip()).replaceFirst("");
            if (p.isEmpty()) continue;
            List<String> levels = lookup(p);
            if (levels == null) levels = counted(p);
            if (levels != null) out.addAll(levels);
            else if (LEVEL_LIKE.matcher(p).matches()) unknown.add(p);
        }
        return CANONICAL.stream().filter(out::contains).toList();
    }

    /** A count of levels at the end of a part: 市县两级, 县两级 (after 市、), 省市县三级. */
    private static final Pattern COUNT = Pattern.compile("[两二三四]级$");

    /**
     * The levels of a part that ends in a count of levels (市县两级): the rest read as level words
     * run together, the longest listed word first at each point; null unless all of it is level words.
     */
    private static List<String> counted(String part) {
        java.util.regex.Matcher m = COUNT.matcher(part);
        if (!m.find()) return null;
        String rest = part.substring(0, m.start());
        List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < rest.length()) {
            int end = rest.length();
            List<String> word = WORDS.get(rest.substring(i, end));
            while (word == null && --end > i) word = WORDS.get(rest.substring(i, end));
            if (word == null) return null;
            out.addAll(word);
            i = end;
        }
        return out.isEmpty() ? null : out;
    }

    private static List<String> lookup(String word) {
        List<String> l = WORDS.get(word);
        if (l == null && word.endsWith("级")) l = WORDS.get(word.substring(0, word.length() - 1));
        if (l == null) l = WORDS.get(word + "级");
        return l;
    }
}
