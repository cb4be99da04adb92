package org.quanze.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.quanze.index.IndexHandle;
import org.quanze.index.IndexManager;
import org.quanze.index.Schema;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Search with facets and highlights over the current index generation. */
public final class SearchService {

    /** Citing the same article as legal basis is strong evidence of the same matter. */
    static final float RELATED_CITATION_WEIGHT = 2f;
    static final float RELATED_TYPE_WEIGHT = 1f;
    static final float RELATED_MIN_SHARE = 0.3f;
    static final float RELATED_MIN_SHARE_OF_BEST = 0.5f;

    /** No search runs longer than this; what it has found by then is not a fair answer, so it is refused. */
    public static final java.time.Duration TIME_LIMIT = java.time.Duration.ofSeconds(2);

    private final IndexManager index;
    private final QueryFactory queries;
    private final long timeLimitMillis;
    /** Searches and downloads run a few at a time; the time limit starts when one's turn comes. */
    private final Admission admission;

    public SearchService(IndexManager index, QueryFactory queries) {
        this(index, queries, TIME_LIMIT);
    }

    public SearchService(IndexManager index, QueryFactory queries, java.time.Duration timeLimit) {
        this(index, queries, timeLimit, new Admission(Admission.DEFAULT_PERMITS, Admission.DEFAULT_MAX_WAIT));
    }

    /**
     * @param concurrentSearches searches (and downloads) that run at once; the others wait their turn
     * @param maxWait how long one waits for its turn before it is refused as busy
     */
    public SearchService(IndexManager index, QueryFactory queries, java.time.Duration timeLimit, int concurrentSearches,
                         java.time.Duration maxWait) {
        this(index, queries, timeLimit, new Admission(concurrentSearches, maxWait));
    }

    SearchService(IndexManager index, QueryFactory queries, java.time.Duration timeLimit, Admission admission) {
        this.index = index;
        this.queries = queries;
        this.timeLimitMillis = timeLimit.toMillis();
        this.admission = admission;
    }

    public IndexManager index() {
        return index;
    }

    public QueryFactory queries() {
        return queries;
    }

