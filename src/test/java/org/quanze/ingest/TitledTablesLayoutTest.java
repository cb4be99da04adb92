package org.quanze.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.ingest.ExpectedRecord.accountabilityCites;
import static org.quanze.ingest.ExpectedRecord.basisCites;
import static org.quanze.ingest.ExpectedRecord.power;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;

/**
 * The 002 layout: two tables, each under its own title, unit and date lines, numbering restarting
 * in the second; a 14-cell row whose 部门职责 is empty and whose duty text sits one cell right; a
 * 15-cell header repeated inside the first table; 15-cell rows with 部门职责 repeated (later
 * columns shifted by one); and a row with statute text where 追责对象范围 belongs. The first
 * table's ids carry no table number, so adding a table to a file renames none of its items; the
 * duty text's 直接实施责任 is a section heading (an entry without text) over untitled steps.
 */
class TitledTablesLayoutTest extends LayoutContractTest {

    private static final String TABLE_1 = "伊宁市医疗保障局权责清单汇总表（共计4项、行政处罚2项、检查1项、强制1项）";
    private static final String TABLE_2 = "伊宁市医疗保障局权责清单汇总表（2022年度三级四同）";
    private static final String AUTHORITY = "伊宁市医疗保障局";
    private static final String PARTIES_IN_PARAGRAPHS = "1. 具体承办人；\n2. 具体承办的业务科室负责人；\n3. 单位法定代表人或分管领导。";
    private static final String PARTIES_INLINE = "1. 具体承办人；2. 具体承办的业务科室负责人；3. 单位法定代表人或分管领导。";
    private static final String FAILING = "因不履行或不正确履行行政职责，有下列情形之一的，行政机关及相关工作人员应承担相应的责任：";

    @Override
    String fixture() {
        return "002-titled-tables.txt";
    }

    @Override
    Class<? extends Layout> expectedLayout() {
        return TitledTablesLayout.class;
    }

    @Override
    List<ExpectedRecord> expectedRecords() {
        return List.of(
                power("fixture-1").seq("1").table(TABLE_1).powerType("行政处罚")
                        .name("对医疗保险经办机构以及医疗机构、药品经营单位等医疗保障服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险基金支出的处罚")
                        .authority(AUTHORITY).units("综合业务科").levels("县级").levelRaw("县市级")
                        .departmentDuty("负责伊宁市辖区对医疗保险经办机构以及医疗机构、药品经营单位等医疗保障服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险基金支出的处罚")
                        .responsibilityBasis("【法律】《中华人民共和国行政处罚法》（2021年1月22日修订）\n第五章、第六章、第七章。")
                        .accountableParties(PARTIES_IN_PARAGRAPHS)
                        .accountability(FAILING + "\n1. 对符合法定条件的申请不予受理立案的；\n2. 其他违反法律法规规章文件规定的行为。")
                        .statutes(basisCites("社会保险法", 87), accountabilityCites("行政处罚法", null)),
                power("fixture-2").seq("2").table(TABLE_1).powerType("行政处罚")
                        .name("对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的处罚")
                        .authority(AUTHORITY).units("综合业务科").levels("县级").levelRaw("县市级")
                        .departmentDuty("负责伊宁市辖区对采取虚报、隐瞒、伪造等手段，骗取医疗救助资金的处罚")
                        .steps("直接实施责任", null, null)
                        .accountableParties(PARTIES_INLINE)
                        .accountability(FAILING + "1. 对符合法定条件的申请不予受理的；2. 其他违反法律法规规章文件规定的行为。")
                        .statutes(basisCites("社会救助暂行办法", 68), accountabilityCites("行政处罚法", null)),
                power("fixture-t2-1").seq("1").table(TABLE_2).powerType("行政检查")
                        .name("医疗稽核核")
                        .authority(AUTHORITY).units("综合业务科", "待遇保障科").levels("县级").levelRaw("县市级")
                        .departmentDuty("负责伊宁市辖区的医疗稽核核")
                        .steps("直接实施责任", null, null)
                        .accountableParties(PARTIES_IN_PARAGRAPHS)
                        .accountability(FAILING + "\n1. 未按规定开展稽核的；\n2. 其他违反法律法规规章文件规定的行为。")
                        .statutes(basisCites("社会保险法", 31), accountabilityCites("医疗保障基金使用监督管理条例", 22)),
                power("fixture-t2-2").seq("2").table(TABLE_2).powerType("行政强制")
                        .name("对可能被转移、隐匿或者灭失的医疗保险基金相关资料进行封存")
                        .authority(AUTHORITY).units("综合业务科").levels("县级").levelRaw("县市级")
                        .steps("直接实施责任", null, null)
                        .responsibilityBasis("【法律】《中华人民共和国行政强制法》（2011年6月30日通过）\n第三十四条、第三十五条。\n"
                                + "【法律】《中华人民共和国行政强制法》（2011年6月30日通过）\n第四十四条。")
                        .accountableParties(null)
                        .accountability(FAILING + "\n扩大查封、扣押范围的。其他违反法律法规规章文件规定的行为。")
                        .statutes(basisCites("社会保险法", 79), accountabilityCites("行政强制法", 34),
                                accountabilityCites("行政强制法", 35), accountabilityCites("行政强制法", 44)));
    }

    @Test
    void restartsNumberingInTheSecondTableWithoutCollidingIds() {
        List<PowerRecord> records = ingestFixture().records();
        assertEquals(List.of("1", "2", "1", "2"), records.stream().map(PowerRecord::seq).toList());
        assertEquals(4, records.stream().map(PowerRecord::id).distinct().count());
    }

    @Test
    void alignsEveryShiftedRowSoItsAccountabilityIsTheFailingToPerformText() {
        for (PowerRecord r : ingestFixture().records()) {
            assertTrue(r.accountability().startsWith("因不履行或不正确履行"), r.id());
        }
    }

    @Test
    void neverTakesStatuteTextForTheAccountableParties() {
        for (PowerRecord r : ingestFixture().records()) {
            String parties = r.accountableParties() == null ? "" : r.accountableParties();
            assertTrue(!parties.contains("《") && !parties.contains("【"), r.id() + ": " + parties);
        }
    }
}
