package org.quanze.ingest;

import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;
import org.quanze.model.Step;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.ingest.SheetFixture.sheet;

/**
 * The structures real lists are published in, each on a small workbook built here the way an
 * office builds it (merged cells, hidden rows, leftover columns …), read into exact records. The
 * shapes come from the city lists kept as a test set; nothing here is keyed on their words.
 */
class TableStructureTest {

    /** The 克拉玛依 header: 实施层级及权限 is merged over two columns (the level, then the power it holds). */
    static final String[] HEADER = {"序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "承办机构", "实施层级及权限", "",
            "部门职责", "责任事项内容", "备注"};
    static final String HEADER_MERGE = "H%d:I%d";

    static SheetFixture.Tab listSheet(String name) {
        return sheet(name).row("克拉玛依市某局权责清单").row(HEADER).merge("A1:L1", HEADER_MERGE.formatted(2, 2));
    }

    static String[] item(String seq, String name, String sub, String type, String basis, String units, String level, String power) {
        return new String[] {seq, name, sub, type, basis, "克拉玛依市某局", units, level, power, "负责" + name, "直接实施责任：1.依法实施。", ""};
    }

    static Ingester.FileResult ingest(String file, byte[] bytes) {
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest(file, bytes);
        assertNull(r.error(), () -> file + ": " + r.error() + " " + r.skips());
        assertTrue(r.rows().addsUp(), () -> file + ": " + r.rows());
        return r;
    }

    /** A record as one line: id | name | sub-item | type | units | levels | basis. */
    static String line(PowerRecord r) {
        return String.join(" | ", r.id(), r.name(), String.valueOf(r.subItem()), r.powerType(), String.join("、", r.units()),
                String.join("、", r.levels()), String.valueOf(r.basis()));
    }

    static List<String> lines(Ingester.FileResult r) {
        return r.records().stream().map(TableStructureTest::line).toList();
    }

    static List<String> remarks(Ingester.FileResult r) {
        return r.remarks().stream().map(Object::toString).toList();
    }

    // ---- items over several rows ------------------------------------------------------------

    @Test
    void readsEachSubItemUnderAMergedItemAsARecordNamedAsTheItem() {
        SheetFixture.Tab s = listSheet("附表1")
                .row(item("1", "民办学校设立、变更及终止审批", "1.设立审批", "行政许可", "【法律】《民办教育促进法》第十二条", "职业能力建设科", "地州市级", "负责设立审批"))
                .row(item(null, null, "2.变更审批", "行政许可", "【法律】《民办教育促进法》第五十三条", "职业能力建设科", "地州市级", "负责变更审批"))
                .row(item(null, null, "3.终止审批", "行政许可", "【法规】《民办教育促进法实施条例》第五十四条", "职业能力建设科", "地州市级", "地州市级"))
                .row(item("2", "技工学校设立审批", "无", "行政许可", "【国务院决定】《国务院对确需保留的行政审批项目设定行政许可的决定》", "职业能力建设科", "地州市级", ""))
                .row(item("3", "防空地下室报建审批", "1.同步建设审批", "行政许可", "【法律】《人民防空法》第二十二条", "工程建设管理科", "地州市级", ""))
                .row(new String[12])
                .row(item(null, null, "2.易地建设审批", "行政许可", "【法律】《人民防空法》第二十二条", "工程建设管理科", "地州市级", ""))
                .row(new String[12])
                // The 序号 covers all three rows of item 1, its name only the first two: still item 1.
                .merge("A3:A5", "B3:B4", "A7:A10", "B7:B10")
                // A sub-item spread over two rows, with an empty spacer row under it.
                .merge("C7:C8", "C9:C10", "D7:D8", "D9:D10", "E7:E8", "E9:E10", "G7:G8", "G9:G10", "H7:H8", "H9:H10");
        Ingester.FileResult r = ingest("list.xlsx", SheetFixture.xlsx(s));
        assertEquals(List.of(
                "list-1 | 民办学校设立、变更及终止审批 | 1.设立审批 | 行政许可 | 职业能力建设科 | 市级 | 【法律】《民办教育促进法》第十二条",
                "list-1.2 | 民办学校设立、变更及终止审批 | 2.变更审批 | 行政许可 | 职业能力建设科 | 市级 | 【法律】《民办教育促进法》第五十三条",
                "list-1.3 | 民办学校设立、变更及终止审批 | 3.终止审批 | 行政许可 | 职业能力建设科 | 市级 | 【法规】《民办教育促进法实施条例》第五十四条",
                "list-2 | 技工学校设立审批 | null | 行政许可 | 职业能力建设科 | 市级 | 【国务院决定】《国务院对确需保留的行政审批项目设定行政许可的决定》",
                "list-3 | 防空地下室报建审批 | 1.同步建设审批 | 行政许可 | 工程建设管理科 | 市级 | 【法律】《人民防空法》第二十二条",
                "list-3.2 | 防空地下室报建审批 | 2.易地建设审批 | 行政许可 | 工程建设管理科 | 市级 | 【法律】《人民防空法》第二十二条"), lines(r));
        assertEquals(new IngestReport.Rows(10, 3, 3, 2, 2, 0, 0), r.rows());
    }

