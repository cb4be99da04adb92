package org.quanze.cli;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.Main;
import org.quanze.export.XlsxExport;
import org.quanze.model.PowerRecord;
import org.quanze.testing.BundledData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export --format xlsx|csv --out FILE} over the bundled lists. */
class ExportCommandTest {

    @Test
    void xlsxHoldsEveryPowerDutyAndCitationOnItsOwnSheet(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("all.xlsx");
        assertEquals(0, Main.run("export", "--data", "index-data", "--format", "xlsx", "--out", out.toString()));
        List<PowerRecord> records = BundledData.ingest().records();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            XSSFSheet powers = wb.getSheet(XlsxExport.POWERS);
            assertEquals(73, powers.getLastRowNum());
            assertEquals(13, wb.getSheet(XlsxExport.DUTIES).getLastRowNum());
            assertEquals(records.stream().mapToInt(r -> r.statutes().size()).sum(), wb.getSheet(XlsxExport.CITATIONS).getLastRowNum());
            for (XSSFSheet s : List.of(powers, wb.getSheet(XlsxExport.DUTIES), wb.getSheet(XlsxExport.CITATIONS))) {
                assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition(), s.getSheetName() + " freezes its header");
                assertTrue(s.getCTWorksheet().isSetAutoFilter(), s.getSheetName() + " has filters");
                assertTrue(wb.getFontAt(s.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            }
            // Long text wraps, and its row is taller than one line.
            int responsibilities = header(powers).indexOf("责任事项");
            Row item = powers.getRow(1);
            assertTrue(item.getCell(responsibilities).getCellStyle().getWrapText());
            assertTrue(item.getHeightInPoints() > 15f);
            assertEquals("1", item.getCell(header(powers).indexOf("序号")).getStringCellValue(), "序号 stays text");
        }
    }

    @Test
    void csvToAFileHasAHeaderAndEveryRecord(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("all.csv");
        assertEquals(0, Main.run("export", "--data", "index-data", "--format", "csv", "--out", out.toString()));
        String csv = Files.readString(out);
        assertTrue(csv.startsWith("\uFEFF编号,类别,来源编号,来源文件,来源清单,部门,地区,序号,所在表格,权力类型,"), csv.substring(0, 40));
        assertEquals(86, org.apache.commons.csv.CSVParser.parse(csv.substring(1),
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords().size());
    }

    @Test
    void intoAFolderTheFileIsNamedForWhatItHolds(@TempDir Path dir) throws Exception {
        java.time.LocalDate before = java.time.LocalDate.now();
        assertEquals(0, Main.run("export", "--data", "index-data", "--format", "csv", "--out", dir.toString()));
        java.time.LocalDate after = java.time.LocalDate.now();
        List<String> names;
        try (var files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).toList();
        }
        assertEquals(1, names.size());
        assertTrue(names.get(0).equals("权责清单-全部-" + before + ".csv") || names.get(0).equals("权责清单-全部-" + after + ".csv"),
                names.get(0));
    }

    private static List<String> header(XSSFSheet s) {
        Row h = s.getRow(0);
        return java.util.stream.IntStream.range(0, h.getLastCellNum()).mapToObj(i -> h.getCell(i).getStringCellValue()).toList();
    }
}
