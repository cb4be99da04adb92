package org.quanze.search;

import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.TotalHits;
import org.quanze.index.IndexHandle;
import org.quanze.index.IndexManager;
import org.quanze.index.Schema;
import org.quanze.index.Suggestions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The embedded index: searches run in this process over the generation {@link IndexManager}
 * serves, each on a searcher of its own with the call's time limit ({@link Turn}).
 */
public final class LuceneBackend implements SearchBackend {

    private static final Sort BY_SOURCE = new Sort(new SortField(Schema.ORDER, SortField.Type.LONG));

    private final IndexManager index;

    public LuceneBackend(IndexManager index) {
        this.index = index;
    }

    public IndexManager index() {
        return index;
    }

    @Override
    public Call begin(long timeLimitMillis, int cores) {
        IndexHandle h = index.acquire();
        return new LuceneCall(h, new Turn(h, timeLimitMillis, cores > 1));
    }

    @Override
    public Info current() {
        IndexHandle h = index.acquire();
        try {
            return new Info(h.path().getFileName().toString(), h.items());
        } finally {
            index.release(h);
        }
    }

    @Override
    public <T> T derivedIfPresent(String key) {
        IndexHandle h = index.acquire();
        try {
            return h.derivedIfPresent(key);
        } finally {
            index.release(h);
        }
    }

    /** Its slices, searched in parallel. */
    @Override
    public int cores() {
        IndexHandle h = index.acquire();
        try {
            return h.searcher().getSlices().length;
        } finally {
            index.release(h);
        }
    }

    @Override
    public void close() throws IOException {
        index.close();
    }

    private final class LuceneCall implements Call {
        private final IndexHandle handle;
        private final Turn turn;
        private final Generation generation;
        private final Hits.Recent recent;

        LuceneCall(IndexHandle handle, Turn turn) {
            this.handle = handle;
            this.turn = turn;
            this.generation = new LuceneGeneration(handle);
            this.recent = handle.derived("recentRecords", h -> new Hits.Recent());
        }

        @Override
        public Generation generation() {
            return generation;
        }

        @Override
        public Ranked rank(Query scored, Filters filters, Rescore rescore, int from, int size, boolean bySource) throws IOException {
            int topN = from + size;
            boolean rescoring = rescore != null && !bySource;
            int window = rescoring ? Math.max(topN, rescore.window()) : topN;
            FirstPass.Result first = FirstPass.run(turn, scored, rescore == null ? null : rescore.weights(), filters, window, bySource ? BY_SOURCE : null);
            TopDocs ranked = rescoring ? rescore(first.top(), rescore, handle.searcher(), turn.searcher()) : first.top();
            ScoreDoc[] all = ranked.scoreDocs;
            List<Found> page = new ArrayList<>();
            for (int i = from; i < Math.min(all.length, topN); i++) page.add(found(all[i]));
            return new Ranked(first.total(), first.facets(), page);
        }

        @Override
        public long countUpTo(Query query, Filters filters, int limit) throws IOException {
            return FirstPass.countUpTo(turn, query, filters, limit);
        }

        @Override
        public Top top(Query query, Filters filters, int n, boolean bySource) throws IOException {
            IndexSearcher s = turn.searcher();
            Query q = filters.apply(query);
            TopDocs td = bySource ? s.search(q, n, BY_SOURCE) : s.search(q, n);
            turn.checkTime();
            List<Found> out = new ArrayList<>(td.scoreDocs.length);
            for (ScoreDoc sd : td.scoreDocs) out.add(found(sd));
            // Hit counts past Lucene's counting threshold are lower bounds; the total is exact.
            long total = td.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? td.totalHits.value() : s.count(q);
            turn.checkTime();
            return new Top(total, out);
        }

        @Override
        public PageDocs page(List<Found> hits) {
            int[] docs = new int[hits.size()];
            for (int i = 0; i < docs.length; i++) docs[i] = hits.get(i).doc();
            return new PageDocs(turn.searcher(), docs, true);
        }

        @Override
        public Explanation explain(Query scored, Filters filters, Rescore rescore, Found hit) throws IOException {
            IndexSearcher s = turn.searcher();
            Explanation first = s.explain(filters.apply(scored), hit.doc());
            return rescore == null ? first : rescorer(rescore).explain(s, first, hit.doc());
        }

        @Override
        public Map<String, List<SearchResult.FacetValue>> counts() throws IOException {
            try {
                return generation.derived("counts", () -> {
                    try {
                        return Collections.unmodifiableMap(
                                FacetSupport.read(FacetSupport.allCounts(handle), Map.of(), handle.sourceTitles()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public List<Suggestions.Suggestion> suggest(String q, int n) throws IOException {
            return handle.suggest(q, n);
        }

        @Override
        public void checkTime() throws SearchRefused {
            turn.checkTime();
        }

        @Override
        public void close() {
            index.release(handle);
        }

        private Found found(ScoreDoc sd) throws IOException {
            return new Found(recent.record(turn.searcher(), sd.doc), sd.score, sd.doc);
        }
    }

    /** The full ranking; the first stage's score only breaks its ties. */
    private static QueryRescorer rescorer(Rescore rescore) {
        return new QueryRescorer(rescore.query()) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return rescore.combine(firstPassScore, secondPassMatches, secondPassScore);
            }
        };
    }

    /**
     * The first {@code window} candidates in the full ranking's order (ties in index order), the
     * rest after them as they were. The full query's weight is made once per plan and generation
     * and advanced to the candidates only (FewDocs): made afresh for each search, looking up its
     * few hundred terms cost more than scoring a hundred candidates.
     *
     * @param generation the generation's searcher, whose weights the plan keeps
     * @param turn       the call's searcher, whose slices share the candidates where it has several
     */
    private static TopDocs rescore(TopDocs first, Rescore rescore, IndexSearcher generation, IndexSearcher turn) throws IOException {
        Weight full = rescore.weights().ranking(generation, rescore.query());
        ScoreDoc[] all = first.scoreDocs;
        int n = Math.min(all.length, rescore.window());
        int[] docs = new int[n];
        for (int i = 0; i < n; i++) docs[i] = all[i].doc;
        float[] second = FewDocs.scores(full, turn, docs);
        ScoreDoc[] head = new ScoreDoc[n];
        for (int i = 0; i < n; i++) head[i] = new ScoreDoc(all[i].doc, rescore.combine(all[i].score, !Float.isNaN(second[i]), second[i]));
        Arrays.sort(head, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        ScoreDoc[] out = Arrays.copyOf(head, all.length);
        System.arraycopy(all, n, out, n, all.length - n);
        return new TopDocs(first.totalHits, out);
    }
}
