package org.quanze.web;

import org.junit.jupiter.api.Test;
import org.quanze.search.Vocabulary;
import org.quanze.testing.BundledData;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Everyday words in a question suggest the lists' official terms, read from synonyms.txt. */
class SuggestionListTest {

    @Test
    void theVocabularyNamesTheOfficialFormsOfEachEverydayWord() throws Exception {
        Map<String, List<String>> forms = Vocabulary.load(BundledData.PROJECT_DATA).officialForms();
        assertEquals(List.of("医疗保障凭证", "医保电子凭证", "社保卡", "医疗保险凭证"), forms.get("医保卡"));
        assertEquals(List.of("医疗保障凭证", "医保电子凭证", "社保卡", "医疗保险凭证"), forms.get("医疗卡"));
        assertEquals(List.of("待遇支付", "待遇给付", "结算", "基金支付"), forms.get("报销"));
        assertEquals(null, forms.get("稽核"), "an equivalence (稽核, 稽查) names no official form");
    }

    @Test
    void eachEverydayWordOfTheQuestionSuggestsItsFirstOfficialFormInTheOrderTheyOccur() {
        Map<String, List<String>> forms = Map.of("医保卡", List.of("医疗保障凭证"), "电子医保卡", List.of("医保电子凭证"),
                "别人", List.of("他人"), "用", List.of("使用"), "报销", List.of("待遇支付"), "骗保", List.of("骗取医疗保障基金"));
        assertEquals(List.of("医保卡→医疗保障凭证", "别人→他人"), shown(SuggestionList.terms("医保卡借给别人用会怎么处罚", forms)));
        assertEquals(List.of("电子医保卡→医保电子凭证"), shown(SuggestionList.terms("电子医保卡丢了", forms)), "the longer word, once");
        assertEquals(List.of("医保卡→医疗保障凭证", "别人→他人", "报销→待遇支付"),
                shown(SuggestionList.terms("医保卡给别人报销算骗保吗", forms)), "at most three");
        assertEquals(List.of(), shown(SuggestionList.terms("用", forms)), "one character is too common to suggest for");
    }

    static List<String> shown(List<SuggestionList.Suggestion> s) {
        return s.stream().map(x -> x.word() + "→" + x.text()).toList();
    }
}
