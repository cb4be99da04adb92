package org.quanze.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quanze.ingest.ExpectedRecord.accountabilityCites;
import static org.quanze.ingest.ExpectedRecord.basisCites;
import static org.quanze.ingest.ExpectedRecord.power;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;

/**
 * The 001 layout: one cell per line after a tab, a stray space before the first tab of the file,
 * cells running over several lines (paragraphs without a tab), 序号 padded with spaces, en spaces
 * inside basis text, an empty 备注, no title and no level.
 */
class PlainTableLayoutTest extends LayoutContractTest {

    @Override
    String fixture() {
        return "001-cell-per-line.txt";
    }

    @Override
    Class<? extends Layout> expectedLayout() {
        return PlainTableLayout.class;
    }

    @Override
    List<ExpectedRecord> expectedRecords() {
        return List.of(
                power("fixture-1").seq("1").powerType("行政确认")
                        .name("参保单位参加社会保险登记及缴费基数核定")
                        .units("医保服务中心")
                        .basis("《社会保险法》第五十七条用人单位应当自成立之日起三十日内向当地社会保险经办机构申请办理社会保险登记。\n"
                                + "社会保险经办机构应当自收到申请之日起十五日内予以审核。")
                        .steps("受理责任", "审查责任", null)
                        .responsibilityBasis("《社会保险法》(2011年7月1日施行)第五十七条")
                        .accountableParties("单位法定代表人、分管领导、科室负责人、具体承办人")
                        .notes(null)
                        .statutes(basisCites("社会保险法", 57), accountabilityCites("社会保险法", 57)),
                power("fixture-9").seq("9").powerType("行政检查")
                        .name("医疗保险稽核")
                        .units("医保中心")
                        .steps("检查责任", "处置责任", "事后管理责任")
                        .accountableParties("定点医疗机构、定点药店、参保单位、参保人员")
                        .statutes(basisCites("社会保险法", 31), basisCites("社会保险稽核办法", 2),
                                basisCites("社会保险稽核办法", 3), accountabilityCites("社会保险法", 31),
                                accountabilityCites("社会保险稽核办法", 2), accountabilityCites("社会保险稽核办法", 3)));
    }

    @Test
    void joinsTheLinesOfAMultiLineCellWithNewlinesAndStartsANewStepAtEachNumber() {
        PowerRecord r = record("fixture-9");
        assertEquals(List.of("定期根据法律法规对相关工作开展检查。", "根据有关规定作出相应处置措施。", "对检查情况进行汇总、分类、归档备查。"),
                r.responsibilities().stream().map(s -> s.text()).toList());
    }

    @Test
    void leavesTheTitleEmptyWhereTheListHasNoHeading() {
        assertNull(record("fixture-1").source().title());
    }

    @Test
    void readsTheStepWithoutATitleAsAStepWithItsWholeText() {
        assertEquals("法律法规规章文件规定应履行的其他责任。", record("fixture-1").responsibilities().get(2).text());
    }
}
