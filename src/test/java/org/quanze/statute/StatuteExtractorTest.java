package org.quanze.statute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quanze.ingest.SourceCells;
import org.quanze.model.Statute;

class StatuteExtractorTest {

    private static final String SOCIAL_INSURANCE = "社会保险法";
    private static final String FUND_REGULATION = "医疗保障基金使用监督管理条例";
    private static final String HEALTH_LAW = "基本医疗卫生与健康促进法";
    private static final String SOCIAL_ASSISTANCE = "社会救助暂行办法";
    private static final String AMENDING_DECISION = "国务院关于修改部分行政法规的决定";
    private static final String XINJIANG_NOTICE =
            "自治区党委办公厅自治区人民政府办公厅关于印发〈新疆维吾尔自治区医疗保障局职能配置、内设机构和人员编制规定〉的通知";

    /** Expected records in one role: alternating law and article (Integer or null). */
    private static List<Statute> cited(String role, Object... lawAndArticle) {
        List<Statute> out = new ArrayList<>();
        for (int i = 0; i < lawAndArticle.length; i += 2) {
            out.add(new Statute((String) lawAndArticle[i], (Integer) lawAndArticle[i + 1], role));
        }
        return out;
    }

    private static List<Statute> basis(Object... lawAndArticle) {
        return cited(Statute.BASIS, lawAndArticle);
    }

    private static List<Statute> accountability(Object... lawAndArticle) {
        return cited(Statute.ACCOUNTABILITY, lawAndArticle);
    }

    private static List<Statute> basisOf(String text) {
        return StatuteExtractor.extract(text, Statute.BASIS);
    }

    // --- the brief's real examples -------------------------------------------------------------

    @Test
    void readsNumberedListOfLawsEachWithItsArticle() {
        assertEquals(basis(SOCIAL_INSURANCE, 87, HEALTH_LAW, 104, FUND_REGULATION, 37),
                basisOf(SourceCells.ITEM_000_6_BASIS));
    }

    @Test
    void givesArticleHeadingsInQuotedLawTextToTheLawQuotedLast() {
        assertEquals(basis(SOCIAL_INSURANCE, 31, "社会保险稽核办法", 2, "社会保险稽核办法", 3,
                        "社会保险稽核办法", 5, "社会保险稽核办法", 12),
                basisOf(SourceCells.ITEM_001_9_BASIS));
    }

    @Test
    void readsTheSameCitationsFromTheShortResponsibilityBasisOfTheAuditItem() {
        assertEquals(basis(SOCIAL_INSURANCE, 31, "社会保险稽核办法", 2, "社会保险稽核办法", 3,
                        "社会保险稽核办法", 5, "社会保险稽核办法", 12),
                basisOf(SourceCells.ITEM_001_9_RESPONSIBILITY_BASIS));
    }

    @Test
    void joinsArticlesListedWithoutRepeatedDi() {
        assertEquals(accountability(HEALTH_LAW, 92, HEALTH_LAW, 93),
                StatuteExtractor.extract(SourceCells.ITEM_004_17_ACCOUNTABILITY, Statute.ACCOUNTABILITY));
    }

    @Test
    void keepsLawAndArticleTogetherAcrossDateAndOrderNumberNotes() {
        assertEquals(basis(SOCIAL_INSURANCE, 57, "社会保险费申报缴纳管理规定", 7),
                basisOf(SourceCells.ITEM_001_1_RESPONSIBILITY_BASIS));
    }

    @Test
    void recordsLawsNamedWithoutArticlesWithNullArticle() {
        assertEquals(accountability("行政监察法", null, "行政处罚法", null, "行政强制法", null,
                        "行政机关公务员处分条例", null, "四川省行政执法监督条例", null,
                        "四川省行政机关工作人员行政过错责任追究试行办法", null, "四川省行政审批违法违纪行为责任追究办法", null),
                StatuteExtractor.extract(SourceCells.TABLE_003_2_1_PURSUIT, Statute.ACCOUNTABILITY));
    }

