package org.quanze.statute;

import java.util.ArrayList;
import java.util.List;

import org.quanze.model.StatuteCheck;

/**
 * Where a clause of a quotation that the article does not contain word for word departs from it:
 * the clause aligned with the article around their longest shared run. Text the clause adds or
 * replaces, and words it drops inside a sentence, are differences; whole clauses of the article
 * it leaves out are not.
 */
final class ClauseAlignment {

    /** Characters that end a sentence, clause or paragraph: an omission between two of them drops whole clauses. */
    private static final String BOUNDARY = "。；;：:\n";

    private ClauseAlignment() {}

    /**
     * Aligns one clause with the article (longest common subsequence), adds what differs to
     * {@code diffs} and returns how many of the clause's characters the article has in order.
     * The article before and after the stretch the clause covers is simply not quoted.
     */
    static int align(String quote, Quotation.Normalised q, String article, Quotation.Normalised a, List<StatuteCheck.Difference> diffs) {
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
    private static boolean wholeClauses(String raw, Quotation.Normalised a, int from, int to) {
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
    private static String span(String raw, Quotation.Normalised n, int from, int to) {
        int start = n.origin()[from];
        int end = to + 1 < n.origin().length ? n.origin()[to + 1] : raw.length();
        return raw.substring(start, end).strip();
    }
}
