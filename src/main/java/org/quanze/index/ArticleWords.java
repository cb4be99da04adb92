package org.quanze.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of the cited articles ({@link Schema#ARTICLES}), segmented once per distinct article
 * in a build. A province's items cite a few thousand articles between them, each of them many
 * times (社会保险法 第八十六条 by every contribution penalty), and SmartCN's segmentation is most
 * of what a build costs. On a 20k generated build, in two pairs of runs, this gave 5 to 7 % more
 * text indexed per CPU second than segmenting each item's articles again. Kept as terms and
 * position increments only, all the field indexes (no offsets, no types).
 */
final class ArticleWords {

    /** Distinct articles kept (a few KB each); a build citing more analyses the rest each time. */
    static final int MAX_KEPT = 8192;

    private record Words(String[] terms, int[] increments) {}

    private final Analyzer analyzer;
    private final ConcurrentHashMap<String, Words> kept = new ConcurrentHashMap<>();

    ArticleWords(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The article's words as a stream of their own (documents are indexed on several threads). */
    TokenStream stream(String text) {
        Words w = kept.get(text);
        if (w == null) {
            w = analyse(text);
            if (kept.size() < MAX_KEPT) kept.putIfAbsent(text, w);
        }
        return replay(w);
    }

    private Words analyse(String text) {
        List<String> terms = new ArrayList<>();
        List<Integer> increments = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Schema.ARTICLES, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
                increments.add(inc.getPositionIncrement());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String reads no file
        }
        return new Words(terms.toArray(String[]::new), increments.stream().mapToInt(Integer::intValue).toArray());
    }

    private static TokenStream replay(Words w) {
        return new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
            private int next;

            @Override
            public boolean incrementToken() {
                if (next == w.terms().length) return false;
                clearAttributes();
                term.setEmpty().append(w.terms()[next]);
                inc.setPositionIncrement(w.increments()[next]);
                next++;
                return true;
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                next = 0;
            }
        };
    }
}
