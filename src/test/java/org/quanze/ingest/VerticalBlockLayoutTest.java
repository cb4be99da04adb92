package org.quanze.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quanze.ingest.ExpectedRecord.accountabilityCites;
import static org.quanze.ingest.ExpectedRecord.duty;
import static org.quanze.ingest.ExpectedRecord.power;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;

/**
 * The 003 layout: 表1 with the department's 主体责任 as numbered duties （一）…（三） (the last
 * behind a Word bookmark) and its 职责边界, then one key/value block per power, 表2-1 and 表2-2,
 * whose 序号 restarts at 1 with the next power type; step lines indented or not.
 */
class VerticalBlockLayoutTest extends LayoutContractTest {

    private static final String BOUNDARY = "职责边界：与市人力资源社会保障局按职责分工分别行使社会保险经办职责。";
    private static final String ACCOUNTABILITY = "对不履行或不正确履行行政职责的行政机关及其工作人员，依据《中华人民共和国行政处罚法》"
            + "《行政机关公务员处分条例》等法律法规规章的相关规定追究相应的责任。";
    private static final String PHONE = "0839-3261252";

    @Override
    String fixture() {
        return "003-vertical-blocks.txt";
    }

    @Override
    Class<? extends Layout> expectedLayout() {
        return VerticalBlockLayout.class;
    }

    @Override
    List<ExpectedRecord> expectedRecords() {
        return List.of(
                duty("fixture-duty-1").seq("（一）").table("表1")
                        .name("负责贯彻执行国家、省、市有关医疗保险、生育保险、医疗救助等医疗保障政策制度。").notes(BOUNDARY),
                duty("fixture-duty-2").seq("（二）").table("表1")
                        .name("组织起草有关地方性法规和规章草案。负责拟订全市医疗保障事业发展规划、政策和标准，并组织实施和监督检查。")
                        .notes(BOUNDARY),
                duty("fixture-duty-3").seq("（三）").table("表1").name("承办市政府交办的其他事项。").notes(BOUNDARY),
                power("fixture-2-1").seq("1").table("表2-1").powerType("行政处罚")
                        .name("对缴费单位未按照规定办理社会保险登记、变更登记或者注销登记的处罚")
                        .units("稽核稽查科", "医疗保障事务中心")
                        .steps("立案责任", "调查责任", "其他责任")
                        .accountability(ACCOUNTABILITY).supervision(PHONE)
                        .statutes(accountabilityCites("行政处罚法", null), accountabilityCites("行政机关公务员处分条例", null)),
                power("fixture-2-2").seq("1").table("表2-2").powerType("行政强制")
                        .name("对未按规定缴纳或代扣代缴社会保险费的用人单位加收滞纳金")
                        .units("稽核稽查科")
                        .steps("催告责任", "决定责任")
                        .accountability(ACCOUNTABILITY).supervision(PHONE)
                        .statutes(accountabilityCites("行政处罚法", null), accountabilityCites("行政机关公务员处分条例", null)));
    }

    @Test
    void readsTheDutiesOfTable1AsRecordsOfTheirOwnKind() {
        List<String> kinds = ingestFixture().records().stream().map(PowerRecord::kind).toList();
        assertEquals(List.of("duty", "duty", "duty", "power", "power"), kinds);
    }

    @Test
    void readsStepLinesIndentedUnderTheFirstAsStepsOfTheSameCell() {
        assertEquals("医疗保障事务中心和稽核稽查人员进行调查不得少于2人。", record("fixture-2-1").responsibilities().get(1).text());
    }
}