    @Test
    void keepsTheSecondColumnOfAHeaderMergedOverTwoInTheNotesUnlessItRepeatsTheFirst() {
        SheetFixture.Tab s = listSheet("Sheet1")
                .row(item("1", "对统计违法行为的检查", null, "行政检查", "【法律】《统计法》第三十六条", "执法科", "市级", "负责市本级统计违法行为的检查"))
                .row(item("2", "对外劳务合作经营资格核准", null, "行政许可", "【法规】《对外劳务合作管理条例》第五条", "外经外贸科",
                        "地州市级；负责初审", "地州市级；负责初审"));
        Ingester.FileResult r = ingest("list.xlsx", SheetFixture.xlsx(s));
        PowerRecord first = r.records().get(0), second = r.records().get(1);
        assertEquals("市级", first.levelRaw());
        assertEquals(List.of("市级"), first.levels());
        assertEquals("实施层级及权限：负责市本级统计违法行为的检查", first.notes());
        assertEquals("地州市级；负责初审", second.levelRaw());
        assertEquals(List.of("市级"), second.levels());
        assertNull(second.notes());
    }

    @Test
    void readsTheSameStructureFromAWordTableWithGridSpanAndVMerge() throws Exception {
        Grid g = new Grid("list.docx", List.of(
                new Grid.Row(1, List.of("序号", "事项名称", "子项名称", "权力类型", "实施层级及权限", "")),
                new Grid.Row(2, List.of("1", "民办学校设立、变更审批", "1.设立审批", "行政许可", "地州市级", "负责设立审批")),
                new Grid.Row(3, List.of("", "", "2.变更审批", "行政许可", "地州市级", "负责变更审批"))));
        byte[] docx = WordFixtures.docx(g, List.of(new OfficeFixtures.Merge(0, 0, 4, 5),
                new OfficeFixtures.Merge(1, 2, 0, 0), new OfficeFixtures.Merge(1, 2, 1, 1)));
        Ingester.FileResult r = ingest("list.docx", docx);
        assertEquals(List.of("list-1 民办学校设立、变更审批 1.设立审批 地州市级 实施层级及权限：负责设立审批",
                        "list-1.2 民办学校设立、变更审批 2.变更审批 地州市级 实施层级及权限：负责变更审批"),
                r.records().stream().map(p -> String.join(" ", p.id(), p.name(), p.subItem(), p.levelRaw(), p.notes())).toList());
    }

