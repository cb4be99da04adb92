package org.quanze.search;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.quanze.index.DocumentMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One search, from its plan: count the match set, rank the page, mark what matched. The same
 * logic whichever backend runs it; the backend executes each step.
 *
 * <p>Ranking has two stages. The first collects the best {@link #RESCORE_WINDOW} candidates of the
 * match set by the plan's cheap score, in the pass that counts it; the second ranks those by the
 * plan's full score. Results past the window (deep pages) keep the first stage's order, so every
 * page of one question agrees with the others.
 */
final class SearchRun {

    /** Candidates the full ranking sees. */
    static final int RESCORE_WINDOW = 100;
    /** A match set smaller than a page is filled out once with the items that hold a concept fewer. */
    static final int WIDEN_BELOW = 10;
    /** A first-stage score only breaks ties of the full ranking. */
    static final float FIRST_STAGE_TIE = 1e-3f;

    private SearchRun() {}

    static SearchResult run(SearchBackend.Call call, QueryPlanner planner, SearchRequest req) throws IOException {
        long t0 = System.nanoTime();
        Filters filters = Filters.of(req);
        boolean bySource = SearchRequest.BY_SOURCE.equals(req.sort());
        Ranking ranking = rank(call, planner, req, (req.page() - 1) * req.size(), req.size());
        QueryPlan plan = ranking.plan();
        SearchBackend.Ranked first = ranking.ranked();
        boolean widened = ranking.widened();
        List<SearchBackend.Found> page = first.page();
        SearchBackend.PageDocs docs = page.isEmpty() ? null : call.page(page);
        List<java.util.Map<String, String>> texts = page.stream().map(f -> DocumentMapper.texts(f.record())).toList();
        List<List<SearchResult.Highlight>> hl = plan.marks().isEmpty() || page.isEmpty() ? null
                : Highlighting.highlight(docs.searcher(), docs.generation() ? plan.weights() : null, plan.marks(), docs.docs(), texts);
        Coverage coverage = Coverage.of(plan, docs);
        List<SearchResult.Hit> hits = new ArrayList<>();
        List<List<String>> concepts = plan.searches() ? ArticleSnippets.concepts(plan) : List.of();
        for (int i = 0; i < page.size(); i++) {
            SearchBackend.Found f = page.get(i);
            SearchResult.Explanation ex = req.explain() ? Explainer.explain(call, plan, filters, bySource, f, docs, i) : null;
            List<SearchResult.Highlight> marked = hl == null ? List.of() : hl.get(i);
            SearchResult.Highlight inArticle = concepts.isEmpty() ? null
                    : ArticleSnippets.of(concepts, f.record(), texts.get(i).values(), call.generation().laws());
            if (inArticle != null) {
                marked = new ArrayList<>(marked);
                marked.add(inArticle);
            }
            hits.add(SearchResult.Hit.of(f.record(), f.score(), marked, coverage.missing(i),
                    samePowerCites(plan, f.record()), ex));
        }
        call.checkTime();
        // A hit of the page with every concept answers it; otherwise only a search of the index can tell.
        boolean partial = plan.searches() && (widened || first.total() == 0 || plan.uncited() != null
                || coverage.missingEverywhere() || (plan.complete() != null && !coverage.anyComplete()
                && !(holdsEveryMatch(first, (req.page() - 1) * req.size()) ? coverage.anyHoldsEveryFound()
                        : call.any(Queries.all(plan.complete(), plan.match()), filters))));
        return new SearchResult(first.total(), req.page(), req.size(), (System.nanoTime() - t0) / 1_000_000, partial,
                ranking.matched(), plan.units(), hits, first.facets(), req.explain() ? reading(plan) : null);
    }

    /**
     * The plan a search ran and its ranked results; {@code widened} when nothing reached the usual
     * share and fewer concepts were required; {@code matched}, where a short list was filled out
     * with items holding one concept fewer, how many reach the share (else null).
     */
    record Ranking(QueryPlan plan, SearchBackend.Ranked ranked, boolean widened, Long matched) {}

    /**
     * The match set counted and ranked, results {@code from} to {@code from + size}: a search's
     * page, or an export's whole list in the same order.
     */
    static Ranking rank(SearchBackend.Call call, QueryPlanner planner, SearchRequest req, int from, int size) throws IOException {
        QueryPlan plan = planner.plan(req.q(), call.generation(), QueryPlanner.USUAL);
        Filters filters = Filters.of(req);
        boolean bySource = SearchRequest.BY_SOURCE.equals(req.sort());
        // Which match set to rank is settled by counting up to a page: far cheaper than ranking a
        // set only to learn it is short and rank another.
        long reaching = plan.searches() && plan.required() > plan.fewest() ? call.countUpTo(plan.match(), filters, WIDEN_BELOW) : -1;
        long filledFrom = -1;
        boolean widened = false;
        if (reaching > 0 && reaching < WIDEN_BELOW) {
            // Less than a page reaches the share: the items holding one concept fewer fill the list
            // after them (they rank first by `share`), and the answer says how many reach it. A short
            // question's two concepts both required lose the item that names one in other words
            // (药厂乱涨价: the price inspections say 价格违法, not 药厂); the page shows what each lacks.
            plan = planner.plan(req.q(), call.generation(), plan.required() - 1);
            filledFrom = reaching;
        } else if (reaching == 0) {
            // Nothing reaches the share: fewer concepts until something does, said so by "partial";
            // beside a named article, until a page does, as the items citing it answer without them.
            widened = true;
            int enough = plan.fewest() == 0 ? WIDEN_BELOW : 1;
            do {
                plan = planner.plan(req.q(), call.generation(), plan.required() - 1);
            } while (plan.searches() && plan.required() > plan.fewest() && call.countUpTo(plan.match(), filters, enough) < enough);
        }
        SearchBackend.Ranked first = call.rank(plan.candidates(), filters, rescore(plan), from, size, bySource);
        Long matched = filledFrom >= 0 && first.total() > filledFrom ? filledFrom : null;
        return new Ranking(plan, first, widened, matched);
    }

    /** Whether the page starting at result {@code from} holds every match (the first page of a short list). */
    private static boolean holdsEveryMatch(SearchBackend.Ranked ranked, int from) {
        return from == 0 && ranked.page().size() == ranked.total();
    }

    /** The plan's second stage over the first stage's best candidates; null when there is nothing to rank by. */
    private static SearchBackend.Rescore rescore(QueryPlan plan) {
        return plan.searches() && plan.rescore() != null
                ? new SearchBackend.Rescore(plan.rescore(), RESCORE_WINDOW, FIRST_STAGE_TIE, plan.weights()) : null;
    }

    /** The named articles a hit is found by only because the same power cites them elsewhere. */
    private static List<String> samePowerCites(QueryPlan plan, org.quanze.model.PowerRecord r) {
        if (plan.samePowers().isEmpty() || !r.givesNoBasis()) return List.of();
        String key = org.quanze.index.NameKey.of(r);
        if (key == null) return List.of();
        List<String> out = new ArrayList<>();
        for (org.quanze.model.Statute s : plan.statutes()) {
            if (plan.samePowers().getOrDefault(s.path(), java.util.Set.of()).contains(key)) out.add(s.path());
        }
        return out;
    }

    private static SearchResult.Reading reading(QueryPlan plan) {
        List<SearchResult.Reading.Concept> cs = new ArrayList<>();
        for (QueryPlan.Concept c : plan.concepts()) {
            cs.add(new SearchResult.Reading.Concept(c.surface(), c.spellings().stream().map(p -> String.join(" ", p.words())
                            + (QueryPlan.Spelling.TYPED.equals(p.source()) ? "" : " (" + p.source() + ")")).toList(),
                    c.found(), c.counted(), c.common()));
        }
        return new SearchResult.Reading(cs, plan.required(), plan.statutes().stream().map(org.quanze.model.Statute::path).toList(), plan.intents());
    }

    /**
     * Which of the question's counted concepts each hit of the page lacks: the words shown struck
     * through. A concept found in no item is lacked by every hit.
     */
    private record Coverage(List<QueryPlan.Concept> counted, List<List<String>> missing) {

        /** @param docs the page's documents; null when the page is empty */
        static Coverage of(QueryPlan plan, SearchBackend.PageDocs docs) throws IOException {
            List<QueryPlan.Concept> counted = plan.concepts().stream().filter(c -> c.counted() || !c.found()).toList();
            int n = docs == null ? 0 : docs.docs().length;
            List<List<String>> missing = new ArrayList<>();
            for (int i = 0; i < n; i++) missing.add(new ArrayList<>());
            for (QueryPlan.Concept c : counted) {
                boolean[] has = new boolean[n];
                if (c.found() && n > 0) {
                    IndexSearcher s = docs.searcher();
                    // Made once per plan where the page is of the plan's generation, as the ranking's are.
                    Weight w = docs.generation() ? plan.weights().of(s, c.presence(), ScoreMode.COMPLETE_NO_SCORES)
                            : s.createWeight(s.rewrite(c.presence()), ScoreMode.COMPLETE_NO_SCORES, 1);
                    has = FewDocs.matches(w, s.getIndexReader(), docs.docs());
                }
                for (int i = 0; i < n; i++) if (!has[i]) missing.get(i).add(c.surface());
            }
            return new Coverage(counted, missing);
        }

        boolean missingEverywhere() {
            return counted.stream().anyMatch(c -> !c.found());
        }

        /** Whether some hit of the page has every counted concept the index holds (those found nowhere aside). */
        boolean anyHoldsEveryFound() {
            java.util.Set<String> nowhere = new java.util.HashSet<>();
            for (QueryPlan.Concept c : counted) if (!c.found()) nowhere.add(c.surface());
            return missing.stream().anyMatch(nowhere::containsAll);
        }

        /** Whether some hit of the page has every counted concept. */
        boolean anyComplete() {
            return missing.stream().anyMatch(List::isEmpty);
        }

        /** What hit {@code i} lacks; nothing is shown lacking where only one concept counts and it is found. */
        List<String> missing(int i) {
            if (counted.size() < 2 && !missingEverywhere()) return List.of();
            return missing.get(i);
        }
    }
}
