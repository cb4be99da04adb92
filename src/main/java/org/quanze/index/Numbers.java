package org.quanze.index;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.quanze.statute.Numerals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers written one way for matching: a Chinese numeral before a measure word as Arabic digits
 * (两人 → 2人, 七日 → 7日, 第八十六条 → 第86条, 一千元 → 1000元) and full-width digits as ASCII, so
 * that precedent wording differing only in how it writes a number is the same words. Every
 * analyser of the index and of questions reads text through {@link #filter}; offsets still point
 * into the text as written, so highlights mark what the list says. The measure words are data
 * ({@code measure-words.txt}, with their source).
 */
public final class Numbers {

    private static final Pattern NUMBER;

    static {
        List<String> units = new ArrayList<>();
        try (InputStream in = Numbers.class.getResourceAsStream("measure-words.txt")) {
            if (in == null) throw new IllegalStateException("measure-words.txt is missing from the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.replaceFirst("#.*", "").strip();
                if (!w.isEmpty()) units.add(Pattern.quote(w));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        units.sort(Comparator.comparingInt(String::length).reversed());
        // A numeral run directly before a measure word; full-width digit runs anywhere.
        NUMBER = Pattern.compile("([零〇一二两三四五六七八九十百千万]{1,12})(?=" + String.join("|", units) + ")|([０-９]+)");
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

    /** Rewrites the numbers; with {@code offsets}, records the offset corrections a char filter needs. */
    private static String rewrite(String text, BaseCharFilterAccess offsets) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                int n = Numerals.parse(m.group(1));
                if (n < 0) continue;
                replacement = Integer.toString(n);
            } else {
                StringBuilder d = new StringBuilder();
                for (char c : m.group(2).toCharArray()) d.append((char) (c - '０' + '0'));
                replacement = d.toString();
            }
            if (replacement.equals(m.group())) continue;
            if (out == null) out = new StringBuilder(text.length());
            out.append(text, last, m.start()).append(replacement);
            last = m.end();
            if (offsets != null) offsets.correct(out.length(), m.end() - out.length());
        }
        if (out == null) return text;
        out.append(text, last, text.length());
        return out.toString();
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