    @Test
    void readsAnItemHardWrappedOverRowsMergedDownAsOneItem() {
        SheetFixture.Tab s = listSheet("打印版")
                .row(item("1", "道路旅客运输经营许可", null, "行政许可", "【法规】《道路运输条例》第十条", "运输管理科", "市级", ""))
                .row(new String[12]).row(new String[12])
                .row(item("2", "公路超限运输许可", null, "行政许可", "【法律】《公路法》第七十六条", "规划建设科", "市级", ""))
                .row(item("3", "船员适任证书核发", null, "行政许可", "【法律】《海上交通安全法》第十四条", "综合行政执法局", "市级", ""))
                .row(new String[12]);
        for (char c = 'A'; c <= 'L'; c++) s.merge(c + "3:" + c + "5", c + "7:" + c + "8");
        Ingester.FileResult r = ingest("list.xlsx", SheetFixture.xlsx(s));
        assertEquals(List.of("list-1 | 道路旅客运输经营许可 | null | 行政许可 | 运输管理科 | 市级 | 【法规】《道路运输条例》第十条",
                "list-2 | 公路超限运输许可 | null | 行政许可 | 规划建设科 | 市级 | 【法律】《公路法》第七十六条",
                "list-3 | 船员适任证书核发 | null | 行政许可 | 综合行政执法局 | 市级 | 【法律】《海上交通安全法》第十四条"), lines(r));
        assertEquals(new IngestReport.Rows(8, 3, 0, 3, 2, 0, 0), r.rows());
    }

    @Test
    void appendsARowWithoutSeqOrNameToTheItemAboveAsItsContinuation() {
        SheetFixture.Tab s = listSheet("Sheet1")
                .row(item("1", "对违法行为的处罚", null, "行政处罚", "【法律】《某法》第十条", "执法科", "市级", ""))
                .row(null, null, null, null, "【法规】《某条例》第二十条");
        Ingester.FileResult r = ingest("list.xlsx", SheetFixture.xlsx(s));
        assertEquals(List.of("list-1 | 对违法行为的处罚 | null | 行政处罚 | 执法科 | 市级 | 【法律】《某法》第十条\n【法规】《某条例》第二十条"), lines(r));
        assertEquals(new IngestReport.Rows(4, 1, 0, 1, 2, 0, 0), r.rows());
    }

    @Test
    void readsAnItemWithoutSeqButWithANameAsAnItemOfItsOwn() {
        SheetFixture.Tab s = listSheet("1")
                .row(item("19", "对特定零售商促销内容的备案", null, "其他行政权力", "【规章】《促销管理办法》第二十条", "行业管理科", "地州市级", ""))
                .row(item(null, "洗染业经营者备案", null, "其他行政权力", "【规章】《洗染业管理办法》第五条", "行业管理科", "地州市级", ""))
                .row(item("21", "对外劳务合作经营资格核准", null, "行政许可", "【法规】《对外劳务合作管理条例》第五条", "外经外贸科", "地州市级", ""));
        Ingester.FileResult r = ingest("list.xlsx", SheetFixture.xlsx(s));
        assertEquals(List.of("19", "n" + RecordDraft.nameKey("洗染业经营者备案").substring(1), "21"),
                r.records().stream().map(p -> p.id().substring("list-".length())).toList());
        assertEquals(List.of("对特定零售商促销内容的备案", "洗染业经营者备案", "对外劳务合作经营资格核准"), r.records().stream().map(PowerRecord::name).toList());
        assertNull(r.records().get(1).seq());
        assertEquals(List.of("list.xlsx sheet 1 row 4: an item without a 序号: read as an item of its own"), remarks(r));
    }

