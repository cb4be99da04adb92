package org.quanze.search;

import org.junit.jupiter.api.Test;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a question is read, over the bundled lists: its concepts whatever characters it holds,
 * numbers however written, the answer that says nothing fits, the general thesaurus for words
 * nobody curated, what the wording asks for.
 */
class QuestionReadingTest {

    private final SearchService search = BundledData.sharedEngine().search();

    private SearchResult ask(String q, int size) throws IOException {
        return search.search(new SearchRequest(q, Map.of(), 1, size, SearchRequest.RELEVANCE, true));
    }

    private static List<String> surfaces(SearchResult r) {
        return r.reading().concepts().stream().map(SearchResult.Reading.Concept::surface).toList();
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void lettersAndDigitsAreConceptsOfTheirOwn() throws IOException {
        SearchResult gmp = ask("GMP认证 处罚", 10);
        assertEquals(List.of("GMP", "认证", "处罚"), surfaces(gmp));
        // No list speaks of GMP: every hit lacks it, and the answer says it is partial.
        assertTrue(gmp.partial());
        for (SearchResult.Hit h : gmp.hits()) assertTrue(h.missing().contains("GMP"), h.name() + " " + h.missing());
        // A Latin word between two Chinese ones no longer swallows the word after it.
        assertEquals(List.of("医保卡", "licenses", "处罚"), surfaces(ask("医保卡 licenses 处罚", 10)));
    }

    @Test
    void aVocabularyTermTheSegmenterWouldCutAcrossIsReadWhole() throws IOException {
        // Read as a whole, SmartCN cuts 医 / 保管 / 控 here: 医保 would be lost and 保管 searched.
        assertEquals(List.of("医保", "管控", "药品"), surfaces(ask("医保管控药品", 10)));
        // Where the segmenter already reads the term apart from its neighbours, nothing changes.
        assertEquals(List.of("挪用", "医保", "管理费"), surfaces(ask("挪用医保管理费", 10)));
        // 举报人 holds the term 举报 whole and stays one word.
        assertEquals("举报人", surfaces(ask("举报人信息被泄露", 10)).get(0));
    }

    @Test
    void numbersWrittenInWordsOrDigitsFindTheSameItems() throws IOException {
        SearchResult words = ask("执法人员不得少于两人", 30);
        SearchResult digits = ask("执法人员不得少于2人", 30);
        // 22 items say it; one more cites an article that does.
        assertEquals(23, digits.total());
        assertEquals(ids(digits), ids(words));
        // A quoted phrase is verbatim up to how a number is written: 004 writes 两人, the others 2人.
        SearchResult quotedWords = ask("\"不得少于两人\"", 30);
        SearchResult quotedDigits = ask("\"不得少于2人\"", 30);
        assertEquals(22, quotedDigits.total());
        assertEquals(ids(quotedDigits).stream().sorted().toList(), ids(quotedWords).stream().sorted().toList());
        assertTrue(ids(quotedWords).stream().anyMatch(id -> id.startsWith(BundledData.S004)), "004 writes 不得少于两人");
        assertTrue(ids(quotedWords).stream().anyMatch(id -> id.startsWith(BundledData.S000)), "000 writes 不得少于2人");
    }

    @Test
    void aWordInNoItemMakesThePartialAnswerAndIsStruckOnEveryHit() throws IOException {
        SearchResult lost = ask("医保卡丢了", 10);
        assertTrue(lost.partial());
        assertEquals(3, lost.total());
        assertEquals("000_9151f9b4e62eb64c-9", lost.hits().get(0).id());
        for (SearchResult.Hit h : lost.hits()) assertEquals(List.of("丢"), h.missing(), h.name());

        SearchResult aid = ask("医疗救助", 10);
        assertFalse(aid.partial());
        assertEquals(7, aid.total());
        for (SearchResult.Hit h : aid.hits()) assertEquals(List.of(), h.missing(), h.name());
    }

    @Test
    void aQuestionNoItemAnswersHasNoCompleteHitAndSaysSo() throws IOException {
        for (String q : List.of("养老保险", "工伤认定去哪申请", "孩子打疫苗要预约吗")) {
            SearchResult r = ask(q, 10);
            assertTrue(r.partial(), q + " is answered as if it fitted: " + ids(r));
            for (SearchResult.Hit h : r.hits()) assertFalse(h.missing().isEmpty(), q + ": " + h.name() + " is not a whole answer");
        }
    }

    @Test
    void aWordNobodyCuratedReachesTheListsThroughTheThesaurus() throws IOException {
        // 诊病 is in no list and not in synonyms.txt; 同义词词林 groups it with 就医, which 000 item 8 uses.
        SearchResult r = ask("诊病", 10);
        SearchResult.Reading.Concept c = r.reading().concepts().get(0);
        assertEquals("诊病", c.surface());
        assertTrue(c.found());
        assertTrue(c.spellings().contains("就医 (thesaurus)"), c.spellings().toString());
        assertEquals("000_9151f9b4e62eb64c-8", r.hits().get(0).id());
    }

    @Test
    void theWordingOfAQuestionIsEvidenceForThePowerTypeItWants() throws IOException {
        SearchResult punish = ask("医疗救助怎么处罚", 3);
        assertEquals(List.of("行政处罚"), punish.reading().intents());
        assertEquals("行政处罚", punish.hits().get(0).powerType());
        SearchResult pay = ask("医疗救助有补助吗", 3);
        assertEquals(List.of("行政给付"), pay.reading().intents());
        assertEquals("医疗救助待遇给付", pay.hits().get(0).name());
        SearchResult who = ask("医疗救助向谁反映", 10);
        assertEquals(List.of("行政检查"), who.reading().intents());
        // The intent adds to the items of its type and to no other.
        for (SearchResult.Hit h : who.hits()) {
            boolean lifted = h.explain().contributions().stream().anyMatch(x -> x.mechanism().equals("intent") && x.score() > 0);
            assertEquals(h.powerType().equals("行政检查"), lifted, h.id() + " " + h.powerType());
        }
        assertTrue(who.hits().stream().anyMatch(h -> h.powerType().equals("行政检查")));
    }

    @Test
    void aConceptMostItemsContainCoversHalfAsMuch() throws IOException {
        SearchResult r = ask("医院乱收费", 1);
        Map<String, Boolean> common = new java.util.HashMap<>();
        for (SearchResult.Reading.Concept c : r.reading().concepts()) common.put(c.surface(), c.common());
        assertEquals(Map.of("医院", true, "乱收费", false), common);
        // The top hit holds both in its name: the same coverage by where, halved for the common one.
        Map<String, Float> coverage = new java.util.HashMap<>();
        for (SearchResult.Explanation.Contribution x : r.hits().get(0).explain().contributions()) {
            if (x.mechanism().equals("coverage")) coverage.put(x.detail(), x.score());
        }
        assertEquals(coverage.get("乱收费") / 2, coverage.get("医院"), 1e-3);
    }

    @Test
    void aYesNoQuestionsNotAsksAndDoesNotNegate() throws IOException {
        // 会不会 asks; 不给交 negates: the first leaves no concept, the second is 不交 (给 is a particle).
        SearchResult r = ask("公司不给交医保会不会被罚", 3);
        assertEquals(List.of("公司", "不 交", "医保", "罚"), surfaces(r));
        assertEquals(List.of("行政处罚"), r.reading().intents());
        assertEquals(List.of("医疗", "救助", "报"), surfaces(ask("医疗救助能不能报", 3)));
        assertEquals(List.of("医疗", "救助", "合法"), surfaces(ask("医疗救助合不合法", 3)));
    }

    @Test
    void aSmallMatchSetTakesOneConceptLessAndKeepsTheShareFirst() throws IOException {
        // Four concepts, the usual share two: three items hold two or more (the seizure powers), none
        // all four, so one concept is enough; the three come first, the 12 items holding one (in their
        // own text or the articles they cite) follow.
        SearchResult r = ask("账本被封存后丢失了谁负责赔偿", 20);
        assertTrue(r.partial());
        assertEquals(1, r.reading().required());
        assertEquals(15, r.total());
        for (int i = 0; i < r.hits().size(); i++) {
            SearchResult.Hit h = r.hits().get(i);
            boolean share = h.explain().contributions().stream().anyMatch(x -> x.mechanism().equals("share"));
            assertEquals(i < 3, share, i + " " + h.name());
            assertEquals(i < 3, h.missing().size() <= 2, i + " " + h.name() + " " + h.missing());
        }
        assertEquals(3L, r.matched());
        // A small match set with a whole answer is filled out too, and is no partial answer: 投标
        // 报价 低于 成本 罚款 are all in 000 item 10, which comes first; the items after it lack some.
        SearchResult whole = ask("投标报价低于成本被罚款", 10);
        assertFalse(whole.partial());
        assertEquals(1L, whole.matched());
        assertEquals(6, whole.total());
        assertEquals("000_9151f9b4e62eb64c-10", whole.hits().get(0).id());
        assertEquals(List.of(), whole.hits().get(0).missing());
        for (SearchResult.Hit later : whole.hits().subList(1, whole.hits().size())) assertFalse(later.missing().isEmpty(), later.id());
    }

    @Test
    void anExplanationListsItsMatchesFieldByFieldInTheSchemasOrder() throws IOException {
        // Lucene hands the fields over in a hash order that changed from one run to the next.
        SearchResult r = ask("谎报家庭收入领医疗救助会被罚吗", 10);
        List<String> order = List.of("name", "basis", "duties", "accountability", "other");
        for (SearchResult.Hit h : r.hits()) {
            List<String> fields = h.explain().matches().stream().map(SearchResult.Explanation.Match::field).distinct().toList();
            List<String> sorted = new java.util.ArrayList<>(fields);
            // The field of every field's words (all) after the fields themselves.
            sorted.sort(java.util.Comparator.comparingInt((String f) -> {
                int at = order.indexOf(f.replaceFirst("\\..*", ""));
                return at < 0 ? order.size() : at;
            }).thenComparing(java.util.Comparator.naturalOrder()));
            assertEquals(sorted, fields, h.id());
        }
        assertTrue(r.hits().stream().anyMatch(h -> h.explain().matches().stream().map(SearchResult.Explanation.Match::field)
                .distinct().count() >= 3), "some hit matches in three fields or more");
    }
}
