package org.quanze.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.quanze.bench.CorpusGenerator;
import org.quanze.index.IndexHandle;
import org.quanze.index.IndexStore;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.testing.BundledData;
import org.quanze.testing.GeneratedData;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Totals and facet counts are exact: for every judged question, alone and under facet
 * selections, the service's answer equals a brute-force count that visits every item one at a
 * time, asks the question's match set about it (Lucene's explain, not the collectors the service
 * counts with) and reads its facet values from the stored record (not the doc values the counts
 * come from). On the bundled lists and on a generated corpus of 10,000 items.
 */
class ExactCountsTest {

    /** The selections each question is also asked under: none, one facet, two facets, a law with its article. */
    static List<Map<String, List<String>>> selections() {
        return List.of(Map.of(),
                Map.of("type", List.of("行政处罚")),
                Map.of("type", List.of("行政检查", "行政处罚"), "level", List.of("市级")),
                Map.of("statute", List.of("社会保险法", "社会保险法/86")),
                Map.of("kind", List.of("all")));
    }

    @Test
    void bundledListsCountExactly() throws IOException {
        assertEverySearchCountsExactly(BundledData.sharedEngine().search(), 86);
    }

    @Test
    void aGeneratedCorpusOfTenThousandItemsCountsExactly() throws IOException {
        SearchService generated = GeneratedData.sharedEngine().search();
        assertEverySearchCountsExactly(generated, generated.items());
    }

    private static void assertEverySearchCountsExactly(SearchService service, int items) throws IOException {
        List<String> questions = judgedQuestions();
        assertEquals(24, questions.size());
        int compared = 0;
        long matchedSomewhere = 0;
        IndexHandle h = service.index().acquire();
        try {
            assertEquals(items, h.items());
            List<PowerRecord> records = records(h);
            for (String q : questions) {
                for (Map<String, List<String>> sel : selections()) {
                    SearchResult r = service.search(new SearchRequest(q, sel, 1, 10, SearchRequest.RELEVANCE, false));
                    Expected e = expected(service, h, records, q, Filters.of(new SearchRequest(q, sel, 1, 10, null, false)));
                    String what = q + " " + sel;
                    assertEquals(e.total, r.total(), what);
                    for (String facet : List.of("powerType", "unit", "level", "source", "kind")) {
                        assertSameCounts(e.counts.get(facet), counts(r.facets().get(facet)), what + " facet " + facet);
                    }
                    Map<String, Long> laws = new TreeMap<>();
                    e.counts.get("statute").forEach((k, v) -> {
                        if (!k.contains("/")) laws.put(k, v);
                    });
                    assertSameCounts(laws, counts(r.facets().get("statute")), what + " facet statute");
                    for (SearchResult.FacetValue law : r.facets().get("statute")) {
                        Map<String, Long> articles = new TreeMap<>();
                        e.counts.get("statute").forEach((k, v) -> {
                            if (k.startsWith(law.value() + "/")) articles.put(k, v);
                        });
                        assertSameCounts(articles, law.articles() == null ? Map.of() : counts(law.articles()), what + " " + law.value());
                    }
                    compared++;
                    matchedSomewhere += r.total();
                }
            }
        } finally {
            service.index().release(h);
        }
        assertEquals(24 * selections().size(), compared);
        assertTrue(matchedSomewhere > 0);
    }

    /**
     * The counts by hand. The service fills out a list of fewer than {@link SearchRun#WIDEN_BELOW}
     * matches under its filters with the items holding one concept fewer (once), and widens a
     * question to fewer concepts where nothing matches (beside a named article, down to none
     * until a page matches); so does the count.
     */
    private static Expected expected(SearchService service, IndexHandle h, List<PowerRecord> records, String q, Filters f)
            throws IOException {
        IndexSearcher s = new IndexSearcher(h.reader());
        QueryPlan plan = service.planner().plan(q, new LuceneGeneration(h), QueryPlanner.USUAL);
        Expected e = Expected.count(records, evaluate(s, plan.match()), f);
        if (plan.searches() && plan.required() > plan.fewest() && e.total > 0 && e.total < SearchRun.WIDEN_BELOW) {
            plan = service.planner().plan(q, new LuceneGeneration(h), plan.required() - 1);
            e = Expected.count(records, evaluate(s, plan.match()), f);
        } else if (plan.searches() && plan.required() > plan.fewest() && e.total == 0) {
            // Beside a named article the widening goes on until a page matches, else until one does.
            int enough = plan.fewest() == 0 ? SearchRun.WIDEN_BELOW : 1;
            do {
                plan = service.planner().plan(q, new LuceneGeneration(h), plan.required() - 1);
                e = Expected.count(records, evaluate(s, plan.match()), f);
            } while (plan.searches() && plan.required() > plan.fewest() && e.total < enough);
        }
        return e;
    }