    @Test
    void startsATableAtEachSectionTitleWhoseNumberingStartsAgainUnderTheSameHeader() {
        SheetFixture.Tab s = sheet("清单").row("序号", "事项名称", "权力类型", "承办机构")
                .row("一、行政许可（2项）").merge("A2:D2")
                .row("1", "种畜禽生产经营许可", "行政许可", "畜牧兽医科")
                .row("2", "农药经营许可", "", "农业科")
                .row("二、行政处罚（1项）").merge("A5:D5")
                .row("1", "对违法经营农药行为的处罚", "", "农业科")
                .row("1.1", "对经营假农药行为的处罚", "行政处罚", "农业科");
        Ingester.FileResult r = ingest("list.xlsx", SheetFixture.xlsx(s));
        assertEquals(List.of("list-1 种畜禽生产经营许可 行政许可 一、行政许可（2项）", "list-2 农药经营许可 行政许可 一、行政许可（2项）",
                        "list-t2-1 对违法经营农药行为的处罚 行政处罚 二、行政处罚（1项）", "list-t2-1-1 对经营假农药行为的处罚 行政处罚 二、行政处罚（1项）"),
                r.records().stream().map(p -> p.id() + " " + p.name() + " " + p.powerType() + " " + p.table()).toList());
        assertEquals(List.of(), r.skips());
        assertEquals(new IngestReport.Rows(7, 4, 0, 0, 3, 0, 0), r.rows());
    }

    // ---- headers --------------------------------------------------------------------------------

    @Test
    void findsTheHeaderBelowAnAttachmentLineAndATitleAndTakesTheTitleAsTheListsTitle() {
        SheetFixture.Tab s = sheet("Sheet1").row("附件").row("克拉玛依市某局2025年权责清单").row(HEADER).merge("A2:L2", "H3:I3")
                .row(item("1", "对会计违法行为的处罚", null, "行政处罚", "【法律】《会计法》第四十条", "会计科", "地州市级", ""))
                .row("备注：包括市、区两级行使行政权力事项数量。").merge("A5:L5");
        Ingester.FileResult r = ingest("list.xlsx", SheetFixture.xlsx(s));
        assertEquals("克拉玛依市某局2025年权责清单", r.records().get(0).source().title());
        assertEquals(List.of("list-1 | 对会计违法行为的处罚 | null | 行政处罚 | 会计科 | 市级 | 【法律】《会计法》第四十条"), lines(r));
        assertEquals(new IngestReport.Rows(5, 1, 0, 0, 4, 0, 0), r.rows());
    }

    @Test
    void readsATwoRowHeaderWhoseItemNameIsSplitIntoItemAndSubItem() {
        SheetFixture.Tab s = sheet("表").row("序号", "事项类别", "事项名称", "", "实施主体", "行使层级", "承办机构", "事项法定依据")
                .row("", "", "项目", "子项", "", "", "", "")
                .row("1", "行政给付", "基本医疗保险待遇支付", "住院费用支付", "医疗保险经办机构", "县区级、镇级", "医疗保险服务中心", "【法律】《社会保险法》第二十八条")
                .merge("A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2", "G1:G2", "H1:H2");
        Ingester.FileResult r = ingest("list.xlsx", SheetFixture.xlsx(s));
        assertEquals(List.of("list-1 | 基本医疗保险待遇支付 | 住院费用支付 | 行政给付 | 医疗保险服务中心 | 县级、乡级 | 【法律】《社会保险法》第二十八条"), lines(r));
    }

    @Test
    void readsADuplicatedHeaderBlockOnce() {
        String[] header = {"序号", "事项名称", "权力类型", "承办机构", "责任事项依据", "追责情形", "责任事项依据", "追责情形"};
        SheetFixture.Tab s = sheet("1").row(header)
                .row("1", "成品油零售经营许可", "行政许可", "行业管理科", "【法律】《行政许可法》第三十条", "因不履行职责的", "【法律】《行政许可法》第三十条", "因不履行职责的")
                .row("2", "对外劳务合作经营资格核准", "行政许可", "外经外贸科", "", "", "【法律】《行政许可法》第三十二条", "因不正确履行职责的");
        Ingester.FileResult r = ingest("list.xlsx", SheetFixture.xlsx(s));
        assertEquals(List.of("【法律】《行政许可法》第三十条", "【法律】《行政许可法》第三十二条"),
                r.records().stream().map(PowerRecord::responsibilityBasis).toList());
        assertEquals(List.of("因不履行职责的", "因不正确履行职责的"), r.records().stream().map(PowerRecord::accountability).toList());
    }

