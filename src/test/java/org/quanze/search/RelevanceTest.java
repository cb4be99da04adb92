package org.quanze.search;

import org.junit.jupiter.api.Test;
import org.quanze.cli.EvalCommand;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards the relevance reached on the judged queries, and the behaviours behind it. */
class RelevanceTest {

    private final SearchService search = BundledData.sharedEngine().search();

    private List<String> names(String q, int n) throws IOException {
        return search.search(new SearchRequest(q, Map.of(), 1, n, SearchRequest.RELEVANCE, false))
                .hits().stream().map(SearchResult.Hit::name).toList();
    }

    @Test
    void judgedQueriesKeepMeanNdcgAtLeast093() throws IOException {
        EvalCommand.Report r = EvalCommand.evaluate(search, Path.of("src/test/resources/relevance/judged-queries.json"));
        assertEquals(24, r.queries().size());
        assertTrue(r.ndcg() >= 0.93, "mean nDCG@10 fell to " + r.ndcg() + ": " + r.queries());
        assertTrue(r.success3() >= 0.99, "success@3 fell to " + r.success3());
    }

    @Test
    void anArticleNamedWithoutBracketsRanksItsGroundedItemsFirst() throws IOException {
        // 价格法 第三十三条 is cited as legal basis by exactly these two items.
        List<String> top = names("价格法 33条", 2);
        assertEquals(List.of("对医疗服务价格监督检查", "对纳入医疗保障范围的价格违法违规行为的监督检查"), top);
        assertEquals(top, names("《中华人民共和国价格法》第三十三条", 2));
    }

    @Test
    void aQuotedPhraseMatchesOnlyItemsContainingItVerbatim() throws IOException {
        SearchResult quoted = search.search(SearchRequest.of("\"不得少于2人\""));
        SearchResult loose = search.search(SearchRequest.of("不得少于2人"));
        assertTrue(quoted.total() < loose.total(), quoted.total() + " vs " + loose.total());
        for (SearchResult.Hit h : quoted.hits()) {
            assertTrue(h.highlights().stream().anyMatch(x -> x.text("", "").replaceAll("\\s", "").contains("不得少于2人")),
                    h.name() + " has no verbatim 不得少于2人: " + h.highlights());
        }
    }

    @Test
    void questionWordsNeedNotMatch() throws IOException {
        assertEquals(names("医疗救助", 3), names("医疗救助是哪个部门负责的", 3));
    }

    @Test
    void everydayWordsReachTheListsTermsThroughTheVocabulary() throws IOException {
        // 医保卡 is 医疗保障凭证 in the lists; 骗保 is 骗取医疗保障基金.
        assertEquals("对个人将本人的医疗保障凭证交由他人冒名使用等违法使用医保基金行为的行政处罚", names("医保卡借给别人用", 1).get(0));
        assertTrue(names("举报骗保", 3).contains("对举报骗取医疗保障基金行为的奖励"));
    }

    @Test
    void explainSaysWhichFieldsAndTermsMatched() throws IOException {
        SearchResult r = search.search(new SearchRequest("医疗救助", Map.of(), 1, 1, SearchRequest.RELEVANCE, true));
        SearchResult.Explanation ex = r.hits().get(0).explain();
        assertEquals(r.hits().get(0).score(), ex.score(), 1e-3);
        assertTrue(ex.matches().stream().anyMatch(m -> m.field().equals("name")), ex.toString());
    }
}
