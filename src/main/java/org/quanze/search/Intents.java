package org.quanze.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Question wordings that say which kind of power is wanted (怎么处罚 → 行政处罚, 能报吗 → 行政给付,
 * 向谁反映 → 行政检查), from {@code intents.txt}: evidence for ranking, never a filter.
 */
final class Intents {

    static final Intents NONE = new Intents(Map.of());

    /** Phrase → power types, longest phrase first. */
    private final Map<String, List<String>> byPhrase;

    private Intents(Map<String, List<String>> byPhrase) {
        this.byPhrase = byPhrase;
    }

    /** Reads the file; a missing file means no intents. Each line: {@code phrase, phrase … => type type …}. */
    static Intents load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return NONE;
        Map<String, List<String>> m = new LinkedHashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String l = line.replaceFirst("#.*", "").strip();
            if (l.isEmpty()) continue;
            int arrow = l.indexOf("=>");
            if (arrow < 0) throw new IOException(file.getFileName() + " line " + n + ": no '=>' between the phrases and the power types");
            List<String> types = List.of(l.substring(arrow + 2).strip().split("\\s+"));
            if (types.get(0).isEmpty()) throw new IOException(file.getFileName() + " line " + n + ": no power type after '=>'");
            for (String p : l.substring(0, arrow).split("[,，]")) {
                String phrase = p.strip();
                if (phrase.isEmpty()) continue;
                m.computeIfAbsent(phrase, k -> new ArrayList<>()).addAll(types);
            }
        }
        List<String> phrases = new ArrayList<>(m.keySet());
        phrases.sort(Comparator.comparingInt(String::length).reversed());
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (String p : phrases) ordered.put(p, List.copyOf(new LinkedHashSet<>(m.get(p))));
        return new Intents(ordered);
    }

    /** The power types the question's wording asks for; each character is read by one phrase at most. */
    List<String> types(String question) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder(question);
        for (Map.Entry<String, List<String>> e : byPhrase.entrySet()) {
            int at = rest.indexOf(e.getKey());
            if (at < 0) continue;
            out.addAll(e.getValue());
            while (at >= 0) {
                for (int i = at; i < at + e.getKey().length(); i++) rest.setCharAt(i, '\u0000');
                at = rest.indexOf(e.getKey(), at + e.getKey().length());
            }
        }
        return List.copyOf(out);
    }

    /** The power types a word of the question names by itself (处罚, 行政强制), or none. */
    List<String> typesNamedBy(String word) {
        return byPhrase.getOrDefault(word, List.of());
    }
}