    @Test
    void keepsAColumnWhoseLabelTheVocabularyLacksInTheNotesUnderItsLabel() {
        SheetFixture.Tab s = sheet("Sheet1").row("序  号", "隶属机构", "项目", "职权类型", "职权编码", "实施依据", "承办机构", "责任主体")
                .row("1", "新疆消防救援总队", "公众聚集场所投入使用营业前消防安全检查", "行政许可", "650200207XK01600", "【法律】《消防法》第十五条",
                        "各区消防救援大队", "克拉玛依市消防救援支队");
        PowerRecord r = ingest("list.xlsx", SheetFixture.xlsx(s)).records().get(0);
        assertEquals("公众聚集场所投入使用营业前消防安全检查", r.name());
        assertEquals(List.of("各区消防救援大队"), r.units(), "责任主体 names the office only where no 承办机构 column does");
        assertEquals("隶属机构：新疆消防救援总队\n职权编码：650200207XK01600\n责任主体：克拉玛依市消防救援支队", r.notes());
    }

    // ---- cells that look like another column's ------------------------------------------------

    @Test
    void keepsANameThatCitesALawOrHoldsAPhoneNumberAsTheName() {
        SheetFixture.Tab s = listSheet("Sheet1")
                .row(item("19", "对《药品管理法》第一百二十四条禁止行为的处罚", null, "行政处罚", "【法律】《药品管理法》（1984年9月20日）第一百二十四条",
                        "药品安全监督管理科", "地州市级", ""))
                .row(item("20", "对未公布监督电话0990-6888888的检查", null, "行政检查", "【规章】《某规定》第九条", "综合科", "地州市级", ""));
        Ingester.FileResult r = ingest("list.xls", SheetFixture.xls(s));
        assertEquals(List.of(
                "list-19 | 对《药品管理法》第一百二十四条禁止行为的处罚 | null | 行政处罚 | 药品安全监督管理科 | 市级 | 【法律】《药品管理法》（1984年9月20日）第一百二十四条",
                "list-20 | 对未公布监督电话0990-6888888的检查 | null | 行政检查 | 综合科 | 市级 | 【规章】《某规定》第九条"), lines(r));
    }

    // ---- what is not part of the table ------------------------------------------------------

    @Test
    void skipsHiddenRowsAndLeavesHiddenColumnsUnread() {
        SheetFixture.Tab s = sheet("行政征收（1项）").row(HEADER).merge("H1:I1")
                .row(item("1", "对渔业资源增殖保护费的征收", null, "行政征收", "【法律】《渔业法》第二十八条", "渔业监督处", "自治区级", ""))
                .row(item("1", "对渔业资源增殖保护费的征收", null, "行政征收", "【法律】《渔业法》第二十八条", "畜牧兽医科", "地州市级", ""))
                .hideRow(2).hideColumn("L");
        s.rows.get(2)[11] = "一列隐藏的备注";
        Ingester.FileResult r = ingest("list.xls", SheetFixture.xls(s));
        assertEquals(List.of("list-1 | 对渔业资源增殖保护费的征收 | null | 行政征收 | 畜牧兽医科 | 市级 | 【法律】《渔业法》第二十八条"), lines(r));
        assertNull(r.records().get(0).notes());
        assertEquals(List.of("list.xls sheet 行政征收（1项） row 2: a hidden row (not shown in the published sheet)"),
                r.skips().stream().map(Object::toString).toList());
        assertTrue(remarks(r).contains("list.xls sheet 行政征收（1项）: hidden columns with text (L) are not part of the published sheet and were not read"),
                remarks(r).toString());
        assertEquals(new IngestReport.Rows(3, 1, 0, 0, 1, 0, 1), r.rows());
    }

