package org.quanze.statute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quanze.model.StatuteCheck;

class QuotationTest {

    /** 社会保险法 第八十七条, as the national database publishes it. */
    private static final String SI_87 = "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，"
            + "由社会保险行政部门责令退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款；属于社会保险服务机构的，解除服务协议；"
            + "直接负责的主管人员和其他直接责任人员有执业资格的，依法吊销其执业资格。";
    /** 医疗保障基金使用监督管理条例 第四十条 (first paragraph and its items). */
    private static final String FUND_40 = "定点医药机构通过下列方式骗取医疗保障基金支出的，由医疗保障行政部门责令退回，处骗取金额2倍以上5倍以下的罚款；"
            + "责令定点医药机构暂停相关责任部门6个月以上1年以下涉及医疗保障基金使用的医药服务，直至由医疗保障经办机构解除服务协议；有执业资格的，由有关主管部门依法吊销执业资格：\n"
            + "（一）诱导、协助他人冒名或者虚假就医、购药，提供虚假证明材料，或者串通他人虚开费用单据；\n"
            + "（二）伪造、变造、隐匿、涂改、销毁医学文书、医学证明、会计凭证、电子信息等有关资料；\n"
            + "（三）虚构医药服务项目；\n（四）其他骗取医疗保障基金支出的行为。";

    @Test
    void aFaithfulQuotationIsNoChangeWhateverItsPunctuationSpacingAndNumerals() {
        String quoted = "社会保险经办机构以及医疗机构,药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的, "
                + "由社会保险行政部门责令退回骗取的社会保险金,处骗取金额2倍以上5倍以下的罚款。";
        StatuteCheck.Quotation q = Quotation.compare(quoted, SI_87);
        assertFalse(q.differs());
        assertEquals(1.0, q.similarity());
        assertEquals(List.of(), q.differences());
    }

    @Test
    void quotingSomeItemsAndLeavingOthersOutIsNoChange() {
        String quoted = "定点医药机构通过下列方式骗取医疗保障基金支出的，由医疗保障行政部门责令退回，处骗取金额二倍以上五倍以下的罚款：(二)伪造、变造、隐匿、涂改、销毁医学文书、"
                + "医学证明、会计凭证、电子信息等有关资料；(三)虚构医药服务项目。";
        StatuteCheck.Quotation q = Quotation.compare(quoted, FUND_40);
        assertFalse(q.differs(), q::toString);
        assertEquals(1.0, q.similarity());
    }

    @Test
    void aReplacedWordIsADifferenceWithBothTexts() {
        // List 004's quotation of 社会保险法 第八十七条.
        String quoted = "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，"
                + "由社会保险行政部门责令退回相应的社会保险费，处骗取金额二倍以上五倍以下的罚款。";
        StatuteCheck.Quotation q = Quotation.compare(quoted, SI_87);
        assertTrue(q.differs());
        assertEquals(List.of(new StatuteCheck.Difference("相应", "骗取"), new StatuteCheck.Difference("费，", "金，")), q.differences());
        assertEquals(0.967, q.similarity());
        assertEquals(SI_87, q.official());
    }

    @Test
    void aWordDroppedInsideASentenceIsADifference() {
        StatuteCheck.Quotation q = Quotation.compare("由社会保险行政部门责令退回社会保险金", SI_87);
        assertTrue(q.differs());
        assertEquals(List.of(new StatuteCheck.Difference("", "骗取的")), q.differences());
    }

    @Test
    void normalisesPercentDecimalsFullWidthAndAccountVariants() {
        assertEquals(Quotation.normalise("处工程合同价款百分之零点五以上百分之一以下的罚款").text(),
                Quotation.normalise("处工程合同价款0.5%以上1％以下的罚款").text());
        assertEquals(Quotation.normalise("帐簿").text(), Quotation.normalise("账簿").text());
        assertEquals("处二倍罚款", Quotation.normalise("（一）处２倍罚款。").text());
    }

    @Test
    void tellsAQuotationFromProseAfterTheHeading() {
        assertTrue(Quotation.startsLike("社会保险经办机构以及医疗机构", SI_87));
        assertFalse(Quotation.startsLike("以及其他依法应当追究的情形", SI_87));
    }
}
