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
 * The 004 layout: an 18-column header over two rows (事项名称 split into 项目 / 子项 in the second);
 * an 18-cell row; item 7 with an extra 无明确规定 cell, which pushes its steps one column right;
 * 15-cell rows with 实施主体 missing and later columns shifted; levels 县区级、镇级 and
 * 自治区、盟、地、州、县级….
 */
class TwoRowHeaderLayoutTest extends LayoutContractTest {

    private static final String REGIONAL = "自治区、盟、地、州、县级";

    @Override
    String fixture() {
        return "004-two-row-header.txt";
    }

    @Override
    Class<? extends Layout> expectedLayout() {
        return TwoRowHeaderLayout.class;
    }

    @Override
    List<ExpectedRecord> expectedRecords() {
        return List.of(
                power("fixture-1").seq("1").powerType("行政处罚")
                        .name("对用人单位不办理医疗保险登记手续、未按规定变更已登记信息、变更登记的证明材料不全")
                        .authority("医疗保险经办机构").units("基金监督科")
                        .levels("县级", "乡级").levelRaw("县区级、镇级")
                        .steps("立案责任", "调查取证责任", null)
                        .accountability("1.违法实施行政处罚，非法征收罚款的。2.国家工作人员在社会保障管理、监督工作中滥用职权、玩忽职守、徇私舞弊的。")
                        .statutes(basisCites("社会保险法", 87)),
                power("fixture-7").seq("7").powerType("行政给付")
                        .name("城镇职工基本医疗保险待遇支付")
                        .authority("医疗保险经办机构").units("医疗保险服务中心")
                        .levels("县级", "乡级").levelRaw("县区级、镇级")
                        .steps("受理责任", "审核责任", "决定责任")
                        .responsibilityBasis("【法律】《中华人民共和国社会保险法》第九十一条【法律】《中华人民共和国社会保险法》第九十二条")
                        .statutes(basisCites("社会保险法", 88), accountabilityCites("社会保险法", 91),
                                accountabilityCites("社会保险法", 92)),
                power("fixture-8").seq("8").powerType("其他行政权力")
                        .name("集体干部和十八(四属)亲属遗体安葬费用支付")
                        .authority(null).units("医疗保障服务中心")
                        .levels("省级", "市级", "县级").levelRaw(REGIONAL + "机构")
                        .steps("受理责任", "审核责任", "决定责任")
                        .responsibilityBasis("【法律】《中华人民共和国社会保险法》第十九条。")
                        .statutes(basisCites("关于享受（离休干部十八军（集团军）退休人员医疗保障待遇问题的通知", 9),
                                accountabilityCites("社会保险法", 19)),
                power("fixture-9").seq("9").powerType("行政检查")
                        .name("对用人单位和个人遵守劳动保障法律法规、法规规章执行情况")
                        .authority(null).units("普通保障科", "基金监督科")
                        .levels("省级", "市级", "县级").levelRaw(REGIONAL + "部门")
                        .steps("检查责任", "处置责任", null)
                        .accountability("在监督检查过程中滥用职权、玩忽职守、徇私舞弊的,调离用人单位和个人的信息。")
                        .statutes(basisCites("社会保险法", 77), accountabilityCites("社会保险法", 92),
                                accountabilityCites("社会保险法", 93)));
    }

    @Test
    void keepsTheRawTypeWhereAnOutsideLabelMapsToOtherPowers() {
        assertEquals("行政执行", record("fixture-8").powerTypeRaw());
    }

    @Test
    void readsTheShiftedRowsLaterColumnsByContent() {
        PowerRecord r = record("fixture-8");
        assertEquals("参保人员(单位)申请", r.acceptanceConditions());
        assertEquals("不超过15个工作日", r.timeLimit());
        assertNull(r.accountability());
    }

    @Test
    void readsTheRowWithAnExtraNoProvisionCellWithoutLosingItsSteps() {
        PowerRecord r = record("fixture-7");
        assertEquals("决定责任", r.responsibilities().get(2).title());
        assertNull(r.accountability(), "the row states no 追责情形; the steps must not be taken for one");
    }
}
