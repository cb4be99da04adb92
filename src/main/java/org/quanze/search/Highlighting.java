package org.quanze.search;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.quanze.index.Analyzers;
import org.quanze.index.Schema;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Snippets of the fields that matched. The highlighter reads match offsets from the bigram
 * fields' postings (no re-analysis), accepts the word-field terms of the same family (SmartCN
 * words are mostly one bigram long), and its formatter HTML-escapes every character of the
 * list's text, so the only markup in a snippet is its own {@code <mark>}.
 */
final class Highlighting {

    static final Map<String, String> LABELS = Map.of(
            Schema.NAME, "权力名称", Schema.BASIS, "设定依据", Schema.DUTIES, "责任事项",
            Schema.ACCOUNTABILITY, "追责情形", Schema.OTHER, "其他");
    private static final String[] FIELDS = Schema.TEXT_FIELDS.stream().map(Schema::bigram).toArray(String[]::new);

    private Highlighting() {}

    static List<List<SearchResult.Highlight>> highlight(IndexSearcher searcher, Query query, TopDocs docs) throws IOException {
        return highlightExactly(searcher, MatchSet.highlightLeaves(query, FIELDS[0], searcher.getIndexReader(), FIELDS), docs);
    }

    /** Highlights with the query as given (the relevance query's own structure, ten times the work). */
    static List<List<SearchResult.Highlight>> highlightExactly(IndexSearcher searcher, Query query, TopDocs docs) throws IOException {
        UnifiedHighlighter uh = UnifiedHighlighter.builder(searcher, Analyzers.bigrams())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), 90, 0.5f))
                .withMaxNoHighlightPassages(0)
                // Every family searches the same words, so any query field's terms may mark any field.
                .withFieldMatcher(queryField -> true)
                .withHighlightPhrasesStrictly(true)
                .build();
        int[] passages = new int[FIELDS.length];
        java.util.Arrays.fill(passages, 1);
        Map<String, String[]> snippets = uh.highlightFields(FIELDS, query, docs, passages);
        List<List<SearchResult.Highlight>> out = new ArrayList<>();
        for (int i = 0; i < docs.scoreDocs.length; i++) {
            List<SearchResult.Highlight> hs = new ArrayList<>();
            for (String f : FIELDS) {
                String s = snippets.get(f)[i];
                if (s != null && s.contains("<mark>")) {
                    String fam = family(f);
                    hs.add(new SearchResult.Highlight(fam, LABELS.get(fam), s));
                }
            }
            out.add(hs);
        }
        return out;
    }

    static String family(String field) {
        return field.endsWith(Schema.BIGRAM) ? field.substring(0, field.length() - Schema.BIGRAM.length()) : field;
    }
}
