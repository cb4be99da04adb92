package org.quanze.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The concepts of a query: the segments of its synonym graph. A word with no synonym is a concept
 * of one spelling; a word the vocabulary knows is one concept with several spellings (医保卡 /
 * 医疗保障凭证 / 社保卡). Scoring a concept by its best spelling, not the sum of all, keeps a word
 * with many synonyms from outweighing the rest of the question.
 *
 * @param surface the text the person typed for this concept
 * @param paths   its spellings, each a sequence of words (the typed one included)
 * @param typed   the spellings that are the typed words as the analyser cut them, not the vocabulary's
 * @param from    where its text starts in the question
 * @param to      where its text ends
 */
record Concepts(String surface, List<List<String>> paths, Set<List<String>> typed, int from, int to) {

    /**
     * Concepts of the text in order; consecutive single characters the segmenter left loose form
     * one. A concept's surface is the text its tokens came from (their offsets), so it is what was
     * typed whatever the analyser made of it: lower-cased or stemmed Latin words (GMP, licenses),
     * digits, full-width forms. The text is segmented piece by piece between {@code cuts}
     * (offsets, ascending; see {@link WholeTerms}); offsets stay the whole text's.
     */
    static List<Concepts> of(String text, Analyzer synonymWords, List<Integer> cuts) {
        List<Concepts> raw = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= cuts.size(); i++) {
            int end = i < cuts.size() ? cuts.get(i) : text.length();
            read(text.substring(start, end), start, synonymWords, raw);
            start = end;
        }
        return mergeLooseCharacters(raw);
    }

    /** The concepts of one piece of the text that starts at {@code shift}, added to {@code raw}. */
    private static void read(String text, int shift, Analyzer synonymWords, List<Concepts> raw) {
        // A piece of spaces and punctuation (between a cut and a question word taken out) has no token.
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) return;
        try (TokenStream ts = synonymWords.tokenStream("", text)) {
            GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(ts);
            int[] points = graph.articulationPoints();
            int last = 0;
            for (int i = 0; i <= points.length; i++) {
                int start = last;
                int end = i < points.length ? points[i] : -1;
                last = end;
                Set<List<String>> paths = new LinkedHashSet<>();
                Set<List<String>> typed = new LinkedHashSet<>();
                int from = Integer.MAX_VALUE;
                int to = -1;
                if (graph.hasSidePath(start)) {
                    Iterator<TokenStream> it = graph.getFiniteStrings(start, end);
                    while (it.hasNext()) {
                        Read r = read(it.next());
                        paths.add(r.terms());
                        if (r.typed()) typed.add(r.terms());
                        // Only the typed path's offsets are the text's; a synonym's span the whole segment.
                        from = Math.min(from, r.from());
                        to = Math.max(to, r.to());
                    }
                } else {
                    for (AttributeSource a : graph.getTerms(start)) {
                        List<String> one = List.of(a.getAttribute(CharTermAttribute.class).toString());
                        paths.add(one);
                        if (!SynonymGraphFilter.TYPE_SYNONYM.equals(a.getAttribute(TypeAttribute.class).type())) typed.add(one);
                        OffsetAttribute o = a.getAttribute(OffsetAttribute.class);
                        from = Math.min(from, o.startOffset());
                        to = Math.max(to, o.endOffset());
                    }
                }
                if (paths.isEmpty() || to <= from || to > text.length()) continue;
                raw.add(new Concepts(text.substring(from, to).strip(), List.copyOf(paths), Set.copyOf(typed), from + shift, to + shift));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path's terms, the span of text they came from, and whether none is the vocabulary's. */
    private record Read(List<String> terms, int from, int to, boolean typed) {}

    private static Read read(TokenStream ts) throws IOException {
        List<String> terms = new ArrayList<>();
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        TypeAttribute type = ts.addAttribute(TypeAttribute.class);
        int from = Integer.MAX_VALUE;
        int to = -1;
        boolean typed = true;
        ts.reset();
        while (ts.incrementToken()) {
            terms.add(term.toString());
            typed &= !SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
            from = Math.min(from, offset.startOffset());
            to = Math.max(to, offset.endOffset());
        }
        ts.end();
        ts.close();
        return new Read(List.copyOf(terms), from, to, typed);
    }

    /**
     * The segmenter cuts words it does not know into single characters (骗保 → 骗 / 保). Alone
     * each matches nearly everything; together, as one concept searched as a phrase, they mean
     * what was typed. Only characters that stand next to each other in the question are one word:
     * a question word between them (我开的小诊所, 三个月了还没) ends the run, as it ends a word.
     */
    private static List<Concepts> mergeLooseCharacters(List<Concepts> in) {
        List<Concepts> out = new ArrayList<>();
        List<Concepts> run = new ArrayList<>();
        for (Concepts c : in) {
            // Judged by the word the index holds: 两 before a measure word is the number 2, no loose character.
            String word = c.paths().size() == 1 && c.paths().get(0).size() == 1 ? c.paths().get(0).get(0) : "";
            boolean loose = word.codePointCount(0, word.length()) == 1 && Character.isIdeographic(word.codePointAt(0));
            if (loose) {
                if (!run.isEmpty() && run.get(run.size() - 1).to() != c.from()) flush(run, out);
                run.add(c);
                continue;
            }
            flush(run, out);
            out.add(c);
        }
        flush(run, out);
        return out;
    }

    private static void flush(List<Concepts> run, List<Concepts> out) {
        if (run.size() == 1) out.add(run.get(0));
        if (run.size() > 1) {
            StringBuilder s = new StringBuilder();
            List<String> chars = new ArrayList<>();
            for (Concepts c : run) {
                s.append(c.surface());
                chars.add(c.paths().get(0).get(0));
            }
            List<String> path = List.copyOf(chars);
            out.add(new Concepts(s.toString(), List.of(path), Set.of(path), run.get(0).from(), run.get(run.size() - 1).to()));
        }
        run.clear();
    }
}