    @Test
    void leavesALeftoverDropDownListBesideTheTableUnread() {
        String[] types = {"行政许可", "行政处罚", "行政强制", "行政征收", "其他类别"};
        SheetFixture.Tab s = sheet("Sheet1").row("附件").row("某局权责清单").row("序号", "事项名称", "权力类型", "承办机构", "备注");
        for (int i = 0; i < 5; i++) {
            s.row(String.valueOf(i + 1), "对第" + (i + 1) + "类违法行为的检查", "行政检查", "监督科", "", "", types[i]);
        }
        Ingester.FileResult r = ingest("list.xlsx", SheetFixture.xlsx(s));
        assertEquals(List.of("行政检查"), r.records().stream().map(PowerRecord::powerType).distinct().toList());
        assertTrue(r.records().stream().allMatch(p -> p.notes() == null), "no leftover value in the notes");
        assertTrue(remarks(r).contains("list.xlsx sheet Sheet1: columns from G on stand beside the table, after an empty column "
                + "and without a header: they were not read"), remarks(r).toString());
    }

    @Test
    void skipsAHiddenSheet() {
        byte[] x = SheetFixture.xlsx(listSheet("清单").row(item("1", "对某行为的处罚", null, "行政处罚", "【法律】《某法》第一条", "执法科", "市级", "")),
                sheet("下拉选项").row("行政许可").row("行政处罚").hidden());
        Ingester.FileResult r = ingest("list.xlsx", x);
        assertEquals(1, r.records().size());
        assertTrue(remarks(r).contains("list.xlsx sheet 下拉选项: the sheet is hidden (not shown in the published workbook) and was not read"),
                remarks(r).toString());
    }

    // ---- the power type when the cell is empty -------------------------------------------------

    @Test
    void takesAnEmptyTypeFromTheSheetsOrTheTablesTitleAndOtherwiseReadsOtherPowers() {
        byte[] x = SheetFixture.xls(
                sheet("行政许可（2项）").row(HEADER).merge("H1:I1")
                        .row(item("1", "种畜禽生产经营许可", null, "行政许可", "【法律】《畜牧法》第二十二条", "畜牧兽医科", "地州市级", ""))
                        .row(item("2", "畜禽定点屠宰厂（场）审查", null, "", "【法规】《生猪屠宰管理条例》第八条", "畜牧兽医科", "地州市级", "")),
                sheet("检查").row("克拉玛依市人防权责清单（行政检查类）").row(HEADER).merge("A1:L1", "H2:I2")
                        .row(item("1", "对人防工程维护管理的监督检查", null, "", "【法律】《人民防空法》第二十五条", "工程科", "地州市级", "")),
                sheet("其他").row(HEADER).merge("H1:I1")
                        .row(item("1", "人防工程开发利用登记", null, "", "【法规】《某办法》第二十条", "保障中心", "地州市级", "")));
        Ingester.FileResult r = ingest("list.xls", x);
        assertEquals(List.of("list-1 行政许可", "list-2 行政许可", "list-t2-1 行政检查", "list-t3-1 其他行政权力"),
                r.records().stream().map(p -> p.id() + " " + p.powerType()).toList());
        assertEquals(List.of("list.xls sheet 行政许可（2项） row 3: the 权力类型 cell is empty: 行政许可 is taken from the title 行政许可（2项）",
                "list.xls sheet 检查 row 3: the 权力类型 cell is empty: 行政检查 is taken from the title 克拉玛依市人防权责清单（行政检查类）",
                "list.xls sheet 其他 row 2: the 权力类型 cell is empty and no title of its table names one type: read as 其他行政权力"), remarks(r));
        assertEquals(List.of("行政许可（2项）", "行政许可（2项）", "克拉玛依市人防权责清单（行政检查类）", "其他"),
                r.records().stream().map(PowerRecord::table).toList());
    }

