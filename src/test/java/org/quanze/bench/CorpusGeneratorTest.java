package org.quanze.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.Engine;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusGeneratorTest {

    static List<PowerRecord> bundled;

    @BeforeAll
    static void readBundledLists() throws Exception {
        Path data = Path.of("index-data");
        bundled = new Ingester(SourceCatalog.load(data.resolve("sources.json"))).ingest(data.resolve("sources")).records();
    }

    static List<PowerRecord> generate(long seed, long items) {
        List<PowerRecord> out = new ArrayList<>();
        new CorpusGenerator(bundled, CorpusGenerator.bundledPlaces(), seed, items).forEach(out::add);
        return out;
    }

    @Test
    void theSameSeedGivesTheSameRecordsAndAnotherSeedOthers() {
        List<String> a = generate(6, 500).stream().map(Json::write).toList();
        List<String> b = generate(6, 500).stream().map(Json::write).toList();
        List<String> c = generate(7, 500).stream().map(Json::write).toList();
        assertEquals(a, b);
        assertFalse(a.equals(c));
    }

    @Test
    void makesExactlyTheItemsAskedForWithUniqueIdsAndSomeDutyBlocks() {
        List<PowerRecord> rs = generate(6, 5000);
        assertEquals(5000, rs.stream().filter(r -> PowerRecord.POWER.equals(r.kind())).count());
        assertTrue(rs.stream().anyMatch(r -> PowerRecord.DUTY.equals(r.kind())));
        Set<String> ids = new HashSet<>();
        for (PowerRecord r : rs) assertTrue(ids.add(r.id()), r.id());
    }

    @Test
    void itemsKeepRealFieldsAndBelongToARealPlace() {
        Set<String> realNames = new HashSet<>();
        Set<String> realBases = new HashSet<>();
        for (PowerRecord r : bundled) {
            realNames.add(r.name());
            realBases.add(r.basis());
        }
        Set<String> sources = new HashSet<>();
        int spliced = 0;
        for (PowerRecord r : generate(6, 3000)) {
            sources.add(r.source().id());
            assertTrue(r.source().title().endsWith("权责清单"), r.source().title());
            assertTrue(r.levels().get(0).equals("市级") || r.levels().get(0).equals("县级"), r.levels().toString());
            if (!PowerRecord.POWER.equals(r.kind())) continue;
            assertTrue(realBases.contains(r.basis()));
            if (!realNames.contains(r.name())) spliced++;
            for (Statute s : r.statutes()) {
                if (Statute.BASIS.equals(s.role())) assertTrue(r.basis() != null && !r.basis().isBlank());
            }
        }
        assertTrue(sources.size() > 30, "lists of 20-80 items: " + sources.size());
        assertTrue(spliced > 100, "names with inner clauses spliced: " + spliced);
    }

    @Test
    void placesHoldPrefecturesAndCounties() {
        List<CorpusGenerator.Place> places = CorpusGenerator.bundledPlaces();
        assertTrue(places.size() > 500);
        assertTrue(places.contains(new CorpusGenerator.Place("伊宁市", false)));
        assertTrue(places.contains(new CorpusGenerator.Place("成都市", true)));
    }

    @Test
    void everyQueryOfTheMixRunsOnAGeneratedIndex(@TempDir Path dir) throws Exception {
        IngestBench.prepare(Path.of("index-data"), dir, false);
        CorpusGenerator corpus = new CorpusGenerator(bundled, CorpusGenerator.bundledPlaces(), 6, 400);
        IngestBench.Run run = IngestBench.generated(corpus, dir, org.quanze.statute.LawLibrary.load(dir.resolve("laws")));
        assertEquals(400, run.powers());
        try (Engine e = Engine.open(dir, false, System.err)) {
            assertEquals(run.records(), e.search().items());
            Map<QueryMix.Kind, List<QueryMix.Query>> mix = QueryMix.build(e.search(), QueryMix.judged());
            for (QueryMix.Kind k : QueryMix.Kind.values()) assertFalse(mix.get(k).isEmpty(), k.name());
            InProcessBench.warmUp(e.search(), mix, 1, new ReferenceSearch());
            assertTrue(e.search().search(mix.get(QueryMix.Kind.judged).get(0).search()).total() > 0);
        }
    }
}
