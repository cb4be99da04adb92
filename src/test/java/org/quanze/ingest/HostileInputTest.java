package org.quanze.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.TestData;
import org.quanze.model.PowerRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One ingest over the bundled lists plus every hostile file: each hostile file or row is reported
 * with its file, line and reason, and everything good still ingests.
 */
class HostileInputTest {

    @TempDir
    static Path tmp;
    static Ingester.Result result;
    static Map<String, IngestReport.SourceReport> bySource;

    @BeforeAll
    static void ingest() throws Exception {
        Path data = TestData.copy(tmp);
        HostileFiles.writeAll(data.resolve("sources"));
        result = new Ingester(SourceCatalog.load(data.resolve("sources.json"))).ingest(data.resolve("sources"));
        bySource = result.report().sources().stream()
                .collect(Collectors.toMap(IngestReport.SourceReport::file, Function.identity()));
    }

    static List<Remark> remarks(String file) {
        return result.report().remarks().stream().filter(r -> r.file().equals(file)).toList();
    }

    static void assertFailed(String file, String why) {
        IngestReport.SourceReport s = bySource.get(file);
        assertNotNull(s.error(), file + " should have failed");
        assertTrue(s.error().contains(why), file + ": " + s.error());
        assertTrue(result.report().skipped().stream().anyMatch(k -> k.file().equals(file) && k.line() == 0 && k.reason().equals(s.error())),
                "the failure is listed among the skips with its file");
        assertFalse(s.error().startsWith(Ingester.INTERNAL), "a reported fault, not a reader bug");
    }

    @Test
    void theBundledListsStillIngestInFull() {
        int powers = 0;
        for (String f : bySource.keySet()) {
            if (f.matches("00\\d_.*")) {
                assertNull(bySource.get(f).error(), f);
                powers += bySource.get(f).powers();
            }
        }
        assertEquals(TestData.POWERS, powers);
    }

    @Test
    void anEmptyFileIsReported() {
        assertFailed(HostileFiles.EMPTY, "the file is empty");
    }

    @Test
    void binaryGarbageIsReported() {
        assertFailed(HostileFiles.GARBAGE, "neither UTF-8 nor GB18030");
    }

    @Test
    void aFiftyMegabyteFileIsRefusedBeforeItIsRead() {
        assertFailed(HostileFiles.HUGE, "MB, over the limit of 20.0 MB");
    }

    @Test
    void tooManyLinesAreRefusedBeforeDecoding() {
        assertFailed(HostileFiles.MANY_LINES, "over the limit of 100,000");
    }

    @Test
    void aFileInGb18030ReadsLikeItsUtf8Original() {
        IngestReport.SourceReport s = bySource.get(HostileFiles.GB18030);
        assertNull(s.error());
        assertEquals(9, s.powers());
        assertTrue(result.records().stream().anyMatch(r -> r.source().file().equals(HostileFiles.GB18030)
                && r.name().equals("参保单位参加社会保险登记及缴费基数核定")));
    }

    @Test
    void aTruncatedFileKeepsItsCompleteRowsAndNamesTheCutRow() {
        IngestReport.SourceReport s = bySource.get(HostileFiles.TRUNCATED);
        assertNull(s.error());
        assertTrue(s.powers() >= 10 && s.powers() < 20, "the rows before the cut: " + s.powers());
        List<Remark> rs = remarks(HostileFiles.TRUNCATED);
        assertTrue(rs.stream().anyMatch(r -> r.line() == 0 && r.reason().contains("ends in the middle of a character")), rs.toString());
        int lastLine = rs.stream().mapToInt(Remark::line).max().orElse(0);
        assertTrue(rs.stream().anyMatch(r -> r.line() == lastLine && r.line() > 0 && r.reason().contains("cells where its header names")),
                "the cut row is remarked with its line: " + rs);
    }

    @Test
    void rowsWithMissingOrExtraCellsAreRemarkedAndStillRead() {
        IngestReport.SourceReport s = bySource.get(HostileFiles.CELLS);
        assertNull(s.error());
        List<Remark> rs = remarks(HostileFiles.CELLS);
        assertTrue(rs.contains(new Remark(HostileFiles.CELLS, 3, "the row has 3 cells where its header names 5 columns; "
                + "cells were placed by their content and the missing ones left empty")), rs.toString());
        assertTrue(rs.contains(new Remark(HostileFiles.CELLS, 4, "the row has 7 cells where its header names 5 columns; "
                + "the extra text was placed by its content or kept in notes")), rs.toString());
        assertTrue(result.report().skipped().contains(new Skip(HostileFiles.CELLS, 6, "a row without a 序号 in its first cell inside a table")));
        List<String> names = result.records().stream().filter(r -> r.source().file().equals(HostileFiles.CELLS))
                .map(PowerRecord::name).toList();
        assertEquals(List.of("对完整行的监督检查", "对缺少单元格的监督检查", "对多出单元格的监督检查", "对最后一行的监督检查"), names);
        PowerRecord extra = result.records().stream().filter(r -> "对多出单元格的监督检查".equals(r.name())).findFirst().orElseThrow();
        assertTrue(org.quanze.model.Json.write(extra).contains("多出的文字"), "extra text is kept, not lost: " + extra);
    }

