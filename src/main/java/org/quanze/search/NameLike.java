package org.quanze.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.quanze.index.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The query that finds the same matter as an item's name in other lists: its related items. */
final class NameLike {

    /** Words of an item's name its related-items query is built from (see {@link #leadingWords}). */
    static final int MAX_RELATED_WORDS = 48;
    static final int MAX_RELATED_CHARS = 160;
    private final Vocabulary vocabulary;
    private final QueryBuilder bigrams;

    NameLike(Vocabulary vocabulary, QueryBuilder bigrams) {
        this.vocabulary = vocabulary;
        this.bigrams = bigrams;
    }

    /** A name searched over names only, words and bigrams: "the same matter" in another list. */
    Query of(String name) {
        name = leadingWords(name, MAX_RELATED_WORDS);
        List<Query> parts = new ArrayList<>();
        Query w = new QueryBuilder(vocabulary.queryWords()).createBooleanQuery(Schema.NAME, ConceptReader.withoutPunctuation(name), Occur.SHOULD);
        if (w != null) parts.add(w);
        Query bg = bigrams.createBooleanQuery(Schema.bigram(Schema.NAME), name, Occur.SHOULD);
        if (bg != null) parts.add(bg);
        if (parts.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : parts) b.add(q, Occur.SHOULD);
        return b.build();
    }

    /**
     * The text up to the end of its {@code max}-th word (as the words analyzer cuts it), and at most
     * {@value #MAX_RELATED_CHARS} characters (the bigram query has a clause per character). An
     * item's name is list text of up to 10,000 characters; analysed whole into a related-items
     * query it passes Lucene's clause limit and the synonym graph's recursion limit. Real names of
     * powers have under 45 words and 110 characters, and their first words say what matter it is.
     */
    String leadingWords(String text, int max) {
        text = ConceptReader.head(text, MAX_RELATED_CHARS);
        try (TokenStream ts = vocabulary.queryWords().tokenStream(Schema.NAME, text)) {
            var pos = ts.addAttribute(PositionIncrementAttribute.class);
            var off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int n = 0, end = 0;
            while (ts.incrementToken()) {
                if (pos.getPositionIncrement() > 0 && ++n > max) break;
                end = Math.max(end, off.endOffset());
            }
            boolean cut = n > max;
            ts.end();
            return cut ? text.substring(0, Math.min(end, text.length())) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
