package org.quanze.statute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;
import org.quanze.search.SearchRequest;
import org.quanze.search.SearchResult;
import org.quanze.search.SearchService;
import org.quanze.testing.BundledData;

/** Statute references in every spelling, through the real search over the bundled lists. */
class StatuteSearchTest {

    private final SearchService search = BundledData.sharedEngine().search();

    private List<String> top(String q, int n) throws IOException {
        SearchResult r = search.search(new SearchRequest(q, java.util.Map.of(), 1, n, SearchRequest.RELEVANCE, false));
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }

    private Set<String> citing(String law, int article) throws IOException {
        Set<String> ids = new HashSet<>();
        for (PowerRecord r : search.citing(law, article, 100)) ids.add(r.id());
        return ids;
    }

    @Test
    void aShortFormFindsTheItemsCitingTheArticleFirst() throws IOException {
        Set<String> grounded = citing("社会保险法", 84);
        assertEquals(Set.of("000_9151f9b4e62eb64c-1", "002_878c5c45273f98d5-3"), grounded);
        assertEquals(grounded, Set.copyOf(top("社保法第八十四条", 2)));
        assertEquals(top("社会保险法第八十四条", 10), top("社保法第八十四条", 10));
        assertEquals(top("社会保险法第八十四条", 10), top("《中华人民共和国社会保险法》第84条", 10));
    }

    @Test
    void theContributionRegulationsShortFormFindsItsArticle() throws IOException {
        Set<String> grounded = citing("社会保险费征缴暂行条例", 23);
        assertEquals(Set.of("000_9151f9b4e62eb64c-1", "002_878c5c45273f98d5-3"), grounded);
        assertEquals(grounded, Set.copyOf(top("征缴条例第二十三条", 2)));
        assertEquals(top("社会保险费征缴暂行条例第二十三条", 10), top("征缴条例第二十三条", 10));
    }

    @Test
    void anArticleNothingCitesAnswersWithTheLawsItems() throws IOException {
        assertEquals(Set.of(), citing("社会保险法", 98));
        SearchResult r = search.search(SearchRequest.of("社保法第九十八条"));
        assertEquals(30, r.total());
        assertEquals(30, search.citing("社会保险法", null, 100).size());
    }

    @Test
    void aLawNamedWithoutAnArticleRanksTheItemsCitingItFirst() throws IOException {
        Set<String> grounded = new HashSet<>();
        for (PowerRecord r : search.citing("价格法", null, 100)) grounded.add(r.id());
        assertEquals(4, grounded.size());
        // Before laws named alone were read, 广元's 社会保险稽核 (no basis given) came first; now
        // three items citing 价格法 lead (the fourth, on price monitoring, follows that 稽核).
        List<String> top = top("依据价格法的检查", 3);
        assertEquals(List.of("001_5b333ea7bdafe129-5", "002_878c5c45273f98d5-t2-3", "000_9151f9b4e62eb64c-20"), top);
        assertEquals(true, grounded.containsAll(top));
        // It selects nothing: the items that do not cite the law still answer.
        assertEquals(29, search.search(SearchRequest.of("依据价格法的检查")).total());
    }

    @Test
    void wordsBesideANamedArticleThatNoItemCitingItHoldsDoNotEmptyTheList() throws IOException {
        Set<String> grounded = citing("医疗保障基金使用监督管理条例", 22);
        assertEquals(5, grounded.size());
        // Only one of the five holds 依据 or 事项; before, the answer was that one item.
        SearchResult r = search.search(SearchRequest.of("依据医疗保障基金使用监督管理条例第二十二条的事项有哪些"));
        assertEquals(5, r.total());
        assertEquals(true, r.partial());
        assertEquals(grounded, Set.copyOf(top("依据医疗保障基金使用监督管理条例第二十二条的事项有哪些", 5)));
    }

    @Test
    void anArticleNothingCitesRanksItsLawsItemsByWhatTheArticleSays() throws IOException {
        // 医保条例 article 35 is on reporting fraud and the rewards for it; no item cites it. Before
        // its text ranked the law's items, 分解住院、挂床住院 came first.
        assertEquals(Set.of(), citing("医疗保障基金使用监督管理条例", 35));
        SearchResult r = search.search(SearchRequest.of("医保条例第三十五条"));
        assertEquals(search.citing("医疗保障基金使用监督管理条例", null, 100).size(), r.total());
        assertEquals("对依法履行医疗保险义务的参保奖励", r.hits().get(0).name());
    }
}