    /**
     * The request must be valid (see {@code web.Params}); the default kind is power, and
     * {@code kind=all} searches powers and duties together.
     *
     * @throws SearchRefused when the query expands to too many clauses or runs past the time limit
     */
    public SearchResult search(SearchRequest req) throws IOException {
        try {
            return admission.run(cores(), () -> run(req));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SearchRefused(SearchRefused.Reason.TOO_COMPLEX, "the query expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " search terms; use fewer or shorter words");
        } catch (Deadline.Exceeded e) {
            throw timedOut();
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

    private SearchRefused timedOut() {
        return new SearchRefused(SearchRefused.Reason.TIMED_OUT, "the search took longer than "
                + timeLimitMillis + " ms and was stopped; try again, or narrow it with more words or facets");
    }

    private SearchResult run(SearchRequest req) throws IOException {
        long t0 = System.nanoTime();
        IndexHandle h = index.acquire();
        SideWork.Part<DrillSideways.DrillSidewaysResult> counts = null;
        try {
            IndexSearcher searcher = h.searcher();
            Query base = queries.build(UserQuery.parse(req.q()), knownLaws(h));
            QueryTimeoutImpl deadline = new QueryTimeoutImpl(timeLimitMillis);
            Query timed = new Deadline(base, deadline);
            Map<String, List<String>> filters = filters(req);
            DrillDownQuery dd = FacetSupport.drillDown(timed, filters);
            // Facet counts and the exact total need every match, but not its score: DrillSideways
            // scores each doc it visits, so it counts over the query's match set (MatchSet: no
            // scores, far fewer clauses). The page is ranked separately, where scoring can skip
            // what cannot reach the top (#6: judged questions match most items, and scoring them
            // all for the counts dominated search time from 10k items up).
            // The counts run beside the ranking, on an idle core when there is one (SideWork).
            DrillSideways ds = new DrillSideways(searcher, Schema.facetsConfig(), h.facetState());
            DrillDownQuery counting = FacetSupport.drillDown(new Deadline(MatchSet.of(base), deadline), filters);
            counts = SideWork.start(() -> ds.search(counting, 1));
            int topN = req.page() * req.size();
            TopDocs top = SearchRequest.BY_SOURCE.equals(req.sort())
                    ? searcher.search(dd, topN, new Sort(new SortField(Schema.ORDER, SortField.Type.LONG)), true)
                    : searcher.search(dd, new TopScoreDocCollectorManager(topN, topN));
            TopDocs page = slice(top, (req.page() - 1) * req.size(), req.size());
            List<List<SearchResult.Highlight>> hl = req.q() == null || req.q().isBlank()
                    ? null : highlight(searcher, base, page);
            DrillSideways.DrillSidewaysResult r = counts.join();
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (int i = 0; i < page.scoreDocs.length; i++) {
                ScoreDoc sd = page.scoreDocs[i];
                PowerRecord rec = record(searcher, sd.doc);
                SearchResult.Explanation ex = req.explain() ? Explainer.summarise(searcher.explain(dd, sd.doc)) : null;
                hits.add(SearchResult.Hit.of(rec, Float.isNaN(sd.score) ? 0f : sd.score, hl == null ? List.of() : hl.get(i), ex));
            }
            Map<String, List<SearchResult.FacetValue>> facets = FacetSupport.read(r.facets, filters, h.sourceTitles());
            return new SearchResult(r.hits.totalHits.value(), req.page(), req.size(),
                    (System.nanoTime() - t0) / 1_000_000, hits, facets);
        } finally {
            if (counts != null) counts.settle();
            index.release(h);
        }
    }

    /** The page's highlights, the second half of the page beside the first when a core is idle. */
    private static List<List<SearchResult.Highlight>> highlight(IndexSearcher searcher, Query q, TopDocs page) throws IOException {
        int n = page.scoreDocs.length;
        if (n < 2) return Highlighting.highlight(searcher, q, page);
        TopDocs second = new TopDocs(page.totalHits, Arrays.copyOfRange(page.scoreDocs, n / 2, n));
        SideWork.Part<List<List<SearchResult.Highlight>>> later = SideWork.start(() -> Highlighting.highlight(searcher, q, second));
        List<List<SearchResult.Highlight>> out;
        try {
            out = new ArrayList<>(Highlighting.highlight(searcher, q, new TopDocs(page.totalHits, Arrays.copyOfRange(page.scoreDocs, 0, n / 2))));
        } finally {
            later.settle();
        }
        out.addAll(later.join());
        return out;
    }

    /** The records matching a search, in the order of its hits, and how many match in all. */
    public record Matches(long total, List<PowerRecord> records) {}

    /**
     * Every record the search matches (the same query and filters as {@link #search}, page and
     * size ignored), ranked or in source order as the request sorts, up to {@code max}: for
     * downloads of a whole result set.
     */
    public Matches matching(SearchRequest req, int max) throws IOException {
        return admission.run(cores(), () -> collect(req, max));
    }

    private Matches collect(SearchRequest req, int max) throws IOException {
        IndexHandle h = index.acquire();
        try {
            IndexSearcher searcher = h.searcher();
            Query base = queries.build(UserQuery.parse(req.q()), knownLaws(h));
            // The same time limit as a search: an export must not run away either.
            DrillDownQuery dd = FacetSupport.drillDown(new Deadline(base, new QueryTimeoutImpl(timeLimitMillis)), filters(req));
            TopDocs td = SearchRequest.BY_SOURCE.equals(req.sort())
                    ? searcher.search(dd, max, new Sort(new SortField(Schema.ORDER, SortField.Type.LONG)))
                    : searcher.search(dd, max);
            List<PowerRecord> out = new ArrayList<>(td.scoreDocs.length);
            for (ScoreDoc sd : td.scoreDocs) out.add(record(searcher, sd.doc));
            // Hit counts past Lucene's counting threshold are lower bounds; a download states the exact one.
            long total = td.totalHits.relation() == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO
                    ? td.totalHits.value() : searcher.count(dd);
            return new Matches(total, out);
        } catch (Deadline.Exceeded e) {
            throw timedOut();
        } finally {
            index.release(h);
        }
    }

    /** The request's filters; without a kind filter powers only, and kind=all both kinds. */
    private static Map<String, List<String>> filters(SearchRequest req) {
        Map<String, List<String>> filters = req.filters();
        List<String> kinds = filters.get("kind");
        if (kinds == null || kinds.contains(SearchRequest.ALL_KINDS)) {
            filters = new java.util.LinkedHashMap<>(filters);
            if (kinds == null) filters.put("kind", List.of(PowerRecord.POWER));
            else filters.remove("kind");
        }
        return filters;
    }

    /** The full record, or null when no item has this id. */
    public PowerRecord item(String id) throws IOException {
        IndexHandle h = index.acquire();
        try {
            TopDocs td = h.searcher().search(new TermQuery(new Term(Schema.ID, id)), 1);
            return td.scoreDocs.length == 0 ? null : record(h.searcher(), td.scoreDocs[0].doc);
        } finally {
            index.release(h);
        }
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
        IndexHandle h = index.acquire();
        try {
            Query like = queries.nameLike(rec.name());
            if (like == null) return List.of();
            BooleanQuery.Builder same = new BooleanQuery.Builder().add(like, Occur.SHOULD);
            for (org.quanze.model.Statute st : rec.statutes()) {
                if (org.quanze.model.Statute.BASIS.equals(st.role()) && st.article() != null) {
                    same.add(new org.apache.lucene.search.BoostQuery(
                            new TermQuery(new Term(Schema.CITES, st.path())), RELATED_CITATION_WEIGHT), Occur.SHOULD);
                }
            }
            if (rec.powerType() != null) {
                String field = Schema.facetsConfig().getDimConfig(Schema.F_TYPE).indexFieldName;
                same.add(new org.apache.lucene.search.BoostQuery(new TermQuery(
                        DrillDownQuery.term(field, Schema.F_TYPE, rec.powerType())), RELATED_TYPE_WEIGHT), Occur.SHOULD);
            }
            Query sameMatter = same.build();
            // The item's own score is the most any item can reach; far below it is not the same matter.
            TopDocs self = h.searcher().search(new BooleanQuery.Builder().add(sameMatter, Occur.MUST)
                    .add(new TermQuery(new Term(Schema.ID, rec.id())), Occur.FILTER).build(), 1);
            float floor = self.scoreDocs.length == 0 ? 0 : self.scoreDocs[0].score * RELATED_MIN_SHARE;
            BooleanQuery q = new BooleanQuery.Builder()
                    .add(sameMatter, Occur.MUST)
                    .add(like, Occur.FILTER)
                    .add(new TermQuery(new Term(Schema.KIND, PowerRecord.POWER)), Occur.FILTER)
                    .add(new TermQuery(new Term(Schema.SOURCE_ID, rec.source().id())), Occur.MUST_NOT)
                    .build();
            TopDocs td = h.searcher().search(q, n);
            List<Related> out = new ArrayList<>();
            // Half the best other item's score too: below that the match is on generic words.
            if (td.scoreDocs.length > 0) floor = Math.max(floor, td.scoreDocs[0].score * RELATED_MIN_SHARE_OF_BEST);
            for (ScoreDoc sd : td.scoreDocs) {
                if (sd.score < floor) break;
                PowerRecord o = record(h.searcher(), sd.doc);
                out.add(new Related(o.id(), o.name(), o.powerType(), o.units(),
                        new SearchResult.SourceLabel(o.source().id(), o.source().title()), sd.score));
            }
            return out;
        } finally {
            index.release(h);
        }
    }

    public List<org.quanze.index.Suggestions.Suggestion> suggest(String q, int n) throws IOException {
        IndexHandle h = index.acquire();
        try {
            return h.suggest(q, n);
        } finally {
            index.release(h);
        }
    }

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
        IndexHandle h = index.acquire();
        try {
            return h.derived("counts", handle -> {
                try {
                    return java.util.Collections.unmodifiableMap(
                            FacetSupport.read(FacetSupport.allCounts(handle), Map.of(), handle.sourceTitles()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            index.release(h);
        }
    }

    /** Items whose legal basis cites the law, or the law's article. */
    public List<PowerRecord> citing(String law, Integer article, int max) throws IOException {
        IndexHandle h = index.acquire();
        try {
            String key = article == null ? law : law + "/" + article;
            TopDocs td = h.searcher().search(new TermQuery(new Term(Schema.CITES, key)), max,
                    new Sort(new SortField(Schema.ORDER, SortField.Type.LONG)));
            List<PowerRecord> out = new ArrayList<>();
            for (ScoreDoc sd : td.scoreDocs) out.add(record(h.searcher(), sd.doc));
            return out;
        } finally {
            index.release(h);
        }
    }

    /**
     * Laws cited as legal basis: the citation terms that are not a law/article path. Read from the
     * terms dictionary (a few hundred terms) rather than by counting facets over every item, which
     * took the first search at 1M items a tenth of a second.
     */
    static Set<String> knownLaws(IndexHandle h) {
        return h.derived("knownLaws", handle -> {
            try {
                Set<String> all = new HashSet<>();
                Terms terms = MultiTerms.getTerms(handle.reader(), Schema.CITES);
                if (terms != null) {
                    TermsEnum te = terms.iterator();
                    for (BytesRef t = te.next(); t != null; t = te.next()) all.add(t.utf8ToString());
                }
                Set<String> laws = new HashSet<>();
                for (String t : all) {
                    int slash = t.lastIndexOf('/');
                    boolean article = slash > 0 && t.substring(slash + 1).matches("\\d+") && all.contains(t.substring(0, slash));
                    if (!article) laws.add(t);
                }
                return Set.copyOf(laws);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static PowerRecord record(IndexSearcher s, int doc) throws IOException {
        Document d = s.storedFields().document(doc, Set.of(Schema.RECORD));
        return Json.readRecord(d.get(Schema.RECORD));
    }

    private static TopDocs slice(TopDocs all, int from, int size) {
        ScoreDoc[] sd = all.scoreDocs;
        if (from >= sd.length) return new TopDocs(all.totalHits, new ScoreDoc[0]);
        return new TopDocs(all.totalHits, Arrays.copyOfRange(sd, from, Math.min(sd.length, from + size)));
    }
}
