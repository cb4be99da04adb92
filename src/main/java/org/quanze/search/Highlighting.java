package org.quanze.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.quanze.index.Analyzers;
import org.quanze.index.Numbers;
import org.quanze.index.Schema;

import org.apache.lucene.document.Document;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Snippets of the fields that matched. The highlighter reads match offsets from the bigram fields'
 * postings, so no text is analysed again, and is asked, per hit, only about the fields whose text
 * contains one of the plan's spellings, with only those spellings (as bigram phrases): asked about
 * every spelling in every field of every hit, it spent a third of a search on a small index
 * finding nothing. Its formatter returns plain-text spans, marked or not ({@link SpanFormatter}),
 * so no markup ever travels with the list's text.
 */
final class Highlighting {

    static final Map<String, String> LABELS = Map.of(
            Schema.NAME, "权力名称", Schema.BASIS, "设定依据", Schema.DUTIES, "责任事项",
            Schema.ACCOUNTABILITY, "追责情形", Schema.OTHER, "其他");
    static final String[] FIELDS = Schema.TEXT_FIELDS.stream().map(Schema::bigram).toArray(String[]::new);
    private static final Set<String> STORED = Set.of(FIELDS);
    private static final QueryBuilder BIGRAMS = new QueryBuilder(Analyzers.bigrams());

    private Highlighting() {}

    /** One list of snippets per hit, in the hits' order. */
    static List<List<SearchResult.Highlight>> highlight(IndexSearcher searcher, List<String> marks, int[] hits) throws IOException {
        Map<String, Query> leaves = new LinkedHashMap<>();
        for (String m : marks) {
            Query q = BIGRAMS.createPhraseQuery(FIELDS[0], m, 0);
            if (q != null) leaves.put(fold(m), q);
        }
        SpanFormatter.Highlighter uh = highlighter(searcher, new SmallPassageScorer());
        List<List<SearchResult.Highlight>> out = new ArrayList<>(hits.length);
        for (int hit : hits) {
            Document d = searcher.storedFields().document(hit, STORED);
            List<String> fields = new ArrayList<>();
            Set<Query> present = new LinkedHashSet<>();
            for (String f : FIELDS) {
                String text = d.get(f);
                if (text == null) continue;
                String folded = fold(text);
                boolean any = false;
                for (Map.Entry<String, Query> e : leaves.entrySet()) {
                    if (folded.contains(e.getKey())) {
                        present.add(e.getValue());
                        any = true;
                    }
                }
                if (any) fields.add(f);
            }
            if (fields.isEmpty()) {
                out.add(List.of());
                continue;
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Query q : present) b.add(q, BooleanClause.Occur.SHOULD);
            String[] fs = fields.toArray(String[]::new);
            int[] passages = new int[fs.length];
            Arrays.fill(passages, 1);
            out.add(marked(fs, uh.spans(fs, b.build(), new int[] {hit}, passages), 0));
        }
        return out;
    }

    /**
     * Text for a cheap "could it match here" before the highlighter is asked: as the bigram
     * analyser compares it (numbers read one way, full-width forms folded, lower case), without the spaces and
     * punctuation its tokenizer skips (不得少于 2 人 holds the phrase 不得少于2人). It may say yes
     * where the phrase does not match (the highlighter then marks nothing), never no where it does.
     */
    static String fold(String text) {
        return SKIPPED.matcher(Normalizer.normalize(Numbers.normalise(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static final java.util.regex.Pattern SKIPPED = java.util.regex.Pattern.compile("[\\s\\p{P}\\p{S}]+");

    private static SpanFormatter.Highlighter highlighter(IndexSearcher searcher, PassageScorer scorer) {
        return new SpanFormatter.Highlighter(UnifiedHighlighter.builder(searcher, Analyzers.bigrams())
                .withScorer(scorer)
                .withFormatter(new SpanFormatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), 90, 0.5f))
                .withMaxNoHighlightPassages(0)
                // Every family searches the same words, so any query field's terms may mark any field.
                .withFieldMatcher(queryField -> true)
                .withHighlightPhrasesStrictly(true));
    }

    /** The snippets of hit {@code i} that mark something, in field order. */
    @SuppressWarnings("unchecked")
    private static List<SearchResult.Highlight> marked(String[] fields, Map<String, Object[]> snippets, int i) {
        List<SearchResult.Highlight> hs = new ArrayList<>();
        for (String f : fields) {
            Object s = snippets.get(f)[i];
            if (SpanFormatter.marks(s)) {
                String fam = family(f);
                hs.add(new SearchResult.Highlight(fam, LABELS.get(fam), (List<SearchResult.Span>) s));
            }
        }
        return hs;
    }

    /**
     * Lucene's passage score, computed the same way in the same order, without its per-passage
     * term hash: that allocates a 32 KB block for every passage considered, a third of all the
     * memory a search allocated (#6). A passage has a few matches; a scan finds repeated terms.
     */
    static final class SmallPassageScorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int hits = passage.getNumMatches();
            BytesRef[] matched = passage.getMatchTerms();
            BytesRef[] terms = new BytesRef[hits];
            int[] inPassage = new int[hits];
            int[] inDoc = new int[hits];
            int distinct = 0;
            for (int i = 0; i < hits; i++) {
                int t = 0;
                while (t < distinct && !terms[t].bytesEquals(matched[i])) t++;
                if (t == distinct) {
                    terms[distinct++] = matched[i];
                    inDoc[t] = passage.getMatchTermFreqsInDoc()[i];
                }
                inPassage[t]++;
            }
            double score = 0d;
            for (int t = 0; t < distinct; t++) score += tf(inPassage[t], passage.getLength()) * weight(contentLength, inDoc[t]);
            score *= norm(passage.getStartOffset());
            return (float) score;
        }
    }

    static String family(String field) {
        return field.endsWith(Schema.BIGRAM) ? field.substring(0, field.length() - Schema.BIGRAM.length()) : field;
    }
}
