package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.quanze.index.Schema;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One search, from its plan: count the match set, rank the page, mark what matched.
 *
 * <p>Ranking has two stages. The first collects the best {@link #RESCORE_WINDOW} candidates of the
 * match set by the plan's cheap score, in the pass that counts it; the second ranks those by the
 * plan's full score. Results past the window (deep pages) keep the first stage's order, so every
 * page of one question agrees with the others.
 */
final class SearchRun {

    /** Candidates the full ranking sees. */
    static final int RESCORE_WINDOW = 100;
    /** A first-stage score only breaks ties of the full ranking. */
    static final float FIRST_STAGE_TIE = 1e-3f;

    private SearchRun() {}

    static SearchResult run(Turn turn, QueryPlanner planner, SearchRequest req) throws IOException {
        long t0 = System.nanoTime();
        QueryPlan plan = planner.plan(req.q(), turn.handle(), 0);
        Filters filters = Filters.of(req);
        int from = (req.page() - 1) * req.size();
        int topN = from + req.size();
        boolean bySource = SearchRequest.BY_SOURCE.equals(req.sort());
        Sort sort = bySource ? new Sort(new SortField(Schema.ORDER, SortField.Type.LONG)) : null;
        int window = bySource ? topN : Math.max(topN, RESCORE_WINDOW);
        FirstPass.Result first = FirstPass.run(turn, plan.candidates(), filters, window, sort);
        boolean widened = false;
        // Nothing covers the required share: fewer concepts, said so by "partial".
        while (first.total() == 0 && plan.searches() && plan.required() > 1) {
            plan = planner.plan(req.q(), turn.handle(), plan.required() - 1);
            first = FirstPass.run(turn, plan.candidates(), filters, window, sort);
            widened = true;
        }
        TopDocs ranked = first.top();
        if (!bySource && plan.searches() && plan.rescore() != null) ranked = rescore(turn.searcher(), ranked, rescorer(plan.rescore()));
        ScoreDoc[] page = from >= ranked.scoreDocs.length ? new ScoreDoc[0]
                : Arrays.copyOfRange(ranked.scoreDocs, from, Math.min(ranked.scoreDocs.length, topN));
        IndexSearcher s = turn.searcher();
        List<List<SearchResult.Highlight>> hl = plan.highlight() == null || page.length == 0 ? null
                : Highlighting.highlight(s, plan.highlight(), page);
        Coverage coverage = Coverage.of(s, plan);
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            ScoreDoc sd = page[i];
            PowerRecord rec = Hits.record(s, sd.doc);
            SearchResult.Explanation ex = req.explain() ? explain(s, plan, filters, sd.doc) : null;
            hits.add(SearchResult.Hit.of(rec, sd.score, hl == null ? List.of() : hl.get(i), coverage.missing(sd.doc), ex));
        }
        turn.checkTime();
        boolean partial = plan.searches() && (widened || first.total() == 0 || plan.uncited() != null
                || coverage.missingEverywhere() || (plan.complete() != null
                && !FirstPass.any(turn, Queries.all(plan.complete(), plan.match()), filters)));
        return new SearchResult(first.total(), req.page(), req.size(), (System.nanoTime() - t0) / 1_000_000, partial,
                hits, first.facets(), req.explain() ? reading(plan) : null);
    }

    private static SearchResult.Reading reading(QueryPlan plan) {
        List<SearchResult.Reading.Concept> cs = new ArrayList<>();
        for (QueryPlan.Concept c : plan.concepts()) {
            cs.add(new SearchResult.Reading.Concept(c.surface(), c.spellings().stream().map(p -> String.join(" ", p)).toList(),
                    c.found(), c.counted(), c.common()));
        }
        return new SearchResult.Reading(cs, plan.required(), plan.statutes().stream().map(org.quanze.model.Statute::path).toList(), plan.intents());
    }

    /** The full ranking; the first stage's score only breaks its ties. */
    private static QueryRescorer rescorer(Query full) {
        return new QueryRescorer(full) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return (secondPassMatches ? secondPassScore : 0f) + FIRST_STAGE_TIE * firstPassScore;
            }
        };
    }

    /** Why a hit scored what it did: both stages, as the rescorer combined them. */
    private static SearchResult.Explanation explain(IndexSearcher s, QueryPlan plan, Filters filters, int doc) throws IOException {
        Explanation first = s.explain(filters.apply(plan.candidates()), doc);
        return Explainer.summarise(plan.rescore() == null ? first : rescorer(plan.rescore()).explain(s, first, doc));
    }

    /** The first {@link #RESCORE_WINDOW} candidates in the full ranking's order, the rest after them as they were. */
    private static TopDocs rescore(IndexSearcher s, TopDocs first, QueryRescorer rescorer) throws IOException {
        ScoreDoc[] all = first.scoreDocs;
        int n = Math.min(all.length, RESCORE_WINDOW);
        TopDocs head = new TopDocs(first.totalHits, Arrays.copyOf(all, n));
        TopDocs ranked = rescorer.rescore(s, head, n);
        ScoreDoc[] out = Arrays.copyOf(ranked.scoreDocs, all.length);
        System.arraycopy(all, n, out, n, all.length - n);
        return new TopDocs(first.totalHits, out);
    }

    /**
     * Which of the question's counted concepts each hit contains: the words a hit lacks are
     * shown struck through, and a question no item covers whole is answered as partial.
     */
    private record Coverage(IndexSearcher searcher, List<QueryPlan.Concept> counted, List<Weight> weights) {

        static Coverage of(IndexSearcher s, QueryPlan plan) throws IOException {
            List<QueryPlan.Concept> counted = plan.concepts().stream().filter(c -> c.counted() || !c.found()).toList();
            List<Weight> weights = new ArrayList<>();
            for (QueryPlan.Concept c : counted) {
                weights.add(c.found() ? s.createWeight(s.rewrite(c.presence()), ScoreMode.COMPLETE_NO_SCORES, 1) : null);
            }
            return new Coverage(s, counted, weights);
        }

        boolean missingEverywhere() {
            return weights.contains(null);
        }

        List<String> missing(int doc) throws IOException {
            if (counted.size() < 2 && !missingEverywhere()) return List.of();
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < counted.size(); i++) {
                Weight w = weights.get(i);
                if (w == null || w.matches(leaf, doc - leaf.docBase) == null) out.add(counted.get(i).surface());
            }
            return out;
        }
    }
}
