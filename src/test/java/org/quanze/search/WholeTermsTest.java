package org.quanze.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a question is cut so that the segmenter keeps a vocabulary term whole. */
class WholeTermsTest {

    private final WholeTerms terms = WholeTerms.of(List.of(
            "# a comment line, and a rule of each kind",
            "医保, 医疗保障 # equivalence",
            "举报, 投诉举报",
            "药厂, 药企 => 药品生产企业"));

    @Test
    void aTermWhoseCharactersTheSegmenterReadsIntoTwoWordsIsCutOut() {
        // SmartCN reads 医 / 保管 / 吗: 保管 reaches across the end of 医保.
        assertEquals(List.of(7, 9), terms.cuts("医生拿药品回扣医保管吗"));
        // At the start of the text only its end is a cut.
        assertEquals(List.of(2), terms.cuts("医保管控药品"));
    }

    @Test
    void aTermInsideALongerWordOrCutOnlyInsideIsLeftAlone() {
        // 举报人 holds 举报 whole: one word, nothing cuts the term.
        assertEquals(List.of(), terms.cuts("举报人信息被泄露"));
        // 医疗 / 保障 / 局: cut inside, but no word reaches out of the term.
        assertEquals(List.of(), terms.cuts("医疗保障局"));
        assertEquals(List.of(), terms.cuts("药品价格监测"));
        assertEquals(List.of(), WholeTerms.NONE.cuts("医生拿药品回扣医保管吗"));
    }

    @Test
    void termsComeFromBothSidesOfARuleAndOnlyHanTermsOfTwoCharactersOrMore() {
        WholeTerms official = WholeTerms.of(List.of("药厂 => 药品生产企业, GMP, 药"));
        assertEquals(List.of(), official.cuts("GMP药"));
        // 药品生产企业 is a term of the right-hand side; the segmenter keeps it in words of its own.
        assertEquals(List.of(), official.cuts("药品生产企业违法"));
    }
}