    @Test
    void readsEveryArticleOfEveryLawInAnAccountabilityList() {
        assertEquals(accountability("行政处罚法", 76, "行政处罚法", 77, "行政处罚法", 79, "行政处罚法", 81,
                        "行政处罚法", 82, "行政处罚法", 83, SOCIAL_INSURANCE, 92, SOCIAL_INSURANCE, 93,
                        SOCIAL_INSURANCE, 94, "社会保险费征缴暂行条例", 27),
                StatuteExtractor.extract(SourceCells.ITEM_000_1_ACCOUNTABILITY, Statute.ACCOUNTABILITY));
        assertEquals(accountability("行政处罚法", 76, "行政处罚法", 77, "行政处罚法", 79, SOCIAL_INSURANCE, 92,
                        SOCIAL_INSURANCE, 93),
                StatuteExtractor.extract("1.《中华人民共和国行政处罚法》第七十六条、第七十七条、第七十九条 "
                        + "2.《中华人民共和国社会保险法》第九十二条、第九十三条", Statute.ACCOUNTABILITY));
    }

    // --- forms found by scanning all five lists -----------------------------------------------

    @Test
    void readsArticlesFollowingALawInTheSameCellWithoutSeparators() {
        assertEquals(basis(SOCIAL_INSURANCE, 8, SOCIAL_INSURANCE, 26, SOCIAL_INSURANCE, 29),
                basisOf(SourceCells.ITEM_001_2_BASIS));
    }

    @Test
    void readsHtmlCellsWithHeadingsAndArticlesInTheirOwnParagraphs() {
        // 本条例第三十八条 inside the quoted regulation refers to that regulation.
        assertEquals(basis(SOCIAL_INSURANCE, 87, HEALTH_LAW, 104, FUND_REGULATION, 40, FUND_REGULATION, 38,
                        FUND_REGULATION, 42),
                basisOf(SourceCells.ITEM_002_1_BASIS));
    }

    @Test
    void treatsChaptersAsNoArticle() {
        assertEquals(basis("行政处罚法", null, FUND_REGULATION, 40, FUND_REGULATION, 38),
                basisOf(SourceCells.ITEM_002_1_RESPONSIBILITY_BASIS));
    }

    @Test
    void doesNotLetALawNamedInsideANoteTakeTheArticlesOfTheLawItAnnotates() {
        // "（…根据2019年3月2日《国务院关于修改部分行政法规的决定》修订）第五十七条" belongs to 社会救助暂行办法.
        assertEquals(basis(SOCIAL_ASSISTANCE, 57, FUND_REGULATION, 2, FUND_REGULATION, 22),
                basisOf(SourceCells.ITEM_002_CHECK_5_BASIS));
    }

    @Test
    void readsAnArticleCitedInsideANoteAsACitationOfTheNotesLaw() {
        assertEquals(basis("社会保险经办办法", 57, SOCIAL_INSURANCE, 60),
                basisOf(SourceCells.ITEM_004_11_BASIS));
    }

    @Test
    void attachesNoArticleToAnAmendingDecision() {
        // Its "第三十条中的…修改为…" is the amended regulation's article, so the decision stands alone.
        assertEquals(basis(SOCIAL_ASSISTANCE, 27, SOCIAL_ASSISTANCE, 28, SOCIAL_ASSISTANCE, 30, AMENDING_DECISION, null),
                basisOf(SourceCells.ITEM_002_OTHER_3_BASIS));
    }

    @Test
    void switchesLawOnACrossReferenceInsideQuotedText() {
        assertEquals(basis(SOCIAL_ASSISTANCE, 30, AMENDING_DECISION, null, SOCIAL_ASSISTANCE, 3,
                        "国务院办公厅转发民政部等部门关于进一步完善医疗救助制度全面开展重特大疾病医疗救助工作意见的通知", null,
                        "转发民政厅等部门关于进一步完善医疗救助制度全面开展重特大疾病医疗救助工作实施意见的通知", null),
                basisOf(SourceCells.ITEM_002_OTHER_4_BASIS));
        assertEquals(basis("社会保险费征缴暂行条例", 13, SOCIAL_INSURANCE, 86),
                basisOf("《社会保险费征缴暂行条例》第十三条 缴费单位未按规定缴纳的，依照《中华人民共和国社会保险法》第八十六条的规定处理。"));
    }

