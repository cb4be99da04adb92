package org.quanze.ingest;

import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Header labels the vocabulary does not list, read by their head words, and checked by their cells where the field has a shape. */
class UnlistedLabelsTest {

    private static List<PowerRecord> read(String csv) {
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("某某局行政许可事项清单.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertNull(r.error());
        return r.records();
    }

    /** The type column's cells shortened (处罚) or suffixed (行政检查类), as lists write them, still show it is the type. */
    @Test
    void labelsBuiltOnAHeadWordNameTheirFields() {
        List<PowerRecord> rs = read("""
                序号,权责类型,职权事项名称,行使依据,承办处室
                1,处罚,对甲行为的处罚,《中华人民共和国社会保险法》第八十六条,甲科
                2,行政检查类,对乙事项的检查,《中华人民共和国社会保险法》第七十九条,乙科
                """);
        assertEquals(List.of("行政处罚 对甲行为的处罚 [甲科] 《中华人民共和国社会保险法》第八十六条",
                "行政检查 对乙事项的检查 [乙科] 《中华人民共和国社会保险法》第七十九条"), rs.stream().map(UnlistedLabelsTest::line).toList());
    }

    /** 公开类型 ends in 类型 but holds 主动公开: the type comes from the title, and the column's text stays in the notes. */
    @Test
    void aHeadWordColumnWhoseCellsDoNotLookLikeItsFieldIsKeptAsNotes() {
        List<PowerRecord> rs = read("""
                某某局行政许可事项清单
                序号,公开类型,事项名称,实施依据,承办机构
                1,主动公开,对甲事项的许可,《中华人民共和国社会保险法》第五十七条,甲科
                2,依申请公开,对乙事项的许可,《中华人民共和国社会保险法》第五十八条,乙科
                """);
        assertEquals(List.of("行政许可", "行政许可"), rs.stream().map(PowerRecord::powerType).toList());
        assertEquals(List.of("公开类型：主动公开", "公开类型：依申请公开"), rs.stream().map(PowerRecord::notes).toList());
    }

    private static String line(PowerRecord p) {
        return p.powerType() + " " + p.name() + " " + p.units() + " " + p.basis();
    }
}