    // ---- cells and files -----------------------------------------------------------------------

    @Test
    void joinsTheLinesOfCellsHardWrappedInsideWordsButNotTwoOfficesOnTwoLines() {
        SheetFixture.Tab wrapped = listSheet("Sheet1")
                .row("1", "对拒绝\n配合统\n计调查\n的处罚", "", "行政\n处罚", "【法律】《统\n计法》第四\n十一条", "市统\n计局", "政策法\n规科、\n综合核\n算科", "市级", "", "",
                        "直接实施责\n任：\n1.执行上级统\n计部门制定\n的处罚标准\n2.依法实施\n本级处罚", "");
        PowerRecord r = ingest("list.xlsx", SheetFixture.xlsx(wrapped)).records().get(0);
        assertEquals("对拒绝配合统计调查的处罚", r.name());
        assertEquals("行政处罚", r.powerType());
        assertEquals(List.of("政策法规科", "综合核算科"), r.units());
        assertEquals("【法律】《统计法》第四十一条", r.basis());
        assertEquals(List.of(new Step("直接实施责任", ""), new Step(null, "执行上级统计部门制定的处罚标准"), new Step(null, "依法实施本级处罚")),
                r.responsibilities());

        SheetFixture.Tab plain = listSheet("Sheet1")
                .row(item("1", "对消防设施不符合标准的处罚", null, "行政处罚", "【法律】《消防法》第六十条", "克拉玛依市消防救援支队\n各区消防救援大队", "市级", ""));
        assertEquals(List.of("克拉玛依市消防救援支队", "各区消防救援大队"), ingest("list.xlsx", SheetFixture.xlsx(plain)).records().get(0).units());
    }

    @Test
    void readsAnXlsNamedXlsxAsWhatItIsWithTheSameRecords() {
        byte[] xls = SheetFixture.xls(listSheet("附表1").row(item("1", "人力资源服务许可", "人力资源服务许可审批", "行政许可",
                "【法律】《就业促进法》第四十条", "人力资源开发和市场管理科", "地州市级", "")));
        Ingester.FileResult named = ingest("list.xlsx", xls);
        assertEquals(lines(ingest("list.xls", xls)), lines(named));
        assertEquals(List.of("list.xlsx: the name says .xlsx but the file is an Excel 97–2003 workbook (.xls); it was read as what it is"),
                remarks(named));
    }

    @Test
    void readsNumbersFromTenThousandOnAsNumbersLikeAnyOther() {
        SheetFixture.Tab s = sheet("Sheet1").row("序号", "事项名称", "权力类型", "承办机构");
        for (int seq = 9_998; seq <= 10_002; seq++) s.row(String.valueOf(seq), "对第" + seq + "项的检查", "行政检查", "监督科");
        assertEquals(List.of("9998", "9999", "10000", "10001", "10002"),
                ingest("list.xlsx", SheetFixture.xlsx(s)).records().stream().map(PowerRecord::seq).toList());
    }

    @Test
    void removesBidiControlsFromCellTextAndSaysWhereInARemark() {
        SheetFixture.Tab s = sheet("Sheet1").row("序号", "事项名称", "权力类型", "承办机构")
                .row("1", "对\u202Egnp.exe\u202C违法行为的处罚", "行政处罚", "\u2066执法科\u2069");
        Ingester.FileResult r = ingest("list.xlsx", SheetFixture.xlsx(s));
        assertEquals("对gnp.exe违法行为的处罚", r.records().get(0).name());
        assertEquals(List.of("执法科"), r.records().get(0).units());
        assertEquals(List.of("list.xlsx sheet Sheet1 row 2: bidi control characters (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F) "
                + "were removed from the text (they make text display in another order than it is written)"), remarks(r));
    }
}
