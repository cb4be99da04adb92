package org.quanze.search;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.quanze.index.IndexHandle;
import org.quanze.index.IndexManager;
import org.quanze.index.Schema;
import org.quanze.index.Suggestions;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every search-like call over the current index generation: search, export, item, related items,
 * citing items, suggestions. Each takes one guarded path ({@link #guarded}): a turn among the
 * searches running at once, the generation held until it ends, and the time limit on a searcher
 * of its own.
 */
public final class SearchService {

    /** Citing the same article as legal basis is strong evidence of the same matter. */
    static final float RELATED_CITATION_WEIGHT = 2f;
    static final float RELATED_TYPE_WEIGHT = 1f;
    static final float RELATED_MIN_SHARE = 0.3f;
    static final float RELATED_MIN_SHARE_OF_BEST = 0.5f;

    /** No search runs longer than this; what it has found by then is not a fair answer, so it is refused. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    private final IndexManager index;
    private final QueryPlanner planner;
    private final long timeLimitMillis;
    /** Searches run a few at a time; the time limit starts when one's turn comes. */
    private final Admission admission;

    public SearchService(IndexManager index, QueryPlanner planner) {
        this(index, planner, TIME_LIMIT);
    }

    public SearchService(IndexManager index, QueryPlanner planner, Duration timeLimit) {
        this(index, planner, timeLimit, new Admission(Admission.DEFAULT_PERMITS, Admission.DEFAULT_MAX_WAIT));
    }

    /**
     * @param concurrentSearches searches (and downloads) that run at once; the others wait their turn
     * @param maxWait how long one waits for its turn before it is refused as busy
     */
    public SearchService(IndexManager index, QueryPlanner planner, Duration timeLimit, int concurrentSearches, Duration maxWait) {
        this(index, planner, timeLimit, new Admission(concurrentSearches, maxWait));
    }

    SearchService(IndexManager index, QueryPlanner planner, Duration timeLimit, Admission admission) {
        this.index = index;
        this.planner = planner;
        this.timeLimitMillis = timeLimit.toMillis();
        this.admission = admission;
    }

    public IndexManager index() {
        return index;
    }

    public QueryPlanner planner() {
        return planner;
    }

    /**
     * The request must be valid (see {@code web.Params}); the default kind is power, and
     * {@code kind=all} searches powers and duties together.
     *
     * @throws SearchRefused when the query expands to too many clauses or runs past the time limit
     */
    public SearchResult search(SearchRequest req) throws IOException {
        return guarded(turn -> SearchRun.run(turn, planner, req));
    }

    /** The records matching a search, in the order of its hits, and how many match in all. */
    public record Matches(long total, List<PowerRecord> records) {}

    /**
     * Every record the search matches (the same match set and filters as {@link #search}, page
     * and size ignored), ranked by the first stage or in source order as the request sorts, up to
     * {@code max}: for downloads of a whole result set.
     */
    public Matches matching(SearchRequest req, int max) throws IOException {
        return guarded(turn -> {
            IndexSearcher s = turn.searcher();
            QueryPlan plan = planner.plan(req.q(), turn.handle(), 0);
            Query q = Filters.of(req).apply(plan.candidates());
            TopDocs td = SearchRequest.BY_SOURCE.equals(req.sort())
                    ? s.search(q, max, new Sort(new SortField(Schema.ORDER, SortField.Type.LONG)))
                    : s.search(q, max);
            turn.checkTime();
            List<PowerRecord> out = new ArrayList<>(td.scoreDocs.length);
            for (ScoreDoc sd : td.scoreDocs) out.add(Hits.record(s, sd.doc));
            // Hit counts past Lucene's counting threshold are lower bounds; a download states the exact one.
            long total = td.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? td.totalHits.value() : s.count(q);
            turn.checkTime();
            return new Matches(total, out);
        });
    }

    /** The full record, or null when no item has this id. */
    public PowerRecord item(String id) throws IOException {
        return guarded(turn -> {
            TopDocs td = turn.searcher().search(new TermQuery(new Term(Schema.ID, id)), 1);
            return td.scoreDocs.length == 0 ? null : Hits.record(turn.searcher(), td.scoreDocs[0].doc);
        });
    }

    /** An item from another list that describes the same matter, with how close it is. */
    public record Related(String id, String name, String powerType, List<String> units,
                          SearchResult.SourceLabel source, float score) {}

    /**
     * Up to {@code n} items from other sources describing the same matter: the item's name
     * searched by words and bigrams over names, with weight for citing the same articles as legal
     * basis and for the same power type; its own list excluded.
     */
    public List<Related> related(PowerRecord rec, int n) throws IOException {
        if (rec.name() == null || !PowerRecord.POWER.equals(rec.kind())) return List.of();
        Query like = planner.nameLike(rec.name());
        if (like == null) return List.of();
        return guarded(turn -> {
            IndexSearcher s = turn.searcher();
            BooleanQuery.Builder same = new BooleanQuery.Builder().add(like, Occur.SHOULD);
            for (Statute st : rec.statutes()) {
                if (Statute.BASIS.equals(st.role()) && st.article() != null) {
                    same.add(new BoostQuery(new TermQuery(new Term(Schema.CITES, st.path())), RELATED_CITATION_WEIGHT), Occur.SHOULD);
                }
            }
            if (rec.powerType() != null) {
                String field = Schema.facetsConfig().getDimConfig(Schema.F_TYPE).indexFieldName;
                same.add(new BoostQuery(new TermQuery(DrillDownQuery.term(field, Schema.F_TYPE, rec.powerType())),
                        RELATED_TYPE_WEIGHT), Occur.SHOULD);
            }
            Query sameMatter = same.build();
            // The item's own score is the most any item can reach; far below it is not the same matter.
            TopDocs self = s.search(new BooleanQuery.Builder().add(sameMatter, Occur.MUST)
                    .add(new TermQuery(new Term(Schema.ID, rec.id())), Occur.FILTER).build(), 1);
            float floor = self.scoreDocs.length == 0 ? 0 : self.scoreDocs[0].score * RELATED_MIN_SHARE;
            Query q = new BooleanQuery.Builder()
                    .add(sameMatter, Occur.MUST)
                    .add(like, Occur.FILTER)
                    .add(new TermQuery(new Term(Schema.KIND, PowerRecord.POWER)), Occur.FILTER)
                    .add(new TermQuery(new Term(Schema.SOURCE_ID, rec.source().id())), Occur.MUST_NOT)
                    .build();
            TopDocs td = s.search(q, n);
            turn.checkTime();
            List<Related> out = new ArrayList<>();
            // Half the best other item's score too: below that the match is on generic words.
            if (td.scoreDocs.length > 0) floor = Math.max(floor, td.scoreDocs[0].score * RELATED_MIN_SHARE_OF_BEST);
            for (ScoreDoc sd : td.scoreDocs) {
                if (sd.score < floor) break;
                PowerRecord o = Hits.record(s, sd.doc);
                out.add(new Related(o.id(), o.name(), o.powerType(), o.units(),
                        new SearchResult.SourceLabel(o.source().id(), o.source().title()), sd.score));
            }
            return out;
        });
    }

    public List<Suggestions.Suggestion> suggest(String q, int n) throws IOException {
        return guarded(turn -> turn.handle().suggest(q, n));
    }

    /** Items in the current generation; not a search, so it never waits for a turn. */
    public int items() {
        IndexHandle h = index.acquire();
        try {
            return h.items();
        } finally {
            index.release(h);
        }
    }

    /**
     * Counts of every facet value over the whole index (powers and duties), read once per index
     * generation; the answer is immutable, so requests share it safely.
     */
    public Map<String, List<SearchResult.FacetValue>> counts() throws IOException {
        return guarded(turn -> {
            try {
                return turn.handle().derived("counts", handle -> {
                    try {
                        return java.util.Collections.unmodifiableMap(
                                FacetSupport.read(FacetSupport.allCounts(handle), Map.of(), handle.sourceTitles()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }

    /** Items whose legal basis cites the law, or the law's article, in source order. */
    public List<PowerRecord> citing(String law, Integer article, int max) throws IOException {
        return guarded(turn -> {
            String key = article == null ? law : law + "/" + article;
            IndexSearcher s = turn.searcher();
            TopDocs td = s.search(new TermQuery(new Term(Schema.CITES, key)), max, new Sort(new SortField(Schema.ORDER, SortField.Type.LONG)));
            turn.checkTime();
            List<PowerRecord> out = new ArrayList<>();
            for (ScoreDoc sd : td.scoreDocs) out.add(Hits.record(s, sd.doc));
            return out;
        });
    }

    /** A piece of work on one turn. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Turn turn) throws IOException;
    }

    /**
     * The one path every search-like call takes: wait for a turn (one per core the index's slices
     * keep busy), hold the current generation, run with the time limit, and turn Lucene's and the
     * limit's exceptions into refusals the caller can answer.
     */
    private <T> T guarded(Work<T> work) throws IOException {
        try {
            return admission.run(cores(), () -> {
                IndexHandle h = index.acquire();
                try {
                    return work.run(new Turn(h, timeLimitMillis));
                } finally {
                    index.release(h);
                }
            });
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SearchRefused(SearchRefused.Reason.TOO_COMPLEX, "the query expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " search terms; use fewer or shorter words");
        } catch (FirstPass.TimeUp e) {
            throw new SearchRefused(SearchRefused.Reason.TIMED_OUT, "the search took longer than " + timeLimitMillis
                    + " ms and was stopped; try again, or narrow it with more words or facets");
        }
    }

    /** Cores one search over the current index keeps busy: its slices, searched in parallel. */
    private int cores() {
        IndexHandle h = index.acquire();
        try {
            return h.searcher().getSlices().length;
        } finally {
            index.release(h);
        }
    }
}
