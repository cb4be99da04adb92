package org.quanze.search;

import org.junit.jupiter.api.Test;
import org.quanze.index.IndexHandle;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Offices a question names: how they are read, and what naming one does to an answer over the bundled lists. */
class NamedUnitsTest {

    private final SearchService search = BundledData.sharedEngine().search();

    private static NamedUnits.Known units(String... names) {
        return NamedUnits.index(java.util.Arrays.stream(names).map(NamedUnits::unit).toList());
    }

    @Test
    void aUnitsTailsStartAtItsWordsAndHaveThreeCharacters() {
        assertEquals(List.of("稽查科"), NamedUnits.unit("稽核稽查科").tails());
        assertEquals(List.of("保障科"), NamedUnits.unit("待遇保障科").tails());
        assertEquals(List.of(), NamedUnits.unit("医保中心").tails(), "保中心 does not start at a word, 中心 is too short");
        assertEquals(List.of(), NamedUnits.unit("监管股").tails());
    }

    @Test
    void aNameInBracketsIsAnotherNameOfTheUnit() {
        NamedUnits.Unit u = NamedUnits.unit("劳动关系科（劳动保障监察科）");
        assertEquals(List.of("劳动关系科", "劳动保障监察科"), u.names());
        assertEquals(List.of("关系科", "保障监察科", "监察科"), u.tails());
        // Closed by a half-width bracket, as one real list types it.
        assertEquals(List.of("农业科", "农产品质量安全监管科"), NamedUnits.unit("农业科（农产品质量安全监管科)").names());
        NamedUnits.Known known = units("劳动关系科（劳动保障监察科）", "特种设备安全监察科");
        assertEquals(List.of("劳动关系科（劳动保障监察科）"), NamedUnits.in("劳动保障监察科负责的检查", known, Set.of()));
        assertEquals(List.of("劳动关系科（劳动保障监察科）", "特种设备安全监察科"), NamedUnits.in("监察科", known, Set.of()));
    }

    @Test
    void aQuestionNamesAUnitByItsNameOrATail() {
        NamedUnits.Known known = units("稽核稽查科", "待遇保障科", "普通保障科", "监管股", "基金监管股", "医保中心");
        assertEquals(List.of("稽核稽查科"), NamedUnits.in("稽核稽查科负责哪些检查", known, Set.of()));
        assertEquals(List.of("稽核稽查科"), NamedUnits.in("稽查科办理哪些行政处罚", known, Set.of()));
        assertEquals(List.of("待遇保障科", "普通保障科"), NamedUnits.in("保障科的检查", known, Set.of()), "a tail two units share names both");
        assertEquals(List.of("待遇保障科"), NamedUnits.in("待遇保障科的检查", known, Set.of()), "a whole name, then no tails");
        assertEquals(List.of("基金监管股"), NamedUnits.in("基金监管股承办事项", known, Set.of()), "not also the name inside it");
        assertEquals(List.of("医保中心"), NamedUnits.in("医保中心的人监守自盗", known, Set.of()));
        assertEquals(List.of(), NamedUnits.in("医保中心的人监守自盗", known, Set.of("医保中心")), "an everyday word names no office");
        assertEquals(List.of(), NamedUnits.in("找哪个科", known, Set.of()));
    }

    @Test
    void theKnownUnitsAreTheUnitFacetsValues() throws IOException {
        IndexHandle h = search.index().acquire();
        try {
            Set<String> facet = search.counts().get("unit").stream().map(SearchResult.FacetValue::value).collect(Collectors.toSet());
            Set<String> known = NamedUnits.known(new LuceneGeneration(h)).units().stream().map(NamedUnits.Unit::value).collect(Collectors.toSet());
            assertEquals(facet, known);
            assertEquals(19, known.size());
        } finally {
            search.index().release(h);
        }
    }

    private SearchResult explained(String q, int size) throws IOException {
        return search.search(new SearchRequest(q, Map.of(), 1, size, SearchRequest.RELEVANCE, true));
    }

    @Test
    void anOfficeNamedAloneAnswersWithItsItems() throws IOException {
        SearchResult r = explained("基金监督科", 20);
        assertEquals(List.of("基金监督科"), r.offices());
        // Before, 基金 and 监督 were all it read, and 20 items held them; now the office is the concept.
        assertEquals(11, r.total());
        assertEquals(11, r.hits().stream().filter(h -> h.units().contains("基金监督科")).count());
    }

    @Test
    void anOfficesItemsComeFirstAndMatchWithoutTheListsWordForAnEntry() throws IOException {
        // 基金监督科's five penalties (list 004) hold neither 事项 nor anything else but the office's
        // name: before, none of them matched and the answer's top ten held none of the office's items.
        SearchResult r = explained("基金监督科的行政处罚事项", 10);
        assertEquals(List.of("行政处罚"), r.reading().intents());
        List<SearchResult.Hit> top = r.hits().subList(0, 6);
        assertEquals(6, top.stream().filter(h -> h.units().contains("基金监督科") && h.powerType().equals("行政处罚")).count());
    }

    @Test
    void aShortenedNameRanksTheOfficesItemsFirst() throws IOException {
        SearchResult r = explained("待遇保障科", 7);
        assertEquals(List.of("待遇保障科"), r.offices());
        assertEquals(7, r.hits().stream().filter(h -> h.units().contains("待遇保障科")).count());
        SearchResult shortened = explained("稽查科办理哪些行政处罚", 5);
        assertEquals(List.of("稽核稽查科"), shortened.offices());
        assertEquals(5, shortened.hits().stream().filter(h -> h.units().contains("稽核稽查科") && h.powerType().equals("行政处罚")).count());
    }

    @Test
    void anEverydayNameForTheInsuranceCentreNamesNoOffice() throws IOException {
        assertEquals(List.of(), explained("医保中心的人监守自盗", 3).offices());
    }
}
