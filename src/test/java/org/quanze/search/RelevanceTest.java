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
    void judgedQueriesKeepMeanNdcgAtLeast0953() throws IOException {
        EvalCommand.Report r = EvalCommand.evaluate(search, Path.of("src/test/resources/relevance/judged-queries.json"));
        assertEquals(24, r.queries().size());
        assertTrue(r.ndcg() >= 0.953, "mean nDCG@10 fell to " + r.ndcg() + ": " + r.queries());
        assertTrue(r.success3() >= 0.99, "success@3 fell to " + r.success3());
    }

    /**
     * The sets written for the ranking work (see each file's "about"): the two tuning sets, read per
     * question while tuning, and the six blind sets, whose means only were read, before and
     * after a change. Each floor is a little under what the ranking reaches (tuning 0.873, second
     * tuning set 0.740, blind 0.860, second blind set 0.824, third 0.728, fourth 0.729, fifth
     * 0.696, sixth 0.656), so a change that loses on questions nobody tuned for fails here.
     */
    @Test
    void tuningAndBlindSetsKeepTheirMeans() throws IOException {
        EvalCommand.Report tuning = EvalCommand.evaluate(search, Path.of("src/test/resources/relevance/tuning-queries.json"));
        EvalCommand.Report tuning2 = EvalCommand.evaluate(search, Path.of("src/test/resources/relevance/tuning2-queries.json"));
        EvalCommand.Report blind = EvalCommand.evaluate(search, Path.of("src/test/resources/relevance/blind-queries.json"));
        EvalCommand.Report blind2 = EvalCommand.evaluate(search, Path.of("src/test/resources/relevance/blind2-queries.json"));
        EvalCommand.Report blind3 = EvalCommand.evaluate(search, Path.of("src/test/resources/relevance/blind3-queries.json"));
        EvalCommand.Report blind4 = EvalCommand.evaluate(search, Path.of("src/test/resources/relevance/blind4-queries.json"));
        EvalCommand.Report blind5 = EvalCommand.evaluate(search, Path.of("src/test/resources/relevance/blind5-queries.json"));
        EvalCommand.Report blind6 = EvalCommand.evaluate(search, Path.of("src/test/resources/relevance/blind6-queries.json"));
        assertEquals(33, tuning.queries().size());
        assertEquals(30, tuning2.queries().size());
        assertEquals(33, blind.queries().size());
        assertEquals(32, blind2.queries().size());
        assertEquals(30, blind3.queries().size());
        assertEquals(30, blind4.queries().size());
        assertEquals(30, blind5.queries().size());
        assertEquals(30, blind6.queries().size());
        assertTrue(tuning.ndcg() >= 0.85, "tuning mean nDCG@10 fell to " + tuning.ndcg() + ": " + tuning.queries());
        assertTrue(tuning2.ndcg() >= 0.72, "second tuning set's mean nDCG@10 fell to " + tuning2.ndcg() + ": " + tuning2.queries());
        assertTrue(blind.ndcg() >= 0.83, "blind mean nDCG@10 fell to " + blind.ndcg() + ": " + blind.queries());
        assertTrue(blind2.ndcg() >= 0.80, "second blind set's mean nDCG@10 fell to " + blind2.ndcg());
        assertTrue(blind3.ndcg() >= 0.71, "third blind set's mean nDCG@10 fell to " + blind3.ndcg());
        assertTrue(blind4.ndcg() >= 0.71, "fourth blind set's mean nDCG@10 fell to " + blind4.ndcg());
        assertTrue(blind5.ndcg() >= 0.67, "fifth blind set's mean nDCG@10 fell to " + blind5.ndcg());
        assertTrue(blind6.ndcg() >= 0.63, "sixth blind set's mean nDCG@10 fell to " + blind6.ndcg());
        // Questions no list answers: every one says its answer is partial.
        assertEquals(4, tuning.noAnswer());
        assertEquals(4, tuning.noAnswerPartial());
        assertEquals(3, tuning2.noAnswer());
        assertEquals(3, tuning2.noAnswerPartial());
        assertEquals(4, blind.noAnswer());
        assertEquals(4, blind.noAnswerPartial());
        assertEquals(3, blind2.noAnswer());
        assertEquals(3, blind2.noAnswerPartial());
        assertEquals(3, blind3.noAnswer());
        assertEquals(3, blind3.noAnswerPartial());
        assertEquals(3, blind4.noAnswer());
        assertEquals(3, blind4.noAnswerPartial());
        assertEquals(3, blind5.noAnswer());
        assertEquals(3, blind5.noAnswerPartial());
        assertEquals(3, blind6.noAnswer());
        assertEquals(3, blind6.noAnswerPartial());
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
        // 基金 and 使用 occur apart in three items that never say 基金使用, and in the articles two
        // more cite (基本医疗卫生与健康促进法 第八十七条, 劳动保障监察条例 第十一条).
        SearchResult quoted = search.search(SearchRequest.of("\"基金使用\""));
        SearchResult loose = search.search(SearchRequest.of("基金 使用"));
        assertEquals(25, quoted.total());
        assertEquals(30, loose.total());
        // A number matches however it is written (2人 = 两人), the words around it verbatim.
        Map<String, List<String>> writings = Map.of("\"基金使用\"", List.of("基金使用"), "\"不得少于2人\"", List.of("不得少于2人", "不得少于两人"));
        for (Map.Entry<String, List<String>> e : writings.entrySet()) {
            SearchResult r = search.search(new SearchRequest(e.getKey(), Map.of(), 1, 100, SearchRequest.RELEVANCE, false));
            assertTrue(r.total() > 0, e.getKey());
            for (SearchResult.Hit h : r.hits()) {
                assertTrue(h.highlights().stream().map(x -> x.text("", "").replaceAll("\\s", "")).anyMatch(t -> e.getValue().stream().anyMatch(t::contains)),
                        h.name() + " has none of " + e.getValue() + ": " + h.highlights());
            }
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
    void explainSaysWhatEachMechanismAddedAndWhichFieldsAndTermsMatched() throws IOException {
        SearchResult r = search.search(new SearchRequest("医疗救助怎么处罚", Map.of(), 1, 1, SearchRequest.RELEVANCE, true));
        SearchResult.Hit top = r.hits().get(0);
        SearchResult.Explanation ex = top.explain();
        assertEquals("对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的处罚", top.name());
        assertEquals(top.score(), ex.score(), 1e-3);
        // The parts add up to the score: nothing is left unexplained.
        assertEquals(top.score(), ex.contributions().stream().mapToDouble(SearchResult.Explanation.Contribution::score).sum(), 1e-2);
        List<String> mechanisms = ex.contributions().stream().map(c -> c.mechanism() + ":" + c.detail()).toList();
        assertTrue(mechanisms.containsAll(List.of("words:医疗", "words:救助", "coverage:救助", "words:处罚", "intent:行政处罚")), mechanisms.toString());
        assertTrue(ex.matches().contains(new SearchResult.Explanation.Match("name", "救助")), ex.matches().toString());
        assertEquals(List.of("行政处罚"), r.reading().intents());
    }
}
