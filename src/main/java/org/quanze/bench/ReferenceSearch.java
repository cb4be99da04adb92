package org.quanze.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.quanze.index.Analyzers;
import org.quanze.index.IndexHandle;
import org.quanze.index.Schema;
import org.quanze.model.PowerRecord;
import org.quanze.search.FieldWeights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The yardstick a Quanze search is measured against: what plain Lucene does for the same
 * question over the same index. A BooleanQuery of the question's SmartCN words over the word
 * fields (BM25, each field weighted as Quanze weighs words there), powers only; exact counts of
 * the same six facets over every match ({@code FacetsCollectorManager} +
 * {@code SortedSetDocValuesFacetCounts}); the {@code UnifiedHighlighter} on the same stored
 * fields of the top 10. No vocabulary, no concepts, no second stage: the cost of a search
 * engine's basic answer, so the ratio says what Quanze's understanding of a question costs.
 */
final class ReferenceSearch {

    private static final String[] HIGHLIGHTED = Schema.TEXT_FIELDS.stream().map(Schema::bigram).toArray(String[]::new);

    private final Analyzer words = Analyzers.words();
    private final Analyzer bigrams = Analyzers.bigrams();

    /** Runs the question and returns how many items match it. */
    long search(IndexHandle h, String question) throws IOException {
        IndexSearcher searcher = h.searcher();
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms(this.words, question)) {
            for (String f : Schema.TEXT_FIELDS) {
                words.add(new BoostQuery(new TermQuery(new Term(f, term)), FieldWeights.words(f)), Occur.SHOULD);
            }
        }
        Query q = new BooleanQuery.Builder()
                .add(words.build(), Occur.MUST)
                .add(new TermQuery(new Term(Schema.KIND, PowerRecord.POWER)), Occur.FILTER)
                .build();
        FacetsCollectorManager.FacetsResult r = FacetsCollectorManager.search(searcher, q, 10, new FacetsCollectorManager());
        Facets facets = new SortedSetDocValuesFacetCounts(h.facetState(), r.facetsCollector());
        for (String dim : Schema.FACETS) facets.getTopChildren(200, dim);
        if (r.topDocs().scoreDocs.length > 0) {
            BooleanQuery.Builder marks = new BooleanQuery.Builder();
            for (String term : terms(bigrams, question)) marks.add(new TermQuery(new Term(HIGHLIGHTED[0], term)), Occur.SHOULD);
            int[] passages = new int[HIGHLIGHTED.length];
            Arrays.fill(passages, 1);
            UnifiedHighlighter.builder(searcher, bigrams).withFieldMatcher(f -> true).build()
                    .highlightFields(HIGHLIGHTED, marks.build(), r.topDocs(), passages);
        }
        return r.topDocs().totalHits.value();
    }

    /** Every item, for a question with no word the analyzer keeps. */
    static Query all() {
        return new MatchAllDocsQuery();
    }

    private static Set<String> terms(Analyzer a, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = a.tokenStream("", text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String s = t.toString();
                // SmartCN turns punctuation into ","; plain Lucene would drop it with its stop set.
                if (!s.isBlank() && !s.equals(",")) out.add(s);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
