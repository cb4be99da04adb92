package org.quanze.statute;

import org.quanze.model.ResourceText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The statute name vocabulary: each law's canonical name (the official title without 《》 and
 * without a leading 中华人民共和国), its official title and the short forms people write for it
 * (社保法, 征缴条例, 医保条例 …), read from {@code law-names.tsv} beside this class, where every
 * entry names its source. Ingest and search resolve names through it, so that 《社保法》第八十四条 in
 * a list and 社保法第八十四条 in a question both mean 社会保险法 article 84.
 */
public final class LawNames {

    /** One law of the vocabulary. */
    public record Entry(String name, String title, List<String> shortForms, String source) {}

    static final String PRC = "中华人民共和国";
    /** The shortest tail of a name {@link #endingWith} reads: 促进法 or 管理条例 alone are too common. */
    static final int MIN_TAIL = 5;
    /** The start of a local law's name: its province, region, city or county. */
    private static final Pattern PLACE_START = Pattern.compile("^\\p{IsHan}*?(?:省|自治区|市|州|县|盟|旗)");
    /** "(试行)", "（2018年修订）" and the like at the end of a title do not change what it is. */
    private static final Pattern TRAILING_NOTE = Pattern.compile("(?:（[^（）]*）)+$");
    /** A title ending like these names an enactment; 《…书》《…表》《…单》《…证》 are forms. */
    private static final Pattern LAW_SUFFIX = Pattern.compile(".*(?:法|法典|条例|办法|规定|细则|规则|决定|意见|通知|规范|解释|准则|标准)");
    /** Titles that stand for whichever law the surrounding text defined them as, never one law of their own. */
    private static final Pattern GENERIC = Pattern.compile("(?:本|该|此)?(?:法|条例|实施条例|办法|实施办法|规定|细则|实施细则|规则|决定|意见|通知|规范|解释)");

    private static final LawNames STANDARD = load();

    private final Map<String, Entry> byName;
    /** Every written form (canonical names and short forms) → canonical name. */
    private final Map<String, String> forms;

    private LawNames(Map<String, Entry> byName, Map<String, String> forms) {
        this.byName = byName;
        this.forms = forms;
    }

    /** The vocabulary shipped with Quanze. */
    public static LawNames standard() {
        return STANDARD;
    }

    /** This vocabulary with further canonical names (the laws of a library, the laws an index cites). */
    public LawNames with(Collection<String> names) {
        Map<String, Entry> entries = new LinkedHashMap<>(byName);
        Map<String, String> all = new HashMap<>(forms);
        for (String n : names) {
            String name = normalise(n);
            if (name.isEmpty() || entries.containsKey(name)) continue;
            entries.put(name, new Entry(name, name, List.of(), "the library or the index"));
            all.putIfAbsent(name, name);
        }
        return new LawNames(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(all));
    }

    /**
     * The canonical name of a title as written (《》 removed, or bare), or null when the title
     * names no enactment: a form (《行政处罚决定书》) or a generic title (《条例》, 本办法). A short
     * form becomes its law's name; an unknown title is kept, normalised, so that spellings of the
     * same law in different lists meet.
     */
    public String canonical(String written) {
        String name = normalise(written);
        String core = TRAILING_NOTE.matcher(name).replaceFirst("");
        if (core.isEmpty() || !LAW_SUFFIX.matcher(core).matches() || GENERIC.matcher(core).matches()) return null;
        String known = forms.get(name);
        if (known == null && !core.equals(name)) known = forms.get(core);
        return known != null ? known : name;
    }

    /** The name as the reader compares it: no blanks, full-width brackets, no leading 中华人民共和国. */
    static String normalise(String written) {
        String name = written.replaceAll("\\s+", "").replace('(', '（').replace(')', '）')
                .replace('<', '〈').replace('>', '〉');
        if (name.startsWith("《") && name.endsWith("》") && name.length() > 2) name = name.substring(1, name.length() - 1);
        if (name.startsWith(PRC) && name.length() > PRC.length() + 1) name = name.substring(PRC.length());
        return name;
    }

    /** True when the canonical name is known to the vocabulary (listed, or added by {@link #with}). */
    public boolean knows(String name) {
        return byName.containsKey(name);
    }

    /** The vocabulary's entry for a canonical name, or null. */
    public Entry entry(String name) {
        return byName.get(name);
    }

    /** Every written form, longest first: what a scan of free text looks for. */
    public List<String> formsLongestFirst() {
        List<String> out = new ArrayList<>(forms.keySet());
        out.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
        return out;
    }

    /**
     * The one law whose name ends with this tail, or null when none or several do: people drop a
     * long name's start (健康促进法 for 基本医疗卫生与健康促进法), but not a local law's place. A
     * tail shorter than {@link #MIN_TAIL} characters, or one naming no enactment of its own (办法),
     * is no name.
     */
    public String endingWith(String tail) {
        if (tail.length() < MIN_TAIL || canonical(tail) == null) return null;
        String found = null;
        for (String name : byName.keySet()) {
            // A local law's place is never dropped: 新疆行政执法监督条例 is not 四川省's.
            if (!name.endsWith(tail)) continue;
            if (PLACE_START.matcher(name.substring(0, name.length() - tail.length())).find()) continue;
            if (found != null) return null;
            found = name;
        }
        return found;
    }

    /** The canonical name of an exact written form (canonical or short), or null. */
    public String ofForm(String form) {
        return forms.get(form);
    }

    private static LawNames load() {
        return parse(ResourceText.lines(LawNames.class, "law-names.tsv"), "law-names.tsv");
    }

    /** Reads the vocabulary's lines; a malformed line is an error naming the file and line. */
    static LawNames parse(List<String> lines, String file) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, String> forms = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 4 || f[0].isBlank() || f[3].isBlank()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected name, title, short forms and source separated by tabs");
            }
            String name = normalise(f[0]);
            List<String> shorts = f[2].isBlank() ? List.of() : List.of(f[2].split("\\|"));
            entries.put(name, new Entry(name, f[1].strip(), shorts, f[3].strip()));
            claim(forms, name, name, file, i);
            claim(forms, normalise(f[1]), name, file, i);
            for (String s : shorts) claim(forms, normalise(s), name, file, i);
        }
        return new LawNames(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(forms));
    }

    private static void claim(Map<String, String> forms, String form, String name, String file, int line) {
        String before = forms.putIfAbsent(form, name);
        if (before != null && !before.equals(name)) {
            throw new IllegalArgumentException(file + " line " + (line + 1) + ": '" + form + "' already names " + before);
        }
    }
}
