package org.quanze.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.AttributeSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A text's word tokens, analysed once and replayed for every field that indexes them: a family's
 * word field and the all-words field ({@link Schema#ALL}) hold the same tokens, and the word
 * analysis (SmartCN's segmentation) is most of what building the index costs.
 */
final class AnalysedText {

    private final AttributeSource attributes;
    private final List<AttributeSource.State> tokens;
    private final AttributeSource.State end;

    private AnalysedText(AttributeSource attributes, List<AttributeSource.State> tokens, AttributeSource.State end) {
        this.attributes = attributes;
        this.tokens = tokens;
        this.end = end;
    }

    static AnalysedText of(Analyzer analyzer, String field, String text) {
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            ts.reset();
            List<AttributeSource.State> tokens = new ArrayList<>();
            while (ts.incrementToken()) tokens.add(ts.captureState());
            ts.end();
            AttributeSource.State end = ts.captureState();
            return new AnalysedText(ts.cloneAttributes(), tokens, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String reads no file
        }
    }

    /** A fresh stream of the tokens, with attributes of its own (a document may be indexed on another thread). */
    TokenStream stream() {
        return new TokenStream(attributes.cloneAttributes()) {
            private int next;

            @Override
            public boolean incrementToken() {
                if (next == tokens.size()) return false;
                clearAttributes();
                restoreState(tokens.get(next++));
                return true;
            }

            @Override
            public void end() throws IOException {
                super.end();
                restoreState(end);
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                next = 0;
            }
        };
    }
}
