package org.quanze.ingest;

import org.quanze.model.ResourceText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header-name vocabulary ({@code header-names.tsv} beside this class): which column label
 * names which {@link Field}, which names are only a fallback, and which cell texts are fillers
 * that say nothing (无, /). Loaded once; every entry in the file cites the list it was seen in.
 */
final class HeaderNames {

    /**
     * What a label names; {@code fallback} when it names the field only where no other column
     * does. {@code likeness}, for a label read by its head word: how many of its other characters
     * a listed label of the field shares (权责类型 and 权力类型 share 权; 公开类型 shares none), which
     * decides between two such labels of one table; -1 for a listed label.
     */
    record Entry(Field field, boolean fallback, int likeness) {
        static final Entry NONE = new Entry(Field.UNKNOWN, false);

        Entry(Field field, boolean fallback) {
            this(field, fallback, -1);
        }

        /** Whether the label names its field by its head word alone, not as a listed label. */
        boolean byHeadWord() {
            return likeness >= 0;
        }
    }

    private static final String RESOURCE = "header-names.tsv";
    private static final Pattern SPACE = Pattern.compile("[\\s\u3000]+");
    /** A closing parenthesis that qualifies a label: 法定期限（天/日）. */
    private static final Pattern QUALIFIER = Pattern.compile("[（(][^（）()]*[）)]$");

    private static final Map<String, Entry> LABELS = new HashMap<>();
    private static final Set<String> FILLERS = new HashSet<>();
    private static final List<String> PREFIXES = new ArrayList<>();
    /** Head words (名称, 依据), longest first: an unlisted label ending in one names its field as a fallback. */
    private static final List<Map.Entry<String, Field>> HEADS = new ArrayList<>();

    static {
        for (ResourceText.Row row : ResourceText.sourcedRows(HeaderNames.class, RESOURCE, "FIELD, label and where it was seen, tab-separated")) {
            String[] cols = row.cols();
            String label = key(cols[1]);
            if (cols[0].equals("FILLER")) {
                FILLERS.add(cols[1].strip());
                continue;
            }
            if (cols[0].equals("PREFIX")) {
                PREFIXES.add(label);
                continue;
            }
            if (cols[0].endsWith("*")) {
                HEADS.add(Map.entry(label, Field.valueOf(cols[0].substring(0, cols[0].length() - 1))));
                continue;
            }
            boolean fallback = cols[0].endsWith("?");
            Field f = Field.valueOf(fallback ? cols[0].substring(0, cols[0].length() - 1) : cols[0]);
            if (LABELS.put(label, new Entry(f, fallback)) != null) {
                throw new IllegalStateException(RESOURCE + " line " + row.line() + ": " + cols[1] + " is listed twice");
            }
        }
        HEADS.sort((a, b) -> b.getKey().length() - a.getKey().length());
    }

    private HeaderNames() {}

    static Entry lookup(String label) {
        if (label == null) return Entry.NONE;
        String k = key(label);
        if (k.isEmpty()) return Entry.NONE;
        Entry e = listed(k);
        if (e == null) e = byHeadWord(k);
        return e == null ? Entry.NONE : e;
    }

    /** The entry of a listed label, with its qualifier or a prefix dropped where needed; null when none is listed. */
    private static Entry listed(String k) {
        Entry e = known(k);
        // A qualifying word before a label (行政权力名称): the label without it.
        for (int i = 0; e == null && i < PREFIXES.size(); i++) {
            String p = PREFIXES.get(i);
            if (k.length() > p.length() && k.startsWith(p)) e = known(k.substring(p.length()));
        }
        return e;
    }

    /**
     * A label no list here uses, built as labels are: qualifying words, then the head word that
     * says what the column holds (职权事项名称, 行使依据, 承办处室). It names the head word's field,
     * as a fallback only, so a listed label for the same field in the table still wins.
     */
    private static Entry byHeadWord(String k) {
        String bare = QUALIFIER.matcher(k).replaceFirst("");
        for (Map.Entry<String, Field> h : HEADS) {
            if (bare.length() > h.getKey().length() && bare.endsWith(h.getKey())) {
                return new Entry(h.getValue(), true, likeness(bare.substring(0, bare.length() - h.getKey().length()), h.getValue()));
            }
        }
        return null;
    }

    /** The most characters of {@code qualifier} that one listed label of {@code f} holds. */
    private static int likeness(String qualifier, Field f) {
        int best = 0;
        for (Map.Entry<String, Entry> e : LABELS.entrySet()) {
            if (e.getValue().field() != f) continue;
            int n = (int) qualifier.codePoints().filter(c -> e.getKey().indexOf(c) >= 0).count();
            best = Math.max(best, n);
        }
        return best;
    }

    /** The entry of a listed label, or of the label with its closing parenthesis dropped; null when neither is listed. */
    private static Entry known(String k) {
        Entry e = LABELS.get(k);
        if (e == null && QUALIFIER.matcher(k).find()) e = LABELS.get(QUALIFIER.matcher(k).replaceFirst(""));
        return e;
    }

    /** "无" and its kin fill a cell without saying anything. */
    static boolean isFiller(String text) {
        return text != null && FILLERS.contains(text.strip());
    }

    private static String key(String label) {
        return SPACE.matcher(label).replaceAll("").toLowerCase(java.util.Locale.ROOT);
    }
}
