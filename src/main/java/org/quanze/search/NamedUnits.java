package org.quanze.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.quanze.index.Analyzers;
import org.quanze.index.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offices that act (a list's units: 稽核稽查科, 监管股) a question names. Staff ask what an
 * office handles by its name; the name's words alone (稽核, 稽查) are in many items' text, so
 * without this the office's own items rank among everything that mentions its subject.
 *
 * <p>A unit is named by its whole name, a name in brackets, or, where the question holds no
 * whole name, a tail of one that starts at one of its words (稽查科 for 稽核稽查科, the way people
 * shorten an office's name; never 保中心 for 医保中心).
 *
 * <p>The office named is one concept of the question ({@link QueryPlanner}), which the office's
 * items contain: 基金监督科 alone answers that office's items, and 基金监督科的行政处罚事项 its
 * penalties, which hold no 事项. Its items also rank {@link #UNIT_NAMED_BOOST} higher. It is not
 * required, as a named article is: a question can name an office beside a subject the office does
 * not act on, and the share of the question's concepts decides what matches.
 *
 * <p>A unit whose name is an everyday word the vocabulary reads (医保中心 → 医疗保障经办机构 …)
 * names a kind of institution in a question, not one list's office: a citizen who writes
 * 医保中心 means the one they deal with, and the vocabulary already finds it.
 */
final class NamedUnits {

    /**
     * What an item of a named unit adds to its score: a constant, since a named office is a fact
     * about the item, not evidence that grows with rarity. 6 to 12 ranked the sixth tuning set
     * alike (0.875–0.877); 2 and 4 less.
     */
    static final float UNIT_NAMED_BOOST = 8f;
    /** The fewest characters a name or a tail of one must have to be read as naming it (监管股; never 保障 or 科). */
    static final int MIN_CHARS = 3;

    private static final Analyzer WORDS = Analyzers.words();

    /** An alternate name in brackets (畜牧兽医科（渔政管理科）), closed either way, as lists type them. */
    private static final Pattern BRACKETED = Pattern.compile("[（(]([^（）()]*)[）)]");

    /**
     * A unit as a question may name it: its value in the index, its names (the value without what
     * is in brackets, and each name in brackets), and their tails that start at one of their words.
     */
    record Unit(String value, List<String> names, List<String> tails) {}

    /**
     * The units of a generation, by each name and each tail that names them: a question is read
     * by looking up its substrings, so reading it costs what the question is long, not how many
     * units a province's lists have.
     */
    record Known(List<Unit> units, Map<String, List<Unit>> byName, Map<String, List<Unit>> byTail, int longest) {}

    private NamedUnits() {}

    /** The units of the generation, read once per generation from the unit dimension's terms. */
    static Known known(Generation g) {
        return g.derived("knownUnits", () -> index(FacetSupport.values(g, Schema.F_UNIT).stream().map(NamedUnits::unit).toList()));
    }

    static Known index(List<Unit> units) {
        Map<String, List<Unit>> byName = new HashMap<>();
        Map<String, List<Unit>> byTail = new HashMap<>();
        int longest = 0;
        for (Unit u : units) {
            for (String n : u.names()) {
                byName.computeIfAbsent(n, k -> new ArrayList<>()).add(u);
                longest = Math.max(longest, n.length());
            }
            for (String t : u.tails()) byTail.computeIfAbsent(t, k -> new ArrayList<>()).add(u);
        }
        return new Known(List.copyOf(units), Map.copyOf(byName), Map.copyOf(byTail), longest);
    }

    static Unit unit(String value) {
        List<String> names = new ArrayList<>();
        Matcher m = BRACKETED.matcher(value);
        String main = m.replaceAll("").strip();
        if (!main.isEmpty()) names.add(main);
        m.reset();
        while (m.find()) {
            String alt = m.group(1).strip();
            if (!alt.isEmpty() && !names.contains(alt)) names.add(alt);
        }
        List<String> tails = new ArrayList<>();
        for (String name : names) {
            for (String t : tails(name)) if (!tails.contains(t) && !names.contains(t)) tails.add(t);
        }
        return new Unit(value, List.copyOf(names), List.copyOf(tails));
    }

    /** The name from each of its words on but the first, of {@link #MIN_CHARS} or more. */
    private static List<String> tails(String name) {
        List<String> tails = new ArrayList<>();
        try (TokenStream ts = WORDS.tokenStream("", name)) {
            OffsetAttribute at = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int start = at.startOffset();
                // A lone character is where the segmenter found no word (医保中心 → 医/保/中心): no tail starts there.
                boolean word = at.endOffset() - start >= 2;
                if (start > 0 && word && name.length() - start >= MIN_CHARS) tails.add(name.substring(start));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tails;
    }

    /**
     * The units the text names, in the order of their values: by a whole name, or where the text
     * holds none, by a tail; never a unit with a name in {@code everyday}. A unit named by what is
     * inside another's name in the text is dropped (基金监管股 names itself, not also 监管股).
     */
    static List<String> in(String text, Known known, Set<String> everyday) {
        Map<String, String> named = lookUp(text, known.byName(), known.longest(), everyday);
        if (named.isEmpty()) named = lookUp(text, known.byTail(), known.longest(), everyday);
        Collection<String> matched = named.values();
        return named.entrySet().stream()
                .filter(e -> matched.stream().noneMatch(o -> o.length() > e.getValue().length() && o.contains(e.getValue())))
                .map(Map.Entry::getKey).toList();
    }

    /** Each unit some substring of the text names by the index, with the longest such substring. */
    private static Map<String, String> lookUp(String text, Map<String, List<Unit>> index, int longest, Set<String> everyday) {
        Map<String, String> named = new TreeMap<>();
        for (int i = 0; i < text.length(); i++) {
            for (int j = i + MIN_CHARS; j <= Math.min(text.length(), i + longest); j++) {
                String s = text.substring(i, j);
                for (Unit u : index.getOrDefault(s, List.of())) {
                    if (u.names().stream().anyMatch(everyday::contains)) continue;
                    named.merge(u.value(), s, (a, b) -> a.length() >= b.length() ? a : b);
                }
            }
        }
        return named;
    }

    /** The items of any of the units: the named office, one concept however many units its name fits. */
    static Query presence(List<String> units) {
        if (units.size() == 1) return new TermQuery(FacetSupport.term(Schema.F_UNIT, units.get(0)));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String u : units) b.add(new TermQuery(FacetSupport.term(Schema.F_UNIT, u)), BooleanClause.Occur.SHOULD);
        return b.build();
    }

    /** The full ranking's part for each named unit. */
    static List<QueryPlan.Part> parts(List<String> units) {
        List<QueryPlan.Part> parts = new ArrayList<>();
        for (String u : units) {
            parts.add(new QueryPlan.Part(QueryPlan.Part.UNIT, u, new BoostQuery(
                    new ConstantScoreQuery(presence(List.of(u))), UNIT_NAMED_BOOST), null));
        }
        return parts;
    }
}
