package org.quanze.ingest;

import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a 序号 cell may hold: the ways offices number their items, and the texts that stand in the
 * first column without numbering one (a section's heading, a total, an article).
 */
class SeqNumbersTest {

    @Test
    void numbersInDigitsAndInChineseNumeralsAreSeqs() {
        for (String s : List.of("1", "12", " 305 ", "１２", "（３）", "3.1", "3-1", "2,3", "1.", "（1）", "(12)", "一", "十二", "一百零五", "四百四十二",
                "一、", "（三）", "十一、十二", "二十.")) {
            assertTrue(HeaderTableReader.isSeq(s), s);
        }
    }

    @Test
    void aHeadingATotalOrAnArticleIsNot() {
        for (String s : List.of("一、行政许可", "行政许可", "合计", "第一条", "无", "备注", "1、对某行为的处罚", "（一）行政处罚", "")) {
            assertFalse(HeaderTableReader.isSeq(s), s);
        }
    }

    /** A row numbering the columns under the header is no item: 1, 2, 3 … rising from 1, a hidden column's number perhaps missing. */
    @Test
    void aRowNumberingTheColumnsIsTold() {
        assertTrue(HeaderTableReader.isColumnNumbers(new Grid.Row(3, List.of("1", "2", "3", "4", "5"))));
        assertTrue(HeaderTableReader.isColumnNumbers(new Grid.Row(3, List.of("1", "2", "", "4", "7"))));
        assertFalse(HeaderTableReader.isColumnNumbers(new Grid.Row(3, List.of("1", "2"))));
        assertFalse(HeaderTableReader.isColumnNumbers(new Grid.Row(3, List.of("1", "行政许可", "3", "4"))));
        assertFalse(HeaderTableReader.isColumnNumbers(new Grid.Row(3, List.of("2", "3", "4", "5"))));
        assertFalse(HeaderTableReader.isColumnNumbers(new Grid.Row(3, List.of("1", "3", "2", "4"))));
    }

    /** A list numbered 一、二、三 under section headings: every item read, each heading left out. */
    @Test
    void aListNumberedInChineseNumeralsIsReadWhole() {
        String csv = """
                某某局权责清单
                序号,权力类型,事项名称,子项名称,实施依据,承办机构
                一、行政许可,,,,,
                一,行政许可,对甲事项的许可,,《中华人民共和国社会保险法》第五十七条,甲科
                二、行政处罚,,,,,
                二,行政处罚,对乙行为的处罚,,《中华人民共和国社会保险法》第八十六条,乙科
                三,行政处罚,对丙行为的处罚,对丙一行为的处罚,《中华人民共和国社会保险法》第八十七条,丙科
                ,,,对丙二行为的处罚,,丙科
                """;
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("某某局权责清单.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertNull(r.error());
        assertEquals(List.of("一 对甲事项的许可 null 行政许可 [甲科]", "二 对乙行为的处罚 null 行政处罚 [乙科]",
                        "三 对丙行为的处罚 对丙一行为的处罚 行政处罚 [丙科]", "三 对丙行为的处罚 对丙二行为的处罚 行政处罚 [丙科]"),
                r.records().stream().map(SeqNumbersTest::line).toList());
    }

    /** A list without a 序号 column: each named row an item, two items of one name both kept, one remark for the table. */
    @Test
    void aListWithoutASeqColumnIsReadRowByRow() {
        String csv = """
                某某局权责清单
                权力类型,事项名称,实施依据,承办机构
                行政处罚,对甲行为的处罚,《中华人民共和国社会保险法》第八十六条,甲科
                行政检查,对甲行为的处罚,《中华人民共和国社会保险法》第七十九条,乙科
                行政许可,对丙事项的许可,《中华人民共和国社会保险法》第五十七条,丙科
                """;
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("某某局权责清单.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertNull(r.error());
        assertEquals(List.of("null 对甲行为的处罚 null 行政处罚 [甲科]", "null 对甲行为的处罚 null 行政检查 [乙科]", "null 对丙事项的许可 null 行政许可 [丙科]"),
                r.records().stream().map(SeqNumbersTest::line).toList());
        assertEquals(3, r.records().stream().map(PowerRecord::id).distinct().count());
        assertEquals(List.of("the table has no 序号 column: each row with an item name of its own starts an item"),
                r.remarks().stream().map(Remark::reason).toList());
    }

    /**
     * A header again after data: numbering starting again at 1 under it is a table of its own
     * (tables stacked in one sheet without titles); numbering going on is the same table (a header
     * printed again on each page).
     */
    @Test
    void aHeaderAgainStartsATableWhereTheNumberingStartsAgain() {
        String header = "序号,权力类型,事项名称,实施依据,承办机构\n";
        String stacked = header
                + "1,行政许可,对甲事项的许可,《中华人民共和国社会保险法》第五十七条,甲科\n"
                + "2,行政许可,对乙事项的许可,《中华人民共和国社会保险法》第五十八条,乙科\n"
                + ",,,,\n" + header
                + "1,行政处罚,对丙行为的处罚,《中华人民共和国社会保险法》第八十六条,丙科\n"
                + "2,行政处罚,对丁行为的处罚,《中华人民共和国社会保险法》第八十七条,丁科\n";
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("某某局权责清单.csv", stacked.getBytes(StandardCharsets.UTF_8));
        assertNull(r.error());
        assertEquals(List.of("1 对甲事项的许可 null 行政许可 [甲科]", "2 对乙事项的许可 null 行政许可 [乙科]",
                        "1 对丙行为的处罚 null 行政处罚 [丙科]", "2 对丁行为的处罚 null 行政处罚 [丁科]"),
                r.records().stream().map(SeqNumbersTest::line).toList());
        assertEquals(List.of("某某局权责清单-1", "某某局权责清单-2", "某某局权责清单-t2-1", "某某局权责清单-t2-2"),
                r.records().stream().map(PowerRecord::id).toList());
        assertTrue(r.skips().isEmpty(), r.skips().toString());

        String paged = header
                + "1,行政许可,对甲事项的许可,《中华人民共和国社会保险法》第五十七条,甲科\n"
                + "2,行政许可,对乙事项的许可,《中华人民共和国社会保险法》第五十八条,乙科\n" + header
                + "3,行政处罚,对丙行为的处罚,《中华人民共和国社会保险法》第八十六条,丙科\n";
        r = new Ingester(SourceCatalog.empty()).ingest("某某局权责清单.csv", paged.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("某某局权责清单-1", "某某局权责清单-2", "某某局权责清单-3"),
                r.records().stream().map(PowerRecord::id).toList());
    }

    /** Each power type numbered from 1 in one table: every item kept; a numbered note under the table, with no type, is still no item. */
    @Test
    void eachTypeNumberedFromOneInOneTableIsReadWhole() {
        String csv = """
                序号,权力类型,事项名称,实施依据,承办机构
                1,行政许可,对甲事项的许可,《中华人民共和国社会保险法》第五十七条,甲科
                2,行政许可,对乙事项的许可,《中华人民共和国社会保险法》第五十八条,乙科
                1,行政处罚,对丙行为的处罚,《中华人民共和国社会保险法》第八十六条,丙科
                2,行政处罚,对丁行为的处罚,《中华人民共和国社会保险法》第八十七条,丁科
                1,,本清单自公布之日起施行,,
                """;
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("某某局权责清单.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertNull(r.error());
        assertEquals(List.of("某某局权责清单-1", "某某局权责清单-2", "某某局权责清单-t2-1", "某某局权责清单-t2-2"),
                r.records().stream().map(PowerRecord::id).toList());
        assertEquals(List.of("行政许可", "行政许可", "行政处罚", "行政处罚"), r.records().stream().map(PowerRecord::powerType).toList());
        assertEquals(1, r.skips().size());
    }

    /** Sub-items numbered in the 序号 column (4.1, 4.2): a row without a name of its own is the item's sub-item, not a nameless item. */
    @Test
    void subItemsNumberedUnderTheirItemAreItsOwn() {
        String csv = """
                序号,事项名称,子项名称,权力类型,实施依据,承办机构
                4.1,对甲事项的许可,甲一许可,行政许可,《中华人民共和国社会保险法》第五十七条,甲科
                4.2,,甲二许可,行政许可,《中华人民共和国社会保险法》第五十七条,甲科
                5,对乙行为的处罚,,行政处罚,《中华人民共和国社会保险法》第八十六条,乙科
                6.1,对丙行为的处罚,,行政处罚,《中华人民共和国社会保险法》第八十七条,丙科
                """;
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("某某局权责清单.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertNull(r.error());
        assertEquals(List.of("4.1 对甲事项的许可 甲一许可 行政许可 [甲科]", "4.2 对甲事项的许可 甲二许可 行政许可 [甲科]",
                        "5 对乙行为的处罚 null 行政处罚 [乙科]", "6.1 对丙行为的处罚 null 行政处罚 [丙科]"),
                r.records().stream().map(SeqNumbersTest::line).toList());
        assertTrue(r.skips().isEmpty(), r.skips().toString());
    }

    /** 序号 typed in full-width digits: the items read, their 序号 and ids in ASCII digits. */
    @Test
    void fullWidthNumbersAreSeqs() {
        String csv = """
                序号,权力类型,事项名称,实施依据,承办机构
                １,行政许可,对甲事项的许可,《中华人民共和国社会保险法》第五十七条,甲科
                １２,行政处罚,对乙行为的处罚,《中华人民共和国社会保险法》第八十六条,乙科
                """;
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("某某局权责清单.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertNull(r.error());
        assertEquals(List.of("1 对甲事项的许可 null 行政许可 [甲科]", "12 对乙行为的处罚 null 行政处罚 [乙科]"),
                r.records().stream().map(SeqNumbersTest::line).toList());
        assertEquals(List.of("某某局权责清单-1", "某某局权责清单-12"), r.records().stream().map(PowerRecord::id).toList());
    }

    /** 序号 in the second column, after the power type written once over its items: every item read, as with 序号 first. */
    @Test
    void aSeqColumnAfterAnotherIsReadAsTheFirst() {
        String csv = """
                某某局权责清单
                权力类型,序号,事项名称,实施依据,承办机构
                行政许可,1,对甲事项的许可,《中华人民共和国社会保险法》第五十七条,甲科
                ,2,对乙事项的许可,《中华人民共和国社会保险法》第五十八条,乙科
                行政处罚,3,对丙行为的处罚,《中华人民共和国社会保险法》第八十六条,丙科
                """;
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("某某局权责清单.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertNull(r.error());
        assertEquals(List.of("1 对甲事项的许可 null 行政许可 [甲科]", "2 对乙事项的许可 null 其他行政权力 [乙科]", "3 对丙行为的处罚 null 行政处罚 [丙科]"),
                r.records().stream().map(SeqNumbersTest::line).toList());
    }

    private static String line(PowerRecord p) {
        return p.seq() + " " + p.name() + " " + p.subItem() + " " + p.powerType() + " " + p.units();
    }
}