    @Test
    void keepsTrialMarkAndNestedTitleInTheLawNameAndIgnoresParagraphsAndItems() {
        // 第三条第一款第四项 is article 3 of the notice; its title nests 〈…规定〉.
        assertEquals(basis("高值医用耗材集中采购工作规范（试行）", 42, "高值医用耗材集中采购工作规范（试行）", 44, XINJIANG_NOTICE, 3),
                basisOf(SourceCells.ITEM_002_CHECK_2_BASIS));
    }

    @Test
    void treatsAttachmentItemsAsNoArticle() {
        assertEquals(basis("价格法", 33, "价格法", 34, "价格法", 35, "价格违法行为行政处罚规定", 2,
                        "关于公布新疆维吾尔自治区定价目录的通知", null, XINJIANG_NOTICE, null),
                basisOf(SourceCells.ITEM_002_CHECK_3_BASIS));
    }

    @Test
    void recordsALawNamedInAResponsibilityDescription() {
        assertEquals(basis("打击欺诈骗取医疗保障基金行为举报奖励暂行办法", null),
                basisOf(SourceCells.ITEM_002_OTHER_2_RESPONSIBILITY_BASIS));
    }

    @Test
    void givesALawFollowedByAChapterHeadingANullArticle() {
        assertEquals(basis(SOCIAL_INSURANCE, 87, "基本医疗保险卫生与健康管理条例", null, "基本医疗保险基金使用监督管理办法", 32,
                        "医疗保险基金使用监督管理办法", 32),
                basisOf(SourceCells.ITEM_004_2_BASIS));
    }

    @Test
    void readsTitlesWithUnbalancedHalfWidthBracketsAndNormalisesThem() {
        assertEquals(basis("关于享受（离休干部十八军（集团军）退休人员医疗保障待遇问题的通知", 9),
                basisOf(SourceCells.ITEM_004_8_BASIS));
    }

    @Test
    void readsALawRepeatedBeforeEachArticle() {
        assertEquals(accountability(SOCIAL_INSURANCE, 91, SOCIAL_INSURANCE, 92, SOCIAL_INSURANCE, 93),
                StatuteExtractor.extract(SourceCells.ITEM_004_7_PURSUIT_BASIS, Statute.ACCOUNTABILITY));
    }

    @Test
    void citesARepeatedArticleOnceAndNeverTheYearOfAnOrderNumber() {
        // "(劳动保障部令2003年第10号)第三条:…第三条:" yields article 3 once, and no article 10.
        assertEquals(basis(SOCIAL_INSURANCE, 31, "社会保险稽核办法", 3), basisOf(SourceCells.ITEM_004_15_BASIS));
    }

    @Test
    void ignoresItemQualifiersInEveryBracketStyle() {
        List<Statute> expected = accountability("药品管理法", 149, "价格法", 46);
        assertEquals(expected, StatuteExtractor.extract(SourceCells.ITEM_000_17_ACCOUNTABILITY, Statute.ACCOUNTABILITY));
        assertEquals(expected, StatuteExtractor.extract(SourceCells.ITEM_000_20_ACCOUNTABILITY, Statute.ACCOUNTABILITY));
        assertEquals(accountability("药品管理法", 149, FUND_REGULATION, 42, FUND_REGULATION, 46, FUND_REGULATION, 47,
                        FUND_REGULATION, 48),
                StatuteExtractor.extract(SourceCells.ITEM_000_19_ACCOUNTABILITY, Statute.ACCOUNTABILITY));
    }

    @Test
    void readsPursuitCellsWithBoldAndParagraphMarkup() {
        List<Statute> expected = accountability("公务员法", 63, "公职人员政务处分法", 10, "公务员法", 60, "公务员法", 61,
                "公职人员政务处分法", 12);
        assertEquals(expected, StatuteExtractor.extract(SourceCells.ITEM_000_1_PURSUIT, Statute.ACCOUNTABILITY));
        assertEquals(expected, StatuteExtractor.extract(SourceCells.ITEM_000_13_PURSUIT, Statute.ACCOUNTABILITY));
    }

