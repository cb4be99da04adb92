package org.quanze.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quanze.cli.EvalCommand;
import org.quanze.Engine;
import org.quanze.index.IndexStore;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.search.QueryPlanner;
import org.quanze.search.SearchRequest;
import org.quanze.search.SearchResult;
import org.quanze.search.SearchService;
import org.quanze.search.Vocabulary;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same answers from both backends: the bundled lists ingested into the embedded index and into
 * a real OpenSearch node, then every judged question asked of both, alone and under five kinds of
 * facet selection. Totals, every facet's counts, each hit's highlights and missing words, and
 * whether the answer is partial must be equal; the top ten must hold the same items, each at the
 * same rank or, where two scores differ only in float rounding (the two engines add a query's
 * parts in their own order), one rank away.
 */
class OpenSearchParityTest {

    static SearchService embedded;
    static SearchService cluster;
    static OpenSearchBackend backend;

    @BeforeAll
    static void build() throws IOException {
        OpenSearchNode node = OpenSearchNode.get();
        SearchService shared = BundledData.sharedEngine().search();
        // Time enough for a machine shared with other work: the comparison is of answers, not of speed.
        embedded = new SearchService(shared.backend(), shared.planner(), java.time.Duration.ofMinutes(1));
        Path data = BundledData.copyTo(Files.createTempDirectory("quanze-parity"));
        IndexStore store = new IndexStore(data);
        // Read and checked as the embedded index was (its statute flags and lawStatus facet too).
        Engine.Checked read = Engine.read(store, store.sourcesDir());
        String alias = OpenSearchNode.freshAlias("parity");
        OpenSearchClient client = new OpenSearchClient(node.url());
        new OpenSearchIndexer(client, alias).build(read.records(), read.laws()::basisArticles, store.sourcesFingerprint(), 1, 0);
        backend = new OpenSearchBackend(client, alias, read.laws());
        cluster = new SearchService(backend, new QueryPlanner(Vocabulary.load(data)), java.time.Duration.ofMinutes(1));
    }

    @AfterAll
    static void close() throws IOException {
        if (backend != null) backend.close();
    }

    static List<Map<String, List<String>>> selections() {
        return List.of(Map.of(),
                Map.of("type", List.of("行政处罚")),
                Map.of("type", List.of("行政检查", "行政处罚"), "level", List.of("市级")),
                Map.of("statute", List.of("社会保险法", "社会保险法/86")),
                Map.of("kind", List.of("all")));
    }

    static List<String> questions() throws IOException {
        JsonNode root = Json.MAPPER.readTree(Path.of("src/test/resources/relevance/judged-queries.json").toFile());
        List<String> out = new ArrayList<>();
        for (JsonNode q : root.path("queries")) out.add(q.path("q").asText());
        // Questions naming an office: each backend lists the units from its own terms.
        out.addAll(List.of("基金监督科的行政处罚事项", "稽查科办理哪些行政处罚", "待遇保障科"));
        return out;
    }

