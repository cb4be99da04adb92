package org.quanze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.testing.BundledData.S000;
import static org.quanze.testing.BundledData.S002;
import static org.quanze.testing.BundledData.S004;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.index.IndexStore;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.search.SearchRequest;
import org.quanze.search.SearchResult;
import org.quanze.testing.BundledData;

/** From the bundled lists, copied into a data folder, through ingest and the index to search results. */
class EndToEndSearchTest {

    @TempDir
    static Path data;
    private static Engine.Built built;
    private static Engine engine;

    @BeforeAll
    static void ingestAndOpenTheBundledLists() throws Exception {
        BundledData.copyTo(data);
        built = Engine.ingest(new IndexStore(data));
        engine = Engine.open(data, false, new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    private static SearchResult search(String q, Map<String, List<String>> filters) throws Exception {
        return engine.search().search(new SearchRequest(q, filters, 1, 100, SearchRequest.RELEVANCE, false));
    }

    private static Set<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).collect(Collectors.toSet());
    }

    /** The ids of the ingested powers that satisfy a condition, from the ingest rather than the index. */
    private static Set<String> ingestedPowers(java.util.function.Predicate<PowerRecord> p) {
        return BundledData.ingest().records().stream().filter(r -> r.kind().equals(PowerRecord.POWER)).filter(p)
                .map(PowerRecord::id).collect(Collectors.toSet());
    }

    @Test
    void indexesEveryIngestedPowerAndDuty() {
        assertEquals(86, engine.search().items());
        assertEquals(73, built.report().powers());
        assertEquals(data.resolve("index").resolve("gen-1"), built.generation());
    }

    @Test
    void ranksAMedicalAssistanceItemFirstForTheQueryMedicalAssistance() throws Exception {
        SearchResult r = search("医疗救助", Map.of());
        assertFalse(r.hits().isEmpty());
        String first = r.hits().get(0).name();
        assertTrue(first.startsWith("医疗救助"), first);
    }

    @Test
    void filtersByStatuteArticleToExactlyTheItemsWhoseBasisCitesIt() throws Exception {
        SearchResult r = search("", Map.of("statute", List.of("社会保险法/87")));
        Set<String> expected = Set.of(S000 + "-6", S000 + "-8", S002 + "-1",
                S004 + "-1", S004 + "-2", S004 + "-5", S004 + "-6");
        assertEquals(expected, ids(r));
        assertEquals(7, r.total());
        assertEquals(expected, ingestedPowers(rec -> rec.statutes().contains(new Statute("社会保险法", 87, Statute.BASIS))));
    }

    @Test
    void doesNotCountAnAccountabilityCitationAsBasisInTheStatuteFilter() throws Exception {
        // 000 item 1 cites 社会保险法 第九十二条 in its 问责依据 only.
        PowerRecord item1 = BundledData.find(BundledData.ingest().records(), S000 + "-1");
        assertTrue(item1.statutes().contains(new Statute("社会保险法", 92, Statute.ACCOUNTABILITY)));
        Set<String> hits = ids(search("", Map.of("statute", List.of("社会保险法/92"))));
        assertFalse(hits.contains(S000 + "-1"), hits.toString());
        assertEquals(ingestedPowers(rec -> rec.statutes().contains(new Statute("社会保险法", 92, Statute.BASIS))), hits);
    }

    @Test
    void filtersByTypeAndLevelToTheIngestedCounts() throws Exception {
        assertEquals(25, search("", Map.of("type", List.of("行政处罚"))).total());
        assertEquals(31, search("", Map.of("type", List.of("行政检查"))).total());
        assertEquals(ingestedPowers(rec -> rec.levels().contains("乡级")), ids(search("", Map.of("level", List.of("乡级")))));
        assertEquals(7, search("", Map.of("level", List.of("乡级"))).total());
    }

    @Test
    void findsTheItemOf002Table2ByItsOwnNameAndUnit() throws Exception {
        SearchResult r = search("医疗稽核核", Map.of("unit", List.of("待遇保障科")));
        assertEquals(S002 + "-t2-1", r.hits().get(0).id());
        assertEquals(List.of("综合业务科", "待遇保障科"), r.hits().get(0).units());
    }

    @Test
    void returnsTheFullRecordOfAHitById() throws Exception {
        PowerRecord r = engine.search().item(S004 + "-8");
        assertEquals(List.of("医疗保障服务中心"), r.units());
        assertEquals("自治区、盟、地、州、县级机构", r.levelRaw());
    }
}
