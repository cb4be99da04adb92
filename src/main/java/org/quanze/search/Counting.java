package org.quanze.search;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.quanze.index.Schema;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The total and the facet counts of a match set under the request's filters. Without a selected
 * facet, one pass of {@link FacetsCollectorManager} counts every dimension; with selected facets,
 * {@link DrillSideways} also counts each selected dimension as if its own selection were lifted,
 * so a person sees what ticking another value of it would give. The default "powers only" is a
 * plain filter, not a selection: the count of duties it hides is one count of its own.
 */
final class Counting {

    /** Exact counts; {@code facets} per API facet name. */
    record Counts(long total, Map<String, List<SearchResult.FacetValue>> facets) {}

    private Counting() {}

    static Counts count(Turn turn, Query match, Filters filters) throws IOException {
        Query base = filters.base(match);
        Map<String, List<String>> shown = filters.shown();
        if (filters.selected().isEmpty()) {
            FacetsCollector fc = turn.searcher().search(base, new FacetsCollectorManager());
            turn.checkTime();
            long total = 0;
            for (FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) total += m.totalHits();
            Facets facets = new SortedSetDocValuesFacetCounts(turn.handle().facetState(), fc);
            Map<String, List<SearchResult.FacetValue>> read = FacetSupport.read(facets, shown, turn.handle().sourceTitles());
            if (filters.powersByDefault()) read.put("kind", kinds(turn, match, total));
            return new Counts(total, read);
        }
        DrillSideways ds = new DrillSideways(turn.unwindowedSearcher(), Schema.facetsConfig(), turn.handle().facetState());
        DrillDownQuery dd = FacetSupport.drillDown(base, filters.selected());
        DrillSideways.ConcurrentDrillSidewaysResult<Long> r = ds.search(dd, new TimedCount(turn));
        turn.checkTime();
        Map<String, List<SearchResult.FacetValue>> read = FacetSupport.read(r.facets, shown, turn.handle().sourceTitles());
        if (filters.powersByDefault()) read.put("kind", kinds(turn, FacetSupport.drillDown(match, filters.selected()), r.collectorResult));
        return new Counts(r.collectorResult, read);
    }

    /** Whether any item matches the query under the filters. */
    static boolean any(Turn turn, Query q, Filters filters) throws IOException {
        Query filtered = FacetSupport.drillDown(filters.base(q), filters.selected());
        return turn.searcher().search(filtered, 1).totalHits.value() > 0;
    }

    /** The kind facet under the default filter: powers (the total) and the duties the filter hides. */
    private static List<SearchResult.FacetValue> kinds(Turn turn, Query match, long powers) throws IOException {
        Query duties = new BooleanQuery.Builder().add(match, Occur.MUST)
                .add(new TermQuery(new Term(Schema.KIND, PowerRecord.DUTY)), Occur.FILTER).build();
        int d = turn.searcher().count(duties);
        turn.checkTime();
        List<SearchResult.FacetValue> out = new ArrayList<>();
        if (powers > 0) out.add(new SearchResult.FacetValue(PowerRecord.POWER, null, powers, true, null));
        if (d > 0) out.add(new SearchResult.FacetValue(PowerRecord.DUTY, null, d, false, null));
        if (powers == 0) out.add(new SearchResult.FacetValue(PowerRecord.POWER, null, 0, true, null));
        out.sort((a, b) -> Long.compare(b.count(), a.count()));
        return out;
    }

    /**
     * Counts the drill-down hits, and stops the search (a {@link SearchRefused} from inside it)
     * once the turn's time is up: the drill-sideways scorer cannot run under the searcher's
     * windowed timeout, so the check sits in the collector, every 1,024 hits.
     */
    private record TimedCount(Turn turn) implements CollectorManager<TimedCount.Counter, Long> {

        @Override
        public Counter newCollector() {
            return new Counter(turn);
        }

        @Override
        public Long reduce(Collection<Counter> collectors) {
            long n = 0;
            for (Counter c : collectors) n += c.count;
            return n;
        }

        static final class Counter implements Collector {
            private final Turn turn;
            long count;

            Counter(Turn turn) {
                this.turn = turn;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {}

                    @Override
                    public void collect(int doc) {
                        if ((++count & 1023) == 0 && turn.shouldStop()) throw new TimeUp();
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
