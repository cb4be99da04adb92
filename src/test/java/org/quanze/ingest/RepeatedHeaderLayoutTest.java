package org.quanze.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quanze.ingest.ExpectedRecord.accountabilityCites;
import static org.quanze.ingest.ExpectedRecord.basisCites;
import static org.quanze.ingest.ExpectedRecord.power;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;

/**
 * The 000 layout: the two-line header block (权力清单 / 责任清单 over the labels) repeated before
 * every row; {@code <b>} and {@code <p>} inside cells; 追责情形 and 免责情形 in one cell, headed in
 * bold, in paragraphs or inline; and header blocks that lost their 监督方式 label (with 备注 shifted
 * left in the group row), once before and once after the complete block.
 */
class RepeatedHeaderLayoutTest extends LayoutContractTest {

    private static final String UNIT = "基金和大数据科";
    private static final String PHONE = "0825-5801815";

    @Override
    String fixture() {
        return "000-repeated-header.txt";
    }

    @Override
    Class<? extends Layout> expectedLayout() {
        return RepeatedHeaderLayout.class;
    }

    @Override
    List<ExpectedRecord> expectedRecords() {
        return List.of(
                power("fixture-1").seq("1").powerType("行政处罚")
                        .name("对缴费单位未按照规定办理社会保险登记、变更登记或者注销登记的行政处罚")
                        .units(UNIT)
                        .steps("立案责任", "调查责任", "其他责任")
                        .accountability("《中华人民共和国公务员法》第六十三条以及其他依法应当追究的情形。")
                        .exemption("《中华人民共和国公务员法》第六十条以及其他依法应当免责的情形。")
                        .supervision(PHONE)
                        .notes("与人力资源社会保障部门按职责分工分别行使")
                        .statutes(basisCites("社会保险法", 84), basisCites("社会保险费征缴暂行条例", 23),
                                accountabilityCites("行政处罚法", 76), accountabilityCites("行政处罚法", 77),
                                accountabilityCites("社会保险费征缴暂行条例", 27),
                                accountabilityCites("公务员法", 63), accountabilityCites("公务员法", 60)),
                power("fixture-2").seq("2").powerType("行政处罚")
                        .name("对用人单位未按时足额缴纳社会保险费的行政处罚")
                        .units(UNIT)
                        .steps("立案责任", "送达责任", "其他责任")
                        .basis("《中华人民共和国社会保险法》第八十六条")
                        .responsibilityBasis("1.《中华人民共和国行政处罚法》第七十六条\n2.《中华人民共和国社会保险法》第九十二条、第九十三条")
                        .accountability("《中华人民共和国公务员法》第六十三条以及其他依法应当追究的情形。")
                        .exemption("《中华人民共和国公务员法》第六十一条以及其他依法应当免责的情形。")
                        .supervision(PHONE)
                        .notes(null)
                        .statutes(basisCites("社会保险法", 86), accountabilityCites("行政处罚法", 76),
                                accountabilityCites("社会保险法", 92), accountabilityCites("社会保险法", 93),
                                accountabilityCites("公务员法", 63), accountabilityCites("公务员法", 61)),
                power("fixture-3").seq("3").powerType("行政检查")
                        .name("劳动保障监督检查")
                        .units(UNIT)
                        .steps("检查责任", "处置责任")
                        .accountability("《中华人民共和国公职人员政务处分法》第十条以及其他依法应当追究的情形。")
                        .exemption("《中华人民共和国公职人员政务处分法》第十二条以及其他依法应当免责的情形。")
                        .supervision(PHONE)
                        .statutes(basisCites("劳动保障监察条例", 11), accountabilityCites("劳动保障监察条例", 31),
                                accountabilityCites("公职人员政务处分法", 10), accountabilityCites("公职人员政务处分法", 12)));
    }

    /**
     * Regression: when the first header block of the table was the one that lost 监督方式, the rows
     * before the complete block filed their phone number under 备注.
     */
    @Test
    void readsThePhoneOfRowsAboveTheCompleteHeaderBlockAsSupervisionNotAsNotes() {
        PowerRecord first = record("fixture-1");
        assertEquals(PHONE, first.supervision());
        assertEquals("与人力资源社会保障部门按职责分工分别行使", first.notes());
    }

    @Test
    void takesTheTitleFromTheDocumentsOwnMarkdownHeading() {
        assertEquals("市医保局权责清单", record("fixture-1").source().title());
    }

    @Test
    void keepsTheParagraphsOfStepsWrappedInHtmlAsSeparateSteps() {
        assertEquals("向当事人交付处罚决定书。", record("fixture-2").responsibilities().get(1).text());
    }
}
