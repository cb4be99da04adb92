package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.quanze.index.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a hit ranks where it does: what each part of the plan's ranking added to its score (the
 * parts' scores add up to the full ranking's), and which terms matched in which fields, read with
 * Lucene's Matches API rather than from an explanation's text.
 */
final class Explainer {

    /** The first stage's share of the final score: it breaks the full ranking's ties. */
    static final String FIRST_STAGE = "first-stage";

    private Explainer() {}

    static SearchResult.Explanation explain(SearchBackend.Call call, QueryPlan plan, Filters filters, boolean bySource,
                                            SearchBackend.Found hit, SearchBackend.PageDocs docs, int i) throws IOException {
        List<SearchResult.Explanation.Contribution> parts = new ArrayList<>();
        if (!bySource) {
            for (QueryPlan.Part p : plan.ranking()) {
                float v = call.explain(p.query(), filters, null, hit).getValue().floatValue();
                if (v > 0) parts.add(new SearchResult.Explanation.Contribution(p.mechanism(), p.detail(), v));
            }
            float first = call.explain(plan.candidates(), filters, null, hit).getValue().floatValue();
            if (first > 0 && !plan.ranking().isEmpty()) {
                parts.add(new SearchResult.Explanation.Contribution(FIRST_STAGE, null, first * SearchRun.FIRST_STAGE_TIE));
            }
        }
        Query matched = plan.ranking().isEmpty() ? plan.candidates() : plan.rescore();
        return new SearchResult.Explanation(hit.score(), parts, matches(docs.searcher(), matched, docs.docs()[i]));
    }

    /** The fields and terms of the query that match in the document. */
    static List<SearchResult.Explanation.Match> matches(IndexSearcher s, Query q, int doc) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Matches m = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1).matches(leaf, doc - leaf.docBase);
        Set<SearchResult.Explanation.Match> out = new LinkedHashSet<>();
        if (m == null) return List.of();
        // Lucene gives the fields in a hash order, which differs from one run to the next; an
        // answer lists them in the schema's order (name first), each field's bigrams after its words.
        List<String> fields = new ArrayList<>();
        m.forEach(fields::add);
        fields.sort(Comparator.comparingInt(Explainer::fieldOrder).thenComparing(Comparator.naturalOrder()));
        for (String field : fields) {
            MatchesIterator it = m.getMatches(field);
            if (it == null) continue;
            while (it.next()) {
                String term = describe(it.getQuery());
                if (term != null) out.add(new SearchResult.Explanation.Match(field, term));
            }
        }
        return List.copyOf(out);
    }

    /** Where a field's text comes in {@link Schema#TEXT_FIELDS}, by the family it belongs to; after them, the rest. */
    private static int fieldOrder(String field) {
        for (int i = 0; i < Schema.TEXT_FIELDS.size(); i++) {
            String f = Schema.TEXT_FIELDS.get(i);
            if (field.equals(f) || field.startsWith(f + ".")) return i;
        }
        return Schema.TEXT_FIELDS.size();
    }

    /** A term query's term; a phrase's terms joined by spaces; null for other leaves. */
    private static String describe(Query q) {
        if (q instanceof TermQuery t) return t.getTerm().text();
        if (q instanceof PhraseQuery p) return Arrays.stream(p.getTerms()).map(Term::text).collect(Collectors.joining(" "));
        return null;
    }
}
