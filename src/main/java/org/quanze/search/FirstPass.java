package org.quanze.search;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.quanze.index.Schema;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a search's match set: the exact total, every facet's counts, and the first
 * stage's best candidates. Counting must visit every match anyway, so the candidates are collected
 * on the way instead of in a pass of their own. Without a selected facet, the generation's
 * counting ({@link org.quanze.index.IndexHandle#facetCounting}) counts every dimension as the
 * search collects; with selected facets,
 * {@link DrillSideways} also counts each selected dimension as if its own selection were lifted,
 * so a person sees what ticking another value of it would give. The default "powers only" is a
 * plain filter, not a selection: the duties it hides are counted in the same pass (with a
 * selection, in a count of their own).
 */
final class FirstPass {

    /** Exact counts, {@code facets} per API facet name, and the best {@code window} matches. */
    record Result(long total, Map<String, List<SearchResult.FacetValue>> facets, TopDocs top) {}

    private FirstPass() {}

    /**
     * @param scored the match set with its first-stage score
     * @param weights the plan's weights, to make the first pass's weight once per plan; null to make it afresh
     * @param sort   null for the best by score, else this order
     */
    static Result run(Turn turn, Query scored, QueryPlan.Weights weights, Filters filters, int window, Sort sort) throws IOException {
        Query base = filters.base(scored);
        Map<String, List<String>> shown = filters.shown();
        if (filters.selected().isEmpty()) {
            // Powers only by default: the match set is searched once, its powers collected and
            // counted, its duties only counted (OfKind), instead of a second search for them.
            boolean split = filters.powersByDefault();
            Query searched = split ? scored : base;
            Query made = weights == null ? searched : weights.reusing(turn.handle().searcher(), searched);
            Object[] r = turn.searcher().search(made, split
                    ? new MultiCollectorManager(OfKind.only(PowerRecord.POWER, best(turn, window, sort, searched)),
                            OfKind.only(PowerRecord.POWER, turn.handle().facetCounting()),
                            OfKind.only(PowerRecord.DUTY, new TotalHitCountCollectorManager(turn.searcher().getSlices())))
                    : new MultiCollectorManager(best(turn, window, sort, searched), turn.handle().facetCounting()));
            TopDocs top = (TopDocs) r[0];
            Facets facets = (Facets) r[1];
            turn.checkTime();
            long total = top.totalHits.value();
            Map<String, List<SearchResult.FacetValue>> read = FacetSupport.read(facets, shown, turn.handle().sourceTitles());
            if (split) read.put("kind", FacetSupport.kinds(total, (Integer) r[2]));
            return new Result(total, read, top);
        }
        DrillSideways ds = new DrillSideways(turn.unwindowedSearcher(), Schema.facetsConfig(), turn.handle().facetState()) {
            @Override
            protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] dims) throws IOException {
                // As Lucene's, counted from the generation's ordinal table.
                Facets down = turn.handle().facetCounts(drillDowns);
                if (drillSideways == null || drillSideways.length == 0) return down;
                Map<String, Facets> sideways = new HashMap<>();
                for (int i = 0; i < drillSideways.length; i++) sideways.put(dims[i], turn.handle().facetCounts(drillSideways[i]));
                return new MultiFacets(sideways, down);
            }
        };
        DrillDownQuery dd = FacetSupport.drillDown(base, filters.selected());
        DrillSideways.ConcurrentDrillSidewaysResult<Object[]> r = ds.search(dd, new MultiCollectorManager(best(turn, window, sort, null), new TimeCheck(turn)));
        turn.checkTime();
        TopDocs hits = (TopDocs) r.collectorResult[0];
        long total = hits.totalHits.value();
        Map<String, List<SearchResult.FacetValue>> read = FacetSupport.read(r.facets, shown, turn.handle().sourceTitles());
        if (filters.powersByDefault()) read.put("kind", FacetSupport.kinds(total, duties(turn, FacetSupport.drillDown(scored, filters.selected()))));
        return new Result(total, read, hits);
    }

    /**
     * The best {@code window} matches (at least one is asked for; at most as many as the index has
     * items) and the exact total; by score without scoring the matches that cannot be among them
     * where the search is {@code searched}, a query whose score {@link BestByCeiling} can bound.
     */
    private static CollectorManager<?, ? extends TopDocs> best(Turn turn, int window, Sort sort, Query searched) {
        int n = Math.min(window, Math.max(1, turn.searcher().getIndexReader().maxDoc()));
        if (sort != null) return new TopFieldCollectorManager(sort, n, null, Integer.MAX_VALUE);
        return searched != null && BestByCeiling.applies(searched) ? new BestByCeiling(n)
                : new TopScoreDocCollectorManager(n, Integer.MAX_VALUE);
    }

    /**
     * How many items match under the filters, up to {@code limit}. Scored as a constant, so
     * once {@code limit} are counted the collector asks for a better score than any item has
     * and Lucene's scorers stop there.
     */
    static long countUpTo(Turn turn, Query q, Filters filters, int limit) throws IOException {
        Query filtered = new ConstantScoreQuery(FacetSupport.drillDown(filters.base(q), filters.selected()));
        long n = turn.searcher().search(filtered, new TopScoreDocCollectorManager(1, limit)).totalHits.value();
        turn.checkTime();
        return Math.min(n, limit);
    }

    /** The duties the default powers-only filter hides, under the same match set and selections. */
    private static long duties(Turn turn, Query match) throws IOException {
        int d = turn.searcher().count(new BooleanQuery.Builder().add(match, Occur.MUST)
                .add(new TermQuery(new Term(Schema.KIND, PowerRecord.DUTY)), Occur.FILTER).build());
        turn.checkTime();
        return d;
    }

    /**
     * Stops a drill-sideways search (a {@link TimeUp} from inside it) once the turn's time is up:
     * its scorer cannot run under the searcher's windowed timeout, so the check sits in a
     * collector beside the hits', every 1,024 hits.
     */
    private record TimeCheck(Turn turn) implements CollectorManager<TimeCheck.Checker, Void> {

        @Override
        public Checker newCollector() {
            return new Checker(turn);
        }

        @Override
        public Void reduce(Collection<Checker> collectors) {
            return null;
        }

        static final class Checker implements Collector {
            private final Turn turn;
            private long seen;

            Checker(Turn turn) {
                this.turn = turn;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {}

                    @Override
                    public void collect(int doc) {
                        if ((++seen & 1023) == 0 && turn.shouldStop()) throw new TimeUp();
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }

    /** Thrown from inside a search whose time is up; carries no stack trace, it is not a bug. */
    static final class TimeUp extends RuntimeException {
        TimeUp() {
            super("time is up", null, false, false);
        }
    }
}