    @Test
    void treatsFormsAsNoLaw() {
        // 《行政处罚告知书》《行政处罚决定书》《…申请表》《生育证》 are documents to fill in, not enactments.
        assertEquals(List.of(), basisOf(SourceCells.TABLE_003_2_1_DUTIES));
        assertEquals(List.of(), basisOf(SourceCells.ITEM_004_7_DUTIES));
        assertEquals(List.of(), basisOf("制作《行政处罚决定书》第三条"));
    }

    // --- rules stated in the brief, on small texts --------------------------------------------

    @Test
    void mergesTheFullAndShortNameOfALaw() {
        assertEquals(basis(SOCIAL_INSURANCE, 8), basisOf("《社会保险法》第八条；《中华人民共和国社会保险法》第八条"));
    }

    @Test
    void neverReadsADocumentNumberAsAnArticle() {
        assertEquals(basis("社会保险稽核办法", null), basisOf("《社会保险稽核办法》（劳动部令第16号）"));
        assertEquals(basis("关于进一步深化改革的意见", null), basisOf("《关于进一步深化改革的意见》（国办发〔2019〕1号）"));
        assertEquals(basis("社会保险费申报缴纳管理规定", null),
                basisOf("《社会保险费申报缴纳管理规定》（中华人民共和国人力资源和社会保障部令第20号  2013年11月1日施行）"));
        assertEquals(basis("社会救助暂行办法", null), basisOf("《社会救助暂行办法》 国务院令第649号"));
    }

    @Test
    void recordsANullArticleOnlyWhenTheTextCitesNoArticleOfThatLaw() {
        // The bare first mention of 社会保险法 is dropped; each record sits where its own citation is.
        assertEquals(basis("行政处罚法", null, SOCIAL_INSURANCE, 8),
                basisOf("依据《社会保险法》和《行政处罚法》的规定；《社会保险法》第八条"));
    }

    @Test
    void recognisesALawNamedWithoutTitleMarksBeforeAnArticle() {
        assertEquals(basis(SOCIAL_INSURANCE, 87), basisOf("依据社会保险法第八十七条"));
        assertEquals(basis("社会保险费征缴暂行条例", 13), basisOf("根据中华人民共和国社会保险费征缴暂行条例第十三条"));
    }

    @Test
    void staysConservativeWithNamesWithoutTitleMarks() {
        // No article, "本条例", "有关规定" and a conjunction are no law's name.
        assertEquals(List.of(), basisOf("依照民事诉讼法的有关规定送达"));
        assertEquals(List.of(), basisOf("依照本条例第三十八条处理"));
        assertEquals(List.of(), basisOf("按照国家有关规定第五条执行"));
        assertEquals(basis(FUND_REGULATION, 38), basisOf("《医疗保障基金使用监督管理条例》依照行政处罚法和本条例第三十八条处理"));
    }

    @Test
    void rejectsArticleZeroAndArticlesBeyondTheLongestCode() {
        // The civil code, the longest law, has 1260 articles.
        assertEquals(basis("某某法", null), basisOf("《某某法》第一千三百零一条"));
        assertEquals(basis("某某法", null), basisOf("《某某法》第0条"));
        assertEquals(basis("民法典", 1260), basisOf("《民法典》第一千二百六十条"));
    }

    @Test
    void readsArabicFullWidthAndSpacedArticleNumbers() {
        assertEquals(basis("某某法", 5, "某某法", 12, "某某法", 7), basisOf("《某某法》第5条、第１２条，第 7 条"));
    }

    @Test
    void readsChineseNumeralArticlesInText() {
        assertEquals(basis("某某法", 11, "某某法", 20, "某某法", 104, "某某法", 110, "某某法", 2),
                basisOf("《某某法》第十一条、第二十条、第一百零四条、第一百一十条、第两条"));
    }