    /** Per item (in doc id order), whether the query matches it, asked one item at a time. */
    private static boolean[] evaluate(IndexSearcher s, org.apache.lucene.search.Query query) throws IOException {
        boolean[] in = new boolean[s.getIndexReader().maxDoc()];
        Weight w = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                if (live != null && !live.get(d)) continue;
                in[leaf.docBase + d] = w.explain(leaf, d).isMatch();
            }
        }
        return in;
    }

    /** Every record of the index, in document order. */
    static List<PowerRecord> records(IndexHandle h) throws IOException {
        IndexSearcher s = h.searcher();
        List<PowerRecord> out = new ArrayList<>();
        for (int d = 0; d < h.reader().maxDoc(); d++) out.add(Hits.record(s, d));
        return out;
    }

    /** What a count by hand gives. */
    private record Expected(long total, Map<String, Map<String, Long>> counts) {

        static Expected count(List<PowerRecord> records, boolean[] match, Filters f) {
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            for (String facet : List.of("powerType", "unit", "level", "source", "kind", "statute")) counts.put(facet, new TreeMap<>());
            long total = 0;
            for (int d = 0; d < records.size(); d++) {
                if (!match[d]) continue;
                PowerRecord r = records.get(d);
                boolean kindOk = !f.powersByDefault() || PowerRecord.POWER.equals(r.kind());
                Map<String, Boolean> passes = new LinkedHashMap<>();
                for (String param : f.selected().keySet()) passes.put(param, passes(r, param, f.selected().get(param)));
                boolean all = kindOk && !passes.containsValue(false);
                if (all) total++;
                // A facet's counts lift its own selection (drill sideways); the default kind is a plain filter.
                add(counts, "powerType", r.powerType() == null ? List.of() : List.of(r.powerType()), sideways(passes, "type") && kindOk);
                add(counts, "unit", r.units(), sideways(passes, "unit") && kindOk);
                add(counts, "level", r.levels(), sideways(passes, "level") && kindOk);
                add(counts, "source", List.of(r.source().id()), sideways(passes, "source") && kindOk);
                add(counts, "statute", statutePaths(r), sideways(passes, "statute") && kindOk);
                // Under the default filter the kind facet counts both kinds of the otherwise filtered match set.
                add(counts, "kind", List.of(r.kind()), f.powersByDefault() ? !passes.containsValue(false) : sideways(passes, "kind"));
            }
            return new Expected(total, counts);
        }

        private static boolean sideways(Map<String, Boolean> passes, String own) {
            for (Map.Entry<String, Boolean> e : passes.entrySet()) if (!e.getKey().equals(own) && !e.getValue()) return false;
            return true;
        }

        private static boolean passes(PowerRecord r, String param, List<String> values) {
            return switch (param) {
                case "type" -> r.powerType() != null && values.contains(r.powerType());
                case "unit" -> r.units().stream().anyMatch(values::contains);
                case "level" -> r.levels().stream().anyMatch(values::contains);
                case "source" -> values.contains(r.source().id());
                case "kind" -> values.contains(r.kind());
                // A selected article narrows its selected law; laws and other articles are OR-ed.
                case "statute" -> {
                    List<String> effective = values.stream().filter(v -> v.contains("/")
                            || values.stream().noneMatch(o -> o.startsWith(v + "/"))).toList();
                    yield statutePaths(r).stream().anyMatch(effective::contains);
                }
                default -> throw new IllegalArgumentException(param);
            };
        }

        private static List<String> statutePaths(PowerRecord r) {
            List<String> out = new ArrayList<>();
            for (Statute s : r.statutes()) {
                if (!Statute.BASIS.equals(s.role())) continue;
                if (!out.contains(s.law())) out.add(s.law());
                if (s.article() != null && !out.contains(s.path())) out.add(s.path());
            }
            return out;
        }

        private static void add(Map<String, Map<String, Long>> counts, String facet, List<String> values, boolean counted) {
            if (!counted) return;
            for (String v : values) counts.get(facet).merge(v, 1L, Long::sum);
        }
    }

    /**
     * Equal counts; a facet shows its {@link FacetSupport#MAX_VALUES} largest values (a law its
     * {@link FacetSupport#MAX_ARTICLES} articles), so past that the values shown must be the
     * largest ones, each with its exact count.
     */
    private static void assertSameCounts(Map<String, Long> expected, Map<String, Long> shown, String what) {
        if (expected.size() <= FacetSupport.MAX_VALUES) {
            assertEquals(expected, shown, what);
            return;
        }
        assertEquals(FacetSupport.MAX_VALUES, shown.size(), what);
        long smallestShown = Long.MAX_VALUE;
        for (Map.Entry<String, Long> e : shown.entrySet()) {
            assertEquals(expected.get(e.getKey()), e.getValue(), what + " " + e.getKey());
            smallestShown = Math.min(smallestShown, e.getValue());
        }
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            if (!shown.containsKey(e.getKey())) assertTrue(e.getValue() <= smallestShown, what + " left out " + e);
        }
    }

    private static Map<String, Long> counts(List<SearchResult.FacetValue> values) {
        Map<String, Long> m = new TreeMap<>();
        for (SearchResult.FacetValue v : values) if (v.count() > 0) m.put(v.value(), v.count());
        return m;
    }

    static List<String> judgedQuestions() throws IOException {
        return questions("judged");
    }

    /** The questions of a judged set in src/test/resources/relevance ({@code judged}, {@code tuning} …), in order. */
    static List<String> questions(String set) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/relevance/" + set + "-queries.json"))) {
            List<String> out = new ArrayList<>();
            for (JsonNode q : Json.MAPPER.readTree(in).get("queries")) out.add(q.get("q").asText());
            return out;
        }
    }
}
