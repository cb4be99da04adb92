package org.quanze.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
 */
record Concepts(String surface, List<List<String>> paths) {

    /** Concepts of the text in order; consecutive single characters the segmenter left loose form one. */
    static List<Concepts> of(String text, Analyzer synonymWords) {
        List<Concepts> raw = new ArrayList<>();
        String compact = text.replaceAll("\\s+", "");
        int cursor = 0;
        try (TokenStream ts = synonymWords.tokenStream("", text)) {
            GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(ts);
            int[] points = graph.articulationPoints();
            int last = 0;
            for (int i = 0; i <= points.length; i++) {
                int start = last;
                int end = i < points.length ? points[i] : -1;
                last = end;
                Set<List<String>> paths = new LinkedHashSet<>();
                if (graph.hasSidePath(start)) {
                    Iterator<TokenStream> it = graph.getFiniteStrings(start, end);
                    while (it.hasNext()) paths.add(read(it.next()));
                } else {
                    for (AttributeSource a : graph.getTerms(start)) {
                        paths.add(List.of(a.getAttribute(CharTermAttribute.class).toString()));
                    }
                }
                // The typed spelling is the path that continues the text where the last concept ended.
                String surface = "";
                for (List<String> p : paths) {
                    String j = String.join("", p);
                    if (j.length() > surface.length() && compact.startsWith(j, cursor)) surface = j;
                }
                if (surface.isEmpty()) continue;
                cursor += surface.length();
                raw.add(new Concepts(surface, List.copyOf(paths)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mergeLooseCharacters(raw);
    }

    private static List<String> read(TokenStream ts) throws IOException {
        List<String> terms = new ArrayList<>();
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) terms.add(term.toString());
        ts.end();
        ts.close();
        return List.copyOf(terms);
    }

    /**
     * The segmenter cuts words it does not know into single characters (骗保 → 骗 / 保). Alone
     * each matches nearly everything; together, as one concept searched as a phrase, they mean
     * what was typed.
     */
    private static List<Concepts> mergeLooseCharacters(List<Concepts> in) {
        List<Concepts> out = new ArrayList<>();
        List<Concepts> run = new ArrayList<>();
        for (Concepts c : in) {
            boolean loose = c.paths().size() == 1 && c.paths().get(0).size() == 1 && c.surface().length() == 1
                    && Character.isIdeographic(c.surface().codePointAt(0));
            if (loose) {
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
                chars.add(c.surface());
            }
            out.add(new Concepts(s.toString(), List.of(List.copyOf(chars))));
        }
        run.clear();
    }
}
