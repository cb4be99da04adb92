package org.quanze.index;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.quanze.model.ResourceText;
import org.quanze.statute.Numerals;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Numbers written one way for matching: a Chinese numeral before a measure word as Arabic digits
 * (两人 → 2人, 七日 → 7日, 第八十六条 → 第86条, 一千元 → 1000元) and full-width digits as ASCII, so
 * that precedent wording differing only in how it writes a number is the same words. Every
 * analyser of the index and of questions reads text through {@link #filter}; offsets still point
 * into the text as written, so highlights mark what the list says. The measure words are data
 * ({@code measure-words.txt}, with their source).
 */
public final class Numbers {

    private static final String NUMERALS = "零〇一二两三四五六七八九十百千万";
    /** The longest numeral run read as one number (the regular expression in NumbersTest says the same). */
    static final int MAX_RUN = 12;
    /** A numeral run counts only directly before one of these. */
    private static final Set<String> UNITS = Set.copyOf(measureWords());
    private static final int LONGEST_UNIT = UNITS.stream().mapToInt(String::length).max().orElse(0);

    /** The measure words of {@code measure-words.txt}. */
    static List<String> measureWords() {
        List<String> units = new ArrayList<>();
        for (String line : ResourceText.lines(Numbers.class, "measure-words.txt")) {
            String w = line.replaceFirst("#.*", "").strip();
            if (!w.isEmpty()) units.add(w);
        }
        return units;
    }

    private Numbers() {}

    /** The text as the analysers read it. */
    public static String normalise(String text) {
        return rewrite(text, null);
    }

    /** A reader of the text as the analysers read it, whose offsets map back to the text as written. */
    public static Reader filter(Reader in) {
        return new Filter(in);
    }

    /**
     * Rewrites the numbers; with {@code offsets}, records the offset corrections a char filter needs.
     * A scan rather than a regular expression: every field of every item passes here at index
     * time, and a character class tried at each position cost a tenth of the build.
     */
    private static String rewrite(String text, BaseCharFilterAccess offsets) {
        StringBuilder out = null;
        int last = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int end;
            String replacement;
            if (NUMERALS.indexOf(c) >= 0) {
                // The longest run (at most MAX_RUN) that a measure word follows.
                int run = i;
                while (run < n && run - i < MAX_RUN && NUMERALS.indexOf(text.charAt(run)) >= 0) run++;
                end = -1;
                for (int k = run; k > i && end < 0; k--) if (unitAt(text, k)) end = k;
                if (end < 0) {
                    i++;
                    continue;
                }
                int value = Numerals.parse(text.substring(i, end));
                if (value < 0) {
                    i = end;
                    continue;
                }
                replacement = Integer.toString(value);
            } else if (c >= '０' && c <= '９') {
                end = i;
                StringBuilder d = new StringBuilder();
                while (end < n && text.charAt(end) >= '０' && text.charAt(end) <= '９') d.append((char) (text.charAt(end++) - '０' + '0'));
                replacement = d.toString();
            } else {
                i++;
                continue;
            }
            if (out == null) out = new StringBuilder(n);
            out.append(text, last, i).append(replacement);
            last = end;
            i = end;
            if (offsets != null) offsets.correct(out.length(), end - out.length());
        }
        if (out == null) return text;
        out.append(text, last, n);
        return out.toString();
    }

    private static boolean unitAt(String text, int at) {
        for (int len = 1; len <= LONGEST_UNIT && at + len <= text.length(); len++) {
            if (UNITS.contains(text.substring(at, at + len))) return true;
        }
        return false;
    }

    /** How the rewrite tells the char filter where output offsets stop matching input offsets. */
    private interface BaseCharFilterAccess {
        void correct(int outputOffset, int cumulativeDiff);
    }

    /** The text read whole (a field's value), rewritten, served from memory with offset corrections. */
    private static final class Filter extends BaseCharFilter {
        private String rewritten;
        private int pos;

        Filter(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (rewritten == null) {
                StringBuilder all = new StringBuilder();
                char[] chunk = new char[4096];
                for (int n = input.read(chunk); n != -1; n = input.read(chunk)) all.append(chunk, 0, n);
                rewritten = rewrite(all.toString(), this::addOffCorrectMap);
            }
            if (pos >= rewritten.length()) return -1;
            int n = Math.min(len, rewritten.length() - pos);
            rewritten.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }
    }
}
