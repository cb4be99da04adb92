package org.quanze.statute;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quanze.model.StatuteCheck;

/**
 * Compares a list's quotation of an article with the official text. Both are normalised first:
 * punctuation, spacing and item numbering ("（一）", "1.") are dropped, full-width forms folded,
 * numerals spelled one way (2倍 = 二倍, 1% = 百分之一) and 帐 read as 账, so only the words count. The quotation
 * is then aligned with the article (longest common subsequence): text the list adds or replaces,
 * and words it drops inside a sentence, are differences; quoting only some sentences, paragraphs
 * or items of the article is not.
 */
final class Quotation {

    /** Item numbering, removed before comparing: （一） (1) 1. 1、 一、. */
    private static final Pattern ENUMERATOR = Pattern.compile(
            "[（(][一二三四五六七八九十\\d]{1,3}[）)]|(?<![\\d])\\d{1,2}[.、．](?!\\d)|(?<![\\p{IsHan}])[一二三四五六七八九十]{1,3}、");
    /** Where a quotation's clauses end: after these marks, or before an item number. */
    private static final Pattern CLAUSE_END = Pattern.compile("[。；;：:\n]+|[（(][一二三四五六七八九十]{1,3}[）)]");
    /** Longer texts are compared by their characters in common only (no alignment). */
    private static final long MAX_CELLS = 4_000_000L;
    /** The share of a quotation an article must contain for the quotation to be that article's. */
    static final double ELSEWHERE_SIMILARITY = 0.95;
    /** How much better another article must match than the one cited to be named instead. */
    static final double ELSEWHERE_MARGIN = 0.05;
    /** How many leading characters of an unintroduced text must occur in the article for it to be a quotation. */
    private static final int HEAD = 6;

    private Quotation() {}

    /** Text reduced to what is compared, each character with where it came from in the original. */
    record Normalised(String text, int[] origin) {}

    static Normalised normalise(String raw) {
        String s = halfWidth(raw);
        Matcher e = ENUMERATOR.matcher(s);
        StringBuilder blanked = new StringBuilder(s);
        while (e.find()) for (int i = e.start(); i < e.end(); i++) blanked.setCharAt(i, ' ');
        s = blanked.toString();
        StringBuilder out = new StringBuilder(s.length());
        List<Integer> origin = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) continue;
            if (c >= '0' && c <= '9') {
                int end = number(s, i);
                String spelled = spell(s.substring(i, end));
                for (int k = 0; k < spelled.length(); k++) {
                    out.append(spelled.charAt(k));
                    origin.add(i);
                }
                i = end - 1;
                continue;
            }
            out.append(c == '两' ? '二' : c == '帐' ? '账' : c);
            origin.add(i);
        }
        return new Normalised(out.toString(), origin.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Full-width letters, digits and signs as ASCII; the same length, so offsets stay valid. */
    private static String halfWidth(String raw) {
        char[] c = raw.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '\uFF01' && c[i] <= '\uFF5E' && c[i] != '（' && c[i] != '）') c[i] = (char) (c[i] - 0xFEE0);
        }
        return new String(c);
    }

    /** End of the number starting at {@code i}: digits, an optional decimal part and an optional %. */
    private static int number(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j)) && j - i < 6) j++;
        if (j + 1 < s.length() && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1))) {
            j++;
            while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
        }
        if (j < s.length() && s.charAt(j) == '%') j++;
        return j;
    }

    /** 2 → 二, 0.5 → 零点五, 1% → 百分之一: numbers as the laws spell them. */
    private static String spell(String number) {
        boolean percent = number.endsWith("%");
        String n = percent ? number.substring(0, number.length() - 1) : number;
        int dot = n.indexOf('.');
        StringBuilder b = new StringBuilder(percent ? "百分之" : "");
        b.append(Numerals.chinese(Integer.parseInt(dot < 0 ? n : n.substring(0, dot))));
        if (dot >= 0) {
            b.append('点');
            for (char d : n.substring(dot + 1).toCharArray()) b.append(Numerals.chinese(d - '0'));
        }
        return b.toString();
    }

    /**
     * True when a text that merely follows an article heading (no colon) reads as that article:
     * its first words occur in the article. Prose after a heading ("以及其他依法应当追究的情形",
     * "规定处罚") does not.
     */
    static boolean startsLike(String quote, String article) {
        String q = normalise(quote).text();
        String a = normalise(article).text();
        if (q.length() < 2) return false;
        return a.contains(q.substring(0, Math.min(HEAD, q.length())));
    }

    /**
     * The comparison of a quotation with an article's official text. Each clause of the
     * quotation (up to a full stop, semicolon, colon or line break, or an item number) that occurs
     * in the article is faithful wherever it stands, so quoting some clauses, items or paragraphs
     * and leaving the others out is no change; a clause that does not occur is aligned with the
     * article to find what it adds, replaces or drops.
     */
    static StatuteCheck.Quotation compare(String quote, String article) {
        Normalised q = normalise(quote);
        Normalised a = normalise(article);
        if (q.text().isEmpty()) return new StatuteCheck.Quotation(article, 0, true, List.of(), null);
        if (a.text().contains(q.text())) return new StatuteCheck.Quotation(article, 1.0, false, List.of(), null);
        List<StatuteCheck.Difference> diffs = new ArrayList<>();
        int matched = 0;
        int total = 0;
        for (String clause : clauses(quote)) {
            Normalised c = normalise(clause);
            if (c.text().isEmpty()) continue;
            total += c.text().length();
            if (a.text().contains(c.text())) {
                matched += c.text().length();
            } else if ((long) c.text().length() * a.text().length() > MAX_CELLS) {
                matched += (int) Math.round(shared(c.text(), a.text()) * c.text().length());
                diffs.add(new StatuteCheck.Difference(clause.strip(), ""));
            } else {
                matched += ClauseAlignment.align(clause, c, article, a, diffs);
            }
        }
        return new StatuteCheck.Quotation(article, total == 0 ? 0 : round((double) matched / total), !diffs.isEmpty(), diffs, null);
    }

    /** The quotation cut after each full stop, semicolon, colon and line break, and before each item number. */
    static List<String> clauses(String quote) {
        List<String> out = new ArrayList<>();
        Matcher m = CLAUSE_END.matcher(quote);
        int from = 0;
        while (m.find()) {
            int cut = m.group().startsWith("（") || m.group().startsWith("(") ? m.start() : m.end();
            if (cut > from) out.add(quote.substring(from, cut));
            from = Math.max(from, cut);
        }
        if (from < quote.length()) out.add(quote.substring(from));
        return out;
    }

    /** The share of the quotation's characters the article has, counted with multiplicity (no order). */
    static double shared(String q, String a) {
        java.util.Map<Character, Integer> counts = new java.util.HashMap<>();
        for (char c : a.toCharArray()) counts.merge(c, 1, Integer::sum);
        int hit = 0;
        for (char c : q.toCharArray()) {
            Integer left = counts.get(c);
            if (left != null && left > 0) {
                hit++;
                counts.put(c, left - 1);
            }
        }
        return q.isEmpty() ? 0 : (double) hit / q.length();
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