    @Test
    void handsBackNothingForEmptyInputAndRequiresARole() {
        assertEquals(List.of(), StatuteExtractor.extract(null, Statute.BASIS));
        assertEquals(List.of(), StatuteExtractor.extract("  ", Statute.BASIS));
        assertEquals(List.of(), StatuteExtractor.extract("无明确规定", Statute.BASIS));
        assertThrows(NullPointerException.class, () -> StatuteExtractor.extract("《社会保险法》", null));
    }

    @Test
    void findsNoStatuteInADutyDescription() {
        assertTrue(basisOf(SourceCells.TABLE_003_1_DUTY).isEmpty());
    }
    // --- names, versions and quotations ---------------------------------------------------------

    @Test
    void readsTheCivilCodeWithOrWithoutTitleMarksAndASpace() {
        // 民法典 ends in 典, which the title check once missed; a known name needs no 《》 or verb.
        List<Statute> expected = basis("民法典", 843);
        assertEquals(expected, basisOf("《中华人民共和国民法典》第八百四十三条"));
        assertEquals(expected, basisOf("民法典 第八百四十三条"));
        assertEquals(expected, basisOf("民法典第843条"));
    }

    @Test
    void resolvesShortFormsToTheLawsName() {
        assertEquals(basis(SOCIAL_INSURANCE, 84, "社会保险费征缴暂行条例", 23),
                basisOf("《社保法》第八十四条、《征缴条例》第二十三条"));
        assertEquals(basis(FUND_REGULATION, 38), basisOf("医保条例第三十八条"));
    }

    @Test
    void readsAShortTitleTheTextDefinesForItself() {
        assertEquals(basis("农业转基因生物安全管理条例", 43),
                basisOf("根据《农业转基因生物安全管理条例》（以下简称《条例》），按照《条例》第四十三条的规定处罚。"));
        // Without the definition 《条例》 names no law.
        assertEquals(List.of(), basisOf("按照《条例》第四十三条的规定处罚"));
    }

    @Test
    void keepsTheVersionANoteNames() {
        List<Statute> found = basisOf("《中华人民共和国行政处罚法》（2017年9月1日第二次修正）第十五条、第三十条");
        assertEquals(basis("行政处罚法", 15, "行政处罚法", 30), found);
        assertEquals("2017年9月1日第二次修正", found.get(0).version());
        assertEquals("2017年9月1日第二次修正", found.get(1).version());
        // An order number is no version.
        assertEquals(null, basisOf("《社会保险稽核办法》（劳动部令第16号）第二条").get(0).version());
    }

    @Test
    void keepsTheArticleTextAListQuotes() {
        List<Statute> found = basisOf(SourceCells.ITEM_001_2_BASIS);
        assertEquals("社会保险经办机构提供社会保险服务，负责社会保险登记、个人权益记录、社会保险待遇支付等工作。",
                found.get(0).quote().text());
        assertEquals(false, found.get(0).quote().marked());
        Statute marked = basisOf("1.【法律】《中华人民共和国社会保险法》第八十七条：社会保险经办机构以及医疗机构骗取社会保险基金支出的。"
                + "2.【法律】《中华人民共和国基本医疗卫生与健康促进法》第一百零四条").get(0);
        assertEquals(new Statute.Quote("社会保险经办机构以及医疗机构骗取社会保险基金支出的。", true), marked.quote());
    }

    @Test
    void quotesNothingAfterAListOfArticlesOrAnotherCitation() {
        for (Statute st : StatuteExtractor.extract(SourceCells.ITEM_000_1_ACCOUNTABILITY, Statute.ACCOUNTABILITY)) {
            assertEquals(null, st.quote(), st.path());
        }
        // 本条例第三十八条 inside the quotation neither ends it nor takes a quotation of its own.
        List<Statute> found = basisOf("《医疗保障基金使用监督管理条例》第四十条：定点医药机构以骗取医疗保障基金为目的，"
                + "实施了本条例第三十八条规定行为之一，造成医疗保障基金损失的，按照本条规定处理。");
        assertEquals("定点医药机构以骗取医疗保障基金为目的，实施了本条例第三十八条规定行为之一，造成医疗保障基金损失的，按照本条规定处理。",
                found.get(0).quote().text());
        assertEquals(null, found.get(1).quote());
    }
}
