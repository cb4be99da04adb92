package org.quanze.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.quanze.index.Analyzers;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The vocabulary's terms, kept whole where the segmenter would cut across one. SmartCN reads
 * 医保管吗 as 医 / 保管 / 吗: the rule for 医保 never sees its two characters together, and 保管
 * (to keep safe) is searched instead. Where a term of {@code synonyms.txt} occurs in a question,
 * the segmenter reads its characters apart, and one of its words reaches across the term's edge,
 * the question is cut at the term's edges and each piece segmented on its own (医生拿药品回扣 /
 * 医保 / 管吗). A space would not do: the segmenter joins words across it. A term inside a longer
 * word (举报 in 举报人), or only cut inside (医 / 保), is left alone.
 */
final class WholeTerms {

    static final WholeTerms NONE = new WholeTerms(Set.of());

    /** Terms of two characters or more, all Han, as in the vocabulary's rules. */
    private final Set<String> terms;
    private final int longest;

    private WholeTerms(Set<String> terms) {
        this.terms = terms;
        this.longest = terms.stream().mapToInt(String::length).max().orElse(0);
    }

    /** Every term of every rule in {@code synonyms.txt}'s lines, both sides. */
    static WholeTerms of(List<String> synonymLines) {
        Set<String> terms = new java.util.HashSet<>();
        for (String line : synonymLines) {
            for (String term : Vocabulary.terms(line.replaceFirst("#.*", "").replace("=>", ","))) {
                if (term.length() >= 2 && term.codePoints().allMatch(Character::isIdeographic)) terms.add(term);
            }
        }
        return new WholeTerms(Set.copyOf(terms));
    }

    /**
     * Where to cut the text so that no word of the segmenter straddles a term's edge: the offsets,
     * ascending, strictly inside the text; none in the usual case. Terms are taken leftmost, the
     * longest at each place.
     */
    List<Integer> cuts(String text) {
        if (terms.isEmpty()) return List.of();
        List<int[]> words = null;
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int i = 0; i < text.length(); ) {
            int len = longestAt(text, i);
            if (len == 0) {
                i++;
                continue;
            }
            if (words == null) words = words(text);
            int start = i;
            int end = i + len;
            if (split(words, start, end) && straddled(words, start, end)) {
                if (start > 0) cuts.add(start);
                if (end < text.length()) cuts.add(end);
            }
            i = end;
        }
        return List.copyOf(cuts);
    }

    /** Whether a word of the segmenter ends inside the term: its characters are read apart. */
    private static boolean split(List<int[]> words, int start, int end) {
        for (int[] w : words) if (start < w[1] && w[1] < end) return true;
        return false;
    }

    /** Whether a word of the segmenter reaches across one of the term's edges. */
    private static boolean straddled(List<int[]> words, int start, int end) {
        for (int[] w : words) if (w[0] < start && start < w[1] || w[0] < end && end < w[1]) return true;
        return false;
    }

    private int longestAt(String text, int from) {
        for (int len = Math.min(longest, text.length() - from); len >= 2; len--) {
            if (terms.contains(text.substring(from, from + len))) return len;
        }
        return 0;
    }

    /** The segmenter's words as offsets, without the vocabulary. */
    private static List<int[]> words(String text) {
        List<int[]> out = new ArrayList<>();
        try (TokenStream ts = Analyzers.words().tokenStream("", new StringReader(text))) {
            OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(new int[] {o.startOffset(), o.endOffset()});
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
