package org.quanze.statute;

import org.quanze.model.Statute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statute references in a question: 社会保险法第八十六条, 价格法 33条, 《基本医疗卫生与健康促进法》第八十七条,
 * and the short forms people use (社保法第八十四条, 征缴条例第二十三条). The law is the longest
 * name the vocabulary or the index knows that ends right before the article, so words typed
 * before it (请问社会保险法…) are not taken as part of it; an article may be written without 第.
 *
 * @param statutes the cited laws, each with its article, or without one where the question names
 *                 only the law
 * @param rest     the question without the article references: the citation index answers them better than
 *                 the law's name as words, which would also match 社会保险法律 in any name
 */
public record StatuteReference(List<Statute> statutes, String rest) {

    /**
     * An article: 第八十六条, 第 86 条, 33条, with any paragraph or item after it: 第一款, 第（二）项
     * (the statute's own way of numbering items), 1款.
     */
    private static final Pattern ARTICLE = Pattern.compile(
            "(?:第\\s*)?(" + Numerals.NUMBER + ")\\s*条(?:\\s*第?\\s*(?:" + Numerals.NUMBER + "|[（(]\\s*"
                    + Numerals.NUMBER + "\\s*[）)])\\s*[款项])*");
    /**
     * What may stand between two articles of one law (社会保险法第八十四条、第八十六条; 84条和86条): the
     * second article has no name before it and is the first one's law's.
     */
    private static final Pattern BETWEEN_ARTICLES = Pattern.compile("\\s*(?:[、，,;；/]|和|及|与|或|或者|以及)?\\s*");
    /** A name typed without 《》 that the vocabulary does not know: a run of Han ending like a law's title. */
    private static final Pattern TYPED_NAME = Pattern.compile("\\p{IsHan}{1,40}?(?:法|法典|条例|办法|规定|细则|规则)$");
    private static final int MAX_NAME = 40;

    /** The vocabulary with an index's laws, per set of laws (one per index generation), dropped with the set. */
    private static final Map<Set<String>, LawNames> NAMES = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param knownLaws the laws the index cites (canonical names): names outside the vocabulary,
     *                  such as local regulations, are recognised too
     */
    public static StatuteReference find(String text, Set<String> knownLaws) {
        LawNames names = names(knownLaws);
        List<Statute> out = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = ARTICLE.matcher(text);
        int last = 0;
        String previous = null;
        while (m.find()) {
            int article = Numerals.parse(m.group(1));
            Law law = lawBefore(text, m.start(), Math.max(last, 0), names);
            if (law == null && previous != null && BETWEEN_ARTICLES.matcher(text.substring(last, m.start())).matches()) {
                law = new Law(previous, last);
            }
            if (law == null || article < 1 || article > StatuteExtractor.MAX_ARTICLE) continue;
            Statute s = new Statute(law.name(), article, Statute.BASIS);
            if (!out.contains(s)) out.add(s);
            rest.append(text, last, law.start()).append(' ');
            last = m.end();
            previous = law.name();
        }
        rest.append(text.substring(last));
        lawsNamed(rest.toString(), names, knownLaws, out);
        return new StatuteReference(List.copyOf(out), rest.toString().strip());
    }

    /**
     * Laws named without an article (价格法 明码标价, 《社会救助暂行办法》医疗救助): each law the index
     * cites is added to {@code out} without an article. Its name stays in the question: a law
     * named alone ranks the items citing it higher but selects nothing, since the question may
     * name the law an item's duties cite (社保法 罚款) rather than the one it is grounded on.
     * Only a law some item cites is taken. A name is a title in 《》 or a form the vocabulary
     * knows, not a typed run ending in 法 (法 ends many words), and not the start of 法律 or 法规
     * (社会保险法律法规 names no law).
     */
    private static void lawsNamed(String text, LawNames names, Set<String> knownLaws, List<Statute> out) {
        int i = 0;
        while (i < text.length()) {
            int end = lawAt(text, i, names, knownLaws, out);
            i = end < 0 ? i + 1 : end;
        }
    }

    /** The end of a cited law's name starting at {@code i} (added to {@code out}), or -1. */
    private static int lawAt(String text, int i, LawNames names, Set<String> knownLaws, List<Statute> out) {
        if (text.charAt(i) == '《') {
            int close = text.indexOf('》', i);
            if (close < 0) return -1;
            String title = text.substring(i + 1, close);
            String law = names.canonical(title);
            if (law != null && !knownLaws.contains(law)) law = names.endingWith(LawNames.normalise(title));
            return law != null && cite(law, knownLaws, out) ? close + 1 : -1;
        }
        int from = text.startsWith(LawNames.PRC, i) ? i + LawNames.PRC.length() : i;
        for (int len = Math.min(MAX_NAME, text.length() - from); len >= 2; len--) {
            int end = from + len;
            String law = names.ofForm(text.substring(from, end));
            if (law == null) continue;
            boolean widerWord = text.charAt(end - 1) == '法' && end < text.length() && "律规".indexOf(text.charAt(end)) >= 0;
            if (!widerWord && cite(law, knownLaws, out)) return end;
        }
        return -1;
    }

    private static boolean cite(String law, Set<String> knownLaws, List<Statute> out) {
        if (!knownLaws.contains(law)) return false;
        if (out.stream().noneMatch(s -> s.law().equals(law))) out.add(new Statute(law, null, Statute.BASIS));
        return true;
    }

    private record Law(String name, int start) {}

    /** The law named right before {@code at} (not before {@code floor}), or null. */
    private static Law lawBefore(String text, int at, int floor, LawNames names) {
        int end = at;
        while (end > floor && Character.isWhitespace(text.charAt(end - 1))) end--;
        boolean titled = end > floor && text.charAt(end - 1) == '》';
        if (titled) {
            int open = text.lastIndexOf('《', end - 1);
            if (open < floor) return null;
            String law = names.canonical(text.substring(open + 1, end - 1));
            return law == null ? null : new Law(law, open);
        }
        for (int len = Math.min(MAX_NAME, end - floor); len >= 2; len--) {
            String law = names.ofForm(LawNames.normalise(text.substring(end - len, end)));
            if (law != null) {
                int start = end - len;
                if (start - floor >= LawNames.PRC.length() && text.startsWith(LawNames.PRC, start - LawNames.PRC.length())) {
                    start -= LawNames.PRC.length();
                }
                return new Law(law, start);
            }
        }
        Matcher typed = TYPED_NAME.matcher(text.substring(floor, end));
        if (!typed.find()) return null;
        String run = typed.group();
        // The run may hold words typed before the name (请问健康促进法): the longest tail that
        // ends one known law's name is that law.
        for (int k = 0; k < run.length(); k++) {
            String law = names.endingWith(run.substring(k));
            if (law != null) return new Law(law, floor + typed.start() + k);
        }
        String law = names.canonical(run);
        return law == null ? null : new Law(law, floor + typed.start());
    }

    private static LawNames names(Set<String> knownLaws) {
        LawNames names = NAMES.get(knownLaws);
        if (names == null) {
            names = LawNames.standard().with(knownLaws);
            NAMES.put(knownLaws, names);
        }
        return names;
    }
}
