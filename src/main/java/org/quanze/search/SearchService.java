package org.quanze.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.quanze.index.IndexManager;
import org.quanze.index.Schema;
import org.quanze.index.Suggestions;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;

import java.io.IOException;
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
    /**
     * The limit of a command that asks one question in a process of its own: nothing waits on it,
     * and its only search also sets up what a server set up long before (dictionaries, mappers,
     * code not yet compiled), which the server's limit refused on a slow machine.
     */
    public static final Duration ONE_QUESTION_TIME_LIMIT = Duration.ofSeconds(30);

    private final SearchBackend backend;
    private final QueryPlanner planner;
    private final long timeLimitMillis;
    /** Searches run a few at a time; the time limit starts when one's turn comes. */
    private final Admission admission;

    public SearchService(IndexManager index, QueryPlanner planner) {
        this(new LuceneBackend(index), planner, TIME_LIMIT);
    }

    public SearchService(SearchBackend backend, QueryPlanner planner) {
        this(backend, planner, TIME_LIMIT);
    }

    public SearchService(SearchBackend backend, QueryPlanner planner, Duration timeLimit) {
        this(backend, planner, timeLimit, new Admission(Admission.DEFAULT_PERMITS, Admission.DEFAULT_MAX_WAIT));
    }

    /**
     * @param concurrentSearches searches (and downloads) that run at once; the others wait their turn
     * @param maxWait how long one waits for its turn before it is refused as busy
     */
    public SearchService(SearchBackend backend, QueryPlanner planner, Duration timeLimit, int concurrentSearches, Duration maxWait) {
        this(backend, planner, timeLimit, new Admission(concurrentSearches, maxWait));
    }

    SearchService(SearchBackend backend, QueryPlanner planner, Duration timeLimit, Admission admission) {
        this.backend = backend;
        this.planner = planner;
        this.timeLimitMillis = timeLimit.toMillis();
        this.admission = admission;
    }

    /** The same backend and planner under another time limit: a command's, not a server's. */
    public SearchService withTimeLimit(Duration timeLimit) {
        return new SearchService(backend, planner, timeLimit);
    }

    public SearchBackend backend() {
        return backend;
    }

    /** The embedded index this service searches; null when it searches a cluster. */
    public IndexManager index() {
        return backend instanceof LuceneBackend l ? l.index() : null;
    }

    public QueryPlanner planner() {
        return planner;
    }

    /** The generation serving now and its item count; not a search, so it never waits for a turn. */
    public SearchBackend.Info current() {
        return backend.current();
    }

    /**
     * The request must be valid (see {@code web.Params}); the default kind is power, and
     * {@code kind=all} searches powers and duties together.
     *
     * @throws SearchRefused when the query expands to too many clauses or runs past the time limit
     */
    public SearchResult search(SearchRequest req) throws IOException {
        return guarded(call -> SearchRun.run(call, planner, req));
    }

    /** The records matching a search, in the order of its hits, and how many match in all. */
    public record Matches(long total, List<PowerRecord> records) {}

    /**
     * Every record the search matches (the same match set and filters as {@link #search}, page
     * and size ignored), in the order its pages show them or in source order as the request sorts, up to
     * {@code max}: for downloads of a whole result set.
     */
    public Matches matching(SearchRequest req, int max) throws IOException {
        return guarded(call -> {
            SearchBackend.Ranked r = SearchRun.rank(call, planner, req, 0, max).ranked();
            return new Matches(r.total(), r.page().stream().map(SearchBackend.Found::record).toList());
        });
    }

    /** The full record, or null when no item has this id. */
    public PowerRecord item(String id) throws IOException {
        return guarded(call -> {
            SearchBackend.Top top = call.top(new TermQuery(new Term(Schema.ID, id)), Filters.NONE, 1, false);
            return top.hits().isEmpty() ? null : top.hits().get(0).record();
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
        return guarded(call -> {
            BooleanQuery.Builder same = new BooleanQuery.Builder().add(like, Occur.SHOULD);
            for (Statute st : rec.statutes()) {
                if (Statute.BASIS.equals(st.role()) && st.article() != null) {
                    same.add(new BoostQuery(new TermQuery(new Term(Schema.CITES, st.path())), RELATED_CITATION_WEIGHT), Occur.SHOULD);
                }
            }
            if (rec.powerType() != null) {
                same.add(new BoostQuery(new TermQuery(FacetSupport.typeTerm(rec.powerType())), RELATED_TYPE_WEIGHT), Occur.SHOULD);
            }
            Query sameMatter = same.build();
            // The item's own score is the most any item can reach; far below it is not the same matter.
            SearchBackend.Top self = call.top(new BooleanQuery.Builder().add(sameMatter, Occur.MUST)
                    .add(new TermQuery(new Term(Schema.ID, rec.id())), Occur.FILTER).build(), Filters.NONE, 1, false);
            float floor = self.hits().isEmpty() ? 0 : self.hits().get(0).score() * RELATED_MIN_SHARE;
            Query q = new BooleanQuery.Builder()
                    .add(sameMatter, Occur.MUST)
                    .add(like, Occur.FILTER)
                    .add(new TermQuery(new Term(Schema.KIND, PowerRecord.POWER)), Occur.FILTER)
                    .add(new TermQuery(new Term(Schema.SOURCE_ID, rec.source().id())), Occur.MUST_NOT)
                    .build();
            SearchBackend.Top top = call.top(q, Filters.NONE, n, false);
            List<Related> out = new ArrayList<>();
            // Half the best other item's score too: below that the match is on generic words.
            if (!top.hits().isEmpty()) floor = Math.max(floor, top.hits().get(0).score() * RELATED_MIN_SHARE_OF_BEST);
            for (SearchBackend.Found f : top.hits()) {
                if (f.score() < floor) break;
                PowerRecord o = f.record();
                out.add(new Related(o.id(), o.name(), o.powerType(), o.units(),
                        new SearchResult.SourceLabel(o.source().id(), o.source().title()), f.score()));
            }
            return out;
        });
    }

    public List<Suggestions.Suggestion> suggest(String q, int n) throws IOException {
        return guarded(call -> call.suggest(q, n));
    }

    /** Items in the current generation; not a search, so it never waits for a turn. */
    public int items() {
        return backend.current().items();
    }

    /**
     * Counts of every facet value over the whole index (powers and duties), read once per index
     * generation; the answer is immutable, so requests share it safely.
     */
    public Map<String, List<SearchResult.FacetValue>> counts() throws IOException {
        return guarded(SearchBackend.Call::counts);
    }

    /** Items whose legal basis cites the law, or the law's article, in source order. */
    public List<PowerRecord> citing(String law, Integer article, int max) throws IOException {
        return withTerm(new Term(Schema.CITES, article == null ? law : law + "/" + article), max);
    }

    /** Up to {@code max} items (powers and duties) holding the keyword term, in source order. */
    public List<PowerRecord> withTerm(Term term, int max) throws IOException {
        return guarded(call -> records(call.top(new TermQuery(term), Filters.NONE, max, true)));
    }

    /** How many items hold the keyword term. */
    public long count(Term term) throws IOException {
        return guarded(call -> (long) call.generation().count(new TermQuery(term)));
    }

    /**
     * A value worked out once per generation from its statistics and statute library, shared by
     * every request on it (see {@link Generation#derived}); {@code compute} must not search
     * through this service, whose turn it already holds. Working the value out takes a turn;
     * looking up one already worked out does not (every search asks for the statute index, and a
     * second wait in the queue doubled each search's hand-offs between threads).
     */
    public <T> T derived(String key, java.util.function.Function<Generation, T> compute) throws IOException {
        T ready = backend.derivedIfPresent(key);
        if (ready != null) return ready;
        return guarded(call -> call.generation().derived(key, () -> compute.apply(call.generation())));
    }

    private static List<PowerRecord> records(SearchBackend.Top top) {
        List<PowerRecord> out = new ArrayList<>(top.hits().size());
        for (SearchBackend.Found f : top.hits()) out.add(f.record());
        return out;
    }

    /** A piece of work on one turn. */
    @FunctionalInterface
    private interface Work<T> {
        T run(SearchBackend.Call call) throws IOException;
    }

    /**
     * The one path every search-like call takes: wait for a turn (every core the index's slices
     * can keep busy when all are free, else one), hold the current generation, run with the time
     * limit, and turn Lucene's and the limit's exceptions into refusals the caller can answer.
     */
    private <T> T guarded(Work<T> work) throws IOException {
        try {
            return admission.runSpread(backend.cores(), cores -> {
                try (SearchBackend.Call call = backend.begin(timeLimitMillis, cores)) {
                    return work.run(call);
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
}
