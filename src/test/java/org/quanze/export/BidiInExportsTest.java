package org.quanze.export;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quanze.ingest.TextClean;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.model.SourceRef;
import org.quanze.model.Step;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bidi controls (U+202E and kin) are removed at ingest; a record that still holds one (an index
 * built before) cannot spoof a reader of an export: CSV and Excel cells lose them, JSON lines
 * write them as \\u escapes.
 */
class BidiInExportsTest {

    static PowerRecord record() {
        return new PowerRecord("s-1", PowerRecord.POWER, new SourceRef("s", "s.xlsx", "清单\u2066标题\u2069"), "1", null, "行政处罚", "行政处罚",
                "对\u202Egnp.exe\u202C违法行为的处罚", null, null, List.of("执法科\u200F"), List.of("市级"), "市级", "【法律】《某法》第一条",
                List.of(new Step(null, "依法\u202D实施")), null, null, null, null, null, null, null, null, null, null, List.of(), List.of());
    }

    @Test
    void csvCellsHoldNoBidiControl() throws Exception {
        StringBuilder csv = new StringBuilder();
        RecordTable.csv(List.of(record()), csv);
        assertTrue(csv.toString().contains(",对gnp.exe违法行为的处罚,"), csv.toString());
        assertTrue(csv.toString().contains(",1.依法实施,"), csv.toString());
        assertFalse(csv.chars().anyMatch(TextClean::isBidiControl), csv.toString());
    }

    @Test
    void excelCellsHoldNoBidiControl() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.write(List.of(record()), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            StringBuilder all = new StringBuilder("|");
            wb.getSheet(XlsxExport.POWERS).forEach(row -> row.forEach(cell -> all.append(cell.getStringCellValue()).append('|')));
            assertTrue(all.toString().contains("|对gnp.exe违法行为的处罚|"), all.toString());
            assertFalse(all.chars().anyMatch(TextClean::isBidiControl), all.toString());
        }
    }

    @Test
    void jsonLinesWriteBidiControlsAsEscapesAndKeepTheData() {
        String line = JsonLines.line(record());
        assertFalse(line.chars().anyMatch(TextClean::isBidiControl), line);
        assertTrue(line.contains("\"name\":\"对\\u202egnp.exe\\u202c违法行为的处罚\""), line);
        assertEquals(record(), Json.readRecord(line));
    }
}