    @Test
    void everyJudgedQuestionGetsTheSameAnswerFromBothBackends() throws IOException {
        List<String> qs = questions();
        assertEquals(27, qs.size(), "the 24 judged questions and three naming an office");
        int exactOrder = 0;
        int asked = 0;
        for (String q : qs) {
            for (Map<String, List<String>> sel : selections()) {
                SearchRequest req = new SearchRequest(q, sel, 1, 10, SearchRequest.RELEVANCE, false);
                SearchResult a = embedded.search(req);
                SearchResult b = cluster.search(req);
                String what = q + " " + sel;
                assertEquals(a.total(), b.total(), "total of " + what);
                assertEquals(a.facets(), b.facets(), "facets of " + what);
                assertEquals(a.partial(), b.partial(), "partial of " + what);
                List<String> ia = ids(a), ib = ids(b);
                assertEquals(new java.util.TreeSet<>(ia), new java.util.TreeSet<>(ib), "top 10 of " + what);
                for (int i = 0; i < ia.size(); i++) {
                    assertTrue(Math.abs(ib.indexOf(ia.get(i)) - i) <= 1, what + ": " + ia.get(i) + " at " + i + " vs " + ib.indexOf(ia.get(i)));
                }
                if (ia.equals(ib)) exactOrder++;
                Map<String, SearchResult.Hit> byId = new LinkedHashMap<>();
                for (SearchResult.Hit h : b.hits()) byId.put(h.id(), h);
                for (SearchResult.Hit h : a.hits()) {
                    SearchResult.Hit o = byId.get(h.id());
                    assertEquals(h.highlights(), o.highlights(), "highlights of " + h.id() + " for " + what);
                    assertEquals(h.missing(), o.missing(), "missing words of " + h.id() + " for " + what);
                    assertEquals(h.score(), o.score(), Math.abs(h.score()) * 1e-4f, "score of " + h.id() + " for " + what);
                }
                asked++;
            }
        }
        assertEquals(135, asked);
        System.out.println("parity: " + asked + " searches, " + exactOrder + " with the top ten in the same order");
    }

    @Test
    void browsingSortingAndDeepPagesAgree() throws IOException {
        for (String sort : List.of(SearchRequest.RELEVANCE, SearchRequest.BY_SOURCE)) {
            for (int page : List.of(1, 3, 8)) {
                SearchRequest req = new SearchRequest(null, Map.of(), page, 10, sort, false);
                SearchResult a = embedded.search(req), b = cluster.search(req);
                assertEquals(a.total(), b.total());
                assertEquals(ids(a), ids(b), sort + " page " + page);
                assertEquals(a.facets(), b.facets());
            }
        }
        SearchRequest deep = new SearchRequest("医疗 监督", Map.of("kind", List.of("all")), 1, 100, SearchRequest.RELEVANCE, false);
        assertEquals(ids(embedded.search(deep)).size(), ids(cluster.search(deep)).size());
    }

    @Test
    void countsItemsCitationsSuggestionsAndRelatedItemsAgree() throws IOException {
        assertEquals(embedded.counts(), cluster.counts());
        assertEquals(86, cluster.items());
        for (String id : List.of("000_9151f9b4e62eb64c-6", "002_878c5c45273f98d5-t2-5", "003_9f5412502f3ddd4a-duty-1")) {
            assertEquals(embedded.item(id), cluster.item(id));
        }
        assertEquals(null, cluster.item("no-such-item"));
        assertEquals(embedded.citing("社会保险法", 87, 100), cluster.citing("社会保险法", 87, 100));
        assertEquals(embedded.citing("社会保险法", null, 100), cluster.citing("社会保险法", null, 100));
        for (String q : List.of("救助", "医", "社会保险", "医疗救助对象 ")) assertEquals(embedded.suggest(q, 10), cluster.suggest(q, 10), q);
        for (String id : List.of("000_9151f9b4e62eb64c-1", "000_9151f9b4e62eb64c-6", "004_e6509d409e33aba2-1")) {
            PowerRecord r = embedded.item(id);
            List<String> ea = embedded.related(r, 5).stream().map(SearchService.Related::id).toList();
            List<String> eb = cluster.related(r, 5).stream().map(SearchService.Related::id).toList();
            assertEquals(ea, eb, "related items of " + id);
        }
    }

    @Test
    void theJudgedQuestionsScoreTheSameRelevance() throws IOException {
        Path judged = Path.of("src/test/resources/relevance/judged-queries.json");
        EvalCommand.Report a = EvalCommand.evaluate(embedded, judged);
        EvalCommand.Report b = EvalCommand.evaluate(cluster, judged);
        assertEquals(a.ndcg(), b.ndcg(), 0.005, "nDCG@10");
        assertEquals(a.success3(), b.success3(), 1e-9);
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }
}