    @Test
    void aOneMegabyteCellIsCutAndRemarked() {
        IngestReport.SourceReport s = bySource.get(HostileFiles.BIG_CELL);
        assertEquals(2, s.powers());
        assertTrue(remarks(HostileFiles.BIG_CELL).stream().anyMatch(r -> r.line() == 3
                && r.reason().startsWith("cell 4 holds 1,") && r.reason().endsWith("cut to the first 10,000")), remarks(HostileFiles.BIG_CELL).toString());
        PowerRecord rec = result.records().stream().filter(r -> "对超长单元格事项的处罚".equals(r.name())).findFirst().orElseThrow();
        assertTrue(rec.basis().length() <= InputLimits.MAX_CELL_CHARS, "basis kept whole: " + rec.basis().length());
        assertTrue(rec.statutes().stream().anyMatch(st -> st.law().equals("社会保险法") && Integer.valueOf(86).equals(st.article())));
    }

    @Test
    void aRowOfThousandsOfCellsIsCut() {
        assertEquals(1, bySource.get(HostileFiles.WIDE_ROW).powers());
        assertTrue(remarks(HostileFiles.WIDE_ROW).stream().anyMatch(r -> r.line() == 2
                && r.reason().equals("the row has 5,005 cells; only the first 200 are read")), remarks(HostileFiles.WIDE_ROW).toString());
    }

    @Test
    void everyReportNamesAFileAndAReason() {
        for (Skip s : result.report().skipped()) {
            assertTrue(bySource.containsKey(s.file()), s.toString());
            assertFalse(s.reason().isBlank(), s.toString());
            assertFalse(s.reason().contains("Exception"), "no stack trace or exception name: " + s);
        }
        for (Remark r : result.report().remarks()) {
            assertTrue(bySource.containsKey(r.file()), r.toString());
            assertFalse(r.reason().isBlank(), r.toString());
        }
    }

    @Test
    void aMillionBadRowsAreCountedNotListed() {
        StringBuilder b = new StringBuilder(HostileFiles.HEADER);
        // The same 序号 over other names: a second item numbered 1 each time, skipped. (Rows that
        // repeat the name too are one item's merged cells written out, read as that item.)
        for (int i = 0; i < 5000; i++) b.append("1\t行政检查\t重复的事项").append(i).append("\t无\t无\n");
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("dupes.txt", b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, r.records().size());
        assertEquals(InputLimits.MAX_REPORTED + 1, r.skips().size());
        assertEquals("and 4,899 more rows skipped, not listed", r.skips().get(InputLimits.MAX_REPORTED).reason());
    }

    @Test
    void rowsRepeatingAnItemAreThatItemsMergedCellsWrittenOut() {
        StringBuilder b = new StringBuilder(HostileFiles.HEADER);
        for (int i = 0; i < 5000; i++) b.append("1\t行政检查\t重复的事项\t《某某条例》第三条\t某某局\n");
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("written-out.txt", b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, r.records().size());
        // Said once, not once per row; and the repeated texts are not appended to the item's own.
        assertEquals("重复的事项", r.records().getFirst().name());
        assertEquals("《某某条例》第三条", r.records().getFirst().basis());
        assertEquals(List.of(), r.skips());
        assertEquals(List.of("4,999 row(s) of this table, from here on, repeat the 序号 and name of the row above: "
                + "read as that item's merged cells written out into each row"), r.remarks().stream().map(Remark::reason).toList());
        assertEquals(3, r.remarks().getFirst().line());
    }

    @Test
    void aTextExportWithAnEmptyFirstColumnReadsAsWithout() {
        String rows = HostileFiles.HEADER + "1\t行政处罚\t对甲的处罚\t《某某条例》第三条\t某某局\n"
                + "2\t行政检查\t对乙的检查\t《某某条例》第五条\t某某局\n";
        String margin = rows.lines().map(l -> "\t" + l).collect(Collectors.joining("\n", "", "\n"));
        Ingester in = new Ingester(SourceCatalog.empty());
        Ingester.FileResult plain = in.ingest("plain.txt", rows.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Ingester.FileResult shifted = in.ingest("plain.txt", margin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(2, plain.records().size());
        assertNull(shifted.error());
        assertEquals(plain.records().stream().map(r -> r.seq() + " " + r.powerType() + " " + r.name() + " " + r.basis()).toList(),
                shifted.records().stream().map(r -> r.seq() + " " + r.powerType() + " " + r.name() + " " + r.basis()).toList());
    }

    @Test
    void directCallsOnBytesNeverThrow() throws Exception {
        Ingester in = new Ingester(SourceCatalog.empty());
        assertEquals("the file is empty", in.ingest("e.txt", new byte[0]).error());
        byte[] bytes = Files.readAllBytes(tmp.resolve("data/sources").resolve(HostileFiles.TRUNCATED));
        assertNull(in.ingest("t.txt", bytes).error());
    }
}
