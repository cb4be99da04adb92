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
    /** Characters that end a sentence, clause or paragraph: an omission between two of them drops whole clauses. */
    private static final String BOUNDARY = "。；;：:\n";
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
                matched += align(clause, c, article, a, diffs);
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

    /**
     * Aligns one clause with the article (longest common subsequence), adds what differs to
     * {@code diffs} and returns how many of the clause's characters the article has in order.
     * The article before and after the stretch the clause covers is simply not quoted.
     */
    private static int align(String quote, Normalised q, String article, Normalised a, List<StatuteCheck.Difference> diffs) {
        String x = q.text();
        // Only the stretch of the article around the clause's longest exact run: elsewhere the same
        // words ("用人单位违反本法规定") would pull the alignment into another paragraph.
        int[] w = window(x, a.text());
        String y = a.text().substring(w[0], w[1]);
        int offset = w[0];
        int n = x.length();
        int m = y.length();
        // lcs[i][j]: the longest common subsequence of x[i..] and y[j..].
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.charAt(i) == y.charAt(j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // Walk the alignment: runs of quotation-only and article-only characters between matches.
        List<int[]> ops = new ArrayList<>();  // {kind 0=same 1=quote only 2=article only, index}
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.charAt(i) == y.charAt(j) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                ops.add(new int[] {0, i, j});
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                ops.add(new int[] {2, i, j});
                j++;
            } else {
                ops.add(new int[] {1, i, j});
                i++;
            }
        }
        // Article text before the first and after the last match is outside the quoted stretch.
        int firstMatch = -1;
        int lastMatch = -1;
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k)[0] == 0) {
                if (firstMatch < 0) firstMatch = k;
                lastMatch = k;
            }
        }
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == 0) {
                k++;
                continue;
            }
            int qFrom = -1, qTo = -1, aFrom = -1, aTo = -1, quoted = 0;
            boolean leading = k < firstMatch || firstMatch < 0;
            List<Integer> articleOnly = new ArrayList<>();
            while (k < ops.size() && ops.get(k)[0] != 0) {
                int[] op = ops.get(k);
                if (op[0] == 1) {
                    if (qFrom < 0) qFrom = op[1];
                    qTo = op[1];
                    quoted++;
                } else {
                    articleOnly.add(op[2]);
                }
                k++;
            }
            boolean trailing = k > lastMatch;
            // Before the first and after the last match the article is simply not quoted; only as
            // much of it as the quotation replaces there stands against the quotation's words.
            if (leading || trailing) {
                int keep = Math.min(quoted, articleOnly.size());
                articleOnly = leading ? articleOnly.subList(articleOnly.size() - keep, articleOnly.size()) : articleOnly.subList(0, keep);
            }
            if (!articleOnly.isEmpty()) {
                aFrom = articleOnly.get(0);
                aTo = articleOnly.get(articleOnly.size() - 1);
            }
            if (qFrom < 0 && aFrom < 0) continue;
            if (aFrom >= 0) {
                aFrom += offset;
                aTo += offset;
            }
            if (qFrom < 0 && wholeClauses(article, a, aFrom, aTo)) continue;  // a dropped sentence, paragraph or item
            diffs.add(new StatuteCheck.Difference(qFrom < 0 ? "" : span(quote, q, qFrom, qTo),
                    aFrom < 0 ? "" : span(article, a, aFrom, aTo)));
        }
        return lcs[0][0];
    }

    /**
     * The part of the article a clause can align with: around the longest run of characters
     * both share, widened by the clause's length on either side.
     */
    static int[] window(String x, String y) {
        int best = 0;
        int bestEndX = 0;
        int bestEndY = 0;
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                cur[j] = x.charAt(i - 1) == y.charAt(j - 1) ? prev[j - 1] + 1 : 0;
                if (cur[j] > best) {
                    best = cur[j];
                    bestEndX = i;
                    bestEndY = j;
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        if (best == 0) return new int[] {0, y.length()};
        int slack = x.length() / 4 + 8;
        int from = Math.max(0, bestEndY - bestEndX - slack);
        int to = Math.min(y.length(), bestEndY + (x.length() - bestEndX) + slack);
        return new int[] {from, to};
    }

    /**
     * True when the article's characters from..to (normalised indexes) cover whole clauses: the
     * raw text just before them ends a clause and their last character ends one too.
     */
    private static boolean wholeClauses(String raw, Normalised a, int from, int to) {
        int rawFrom = a.origin()[from];
        int rawTo = to + 1 < a.origin().length ? a.origin()[to + 1] : raw.length();
        boolean startsClause = rawFrom == 0 || BOUNDARY.indexOf(lastNonBlank(raw, rawFrom)) >= 0;
        boolean endsClause = rawTo >= raw.length() || BOUNDARY.indexOf(lastNonBlank(raw, rawTo)) >= 0;
        return startsClause && endsClause;
    }

    private static char lastNonBlank(String raw, int before) {
        for (int i = before - 1; i >= 0; i--) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c) || c == '\n') return c;
        }
        return '\n';
    }

    /** The raw text behind normalised characters from..to, inclusive. */
    private static String span(String raw, Normalised n, int from, int to) {
        int start = n.origin()[from];
        int end = to + 1 < n.origin().length ? n.origin()[to + 1] : raw.length();
        return raw.substring(start, end).strip();
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
