package org.quanze.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A general Chinese thesaurus: 同义词词林 (扩展版, HIT-SCIR), as HanLP's portable distribution
 * ships it ({@code data/dictionary/synonym/CoreSynonym.txt} in {@code com.hankcs:hanlp:portable},
 * Apache License 2.0). Only its groups of synonyms ({@code =} lines) are read, not its groups of
 * related words ({@code #}). It gives everyday words a route to the lists' terms where the
 * curated vocabulary has none (看病 → 就医, 就诊, 诊疗), at a lower weight than the vocabulary.
 */
final class Thesaurus {

    static final String RESOURCE = "/data/dictionary/synonym/CoreSynonym.txt";
    /**
     * Groups larger than this are loose (医 治 看 疗 治病 看病 医疗 … in one group of 12; 丢 among
     * 25 ways to throw, 投标 included); the small ones are near-synonyms (就医 就诊 看病 诊病; 帐簿
     * 帐本 帐册 账册 账本).
     */
    static final int MAX_GROUP = 8;
    static final Thesaurus NONE = new Thesaurus(Map.of());

    private final Map<String, List<String>> groups;

    private Thesaurus(Map<String, List<String>> groups) {
        this.groups = groups;
    }

    /** The thesaurus on the class path, or none when it is absent. */
    static Thesaurus load() throws IOException {
        try (InputStream in = Thesaurus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return NONE;
            Map<String, Set<String>> near = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line.strip().replace("\uFEFF", "");
                // "Hg20A07= 就医 就诊 看病 诊病": a code of eight characters, '=' for synonyms.
                if (l.length() < 9 || l.charAt(7) != '=') continue;
                String[] words = l.substring(8).strip().split("\\s+");
                if (words.length > MAX_GROUP) continue;
                for (String w : words) {
                    for (String o : words) {
                        if (!o.equals(w) && o.length() >= 2) near.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(o);
                    }
                }
            }
            Map<String, List<String>> out = new HashMap<>();
            near.forEach((k, v) -> out.put(k, List.copyOf(v)));
            return new Thesaurus(out);
        }
    }

    /**
     * The words the thesaurus groups with this one as synonyms (two characters or more), or none;
     * a single character has too many senses to follow (丢: lose, throw, discard).
     */
    List<String> nearSynonyms(String word) {
        return word.codePointCount(0, word.length()) < 2 ? List.of() : groups.getOrDefault(word, List.of());
    }

    int size() {
        return groups.size();
    }
}
