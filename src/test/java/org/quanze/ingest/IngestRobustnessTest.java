package org.quanze.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.testing.BundledData.S000;
import static org.quanze.testing.BundledData.S001;
import static org.quanze.testing.BundledData.S002;
import static org.quanze.testing.BundledData.S003;
import static org.quanze.testing.BundledData.S004;

import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.testing.BundledData;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;

/**
 * A sources folder with the good lists beside an empty file, binary garbage, a text in no known
 * layout, a GB18030 copy of a list and a table with unreadable rows: every bad file and row is
 * reported with its reason, the rest ingests in full, and nothing throws.
 */
class IngestRobustnessTest {

    private static final String EMPTY = "empty.txt";
    private static final String GARBAGE = "garbage.bin";
    private static final String PROSE = "meeting-notes.txt";
    private static final String GB18030_COPY = "gb18030-copy.txt";
    private static final String ROW_SKIPS = "row-skips.txt";

    /** A plain table with a note row inside it and a second row numbered 2. */
    private static final String TABLE_WITH_BAD_ROWS = String.join("\n",
            "序号\t权力类型\t权力名称\t责任主体",
            "1\t行政检查\t医疗保险稽核\t医保中心",
            "说明：\t本表每年更新",
            "2\t行政确认\t医疗救助对象确认\t扶资科",
            "2\t行政确认\t医疗救助对象再确认\t扶资科");

    @TempDir
    static Path data;
    private static Ingester.Result result;

    @BeforeAll
    static void ingestAFolderOfGoodAndBadFiles() throws Exception {
        BundledData.copyTo(data);
        Path sources = data.resolve("sources");
        Files.write(sources.resolve(EMPTY), new byte[0]);
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        Files.write(sources.resolve(GARBAGE), garbage);
        Files.writeString(sources.resolve(PROSE), "会议纪要\n\n今天讨论了医疗保障工作的安排。\n下次会议另行通知。\n");
        String list002 = Files.readString(sources.resolve(S002 + ".txt"), StandardCharsets.UTF_8);
        Files.write(sources.resolve(GB18030_COPY), list002.getBytes(Charset.forName("GB18030")));
        Files.writeString(sources.resolve(ROW_SKIPS), TABLE_WITH_BAD_ROWS);
        Ingester ingester = new Ingester(SourceCatalog.load(data.resolve("sources.json")));
        result = assertDoesNotThrow(() -> ingester.ingest(sources));
    }

    private static Map<String, IngestReport.SourceReport> bySource() {
        Map<String, IngestReport.SourceReport> m = new LinkedHashMap<>();
        for (IngestReport.SourceReport s : result.report().sources()) m.put(s.file(), s);
        return m;
    }

    @Test
    void theGb18030CopyReallyIsNotUtf8() throws Exception {
        byte[] bytes = Files.readAllBytes(data.resolve("sources").resolve(GB18030_COPY));
        assertThrows(CharacterCodingException.class, () -> StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)));
    }

    @Test
    void ingestsTheGoodListsAndTheGb18030CopyInFull() {
        Map<String, IngestReport.SourceReport> s = bySource();
        Map<String, List<Integer>> counts = new LinkedHashMap<>();
        for (String f : List.of(S000 + ".txt", S001 + ".txt", S002 + ".txt", S003 + ".txt", S004 + ".txt", GB18030_COPY)) {
            assertNull(s.get(f).error(), f);
            counts.put(f, List.of(s.get(f).powers(), s.get(f).duties()));
        }
        assertEquals(Map.of(S000 + ".txt", List.of(20, 0), S001 + ".txt", List.of(9, 0), S002 + ".txt", List.of(18, 0),
                S003 + ".txt", List.of(9, 13), S004 + ".txt", List.of(17, 0), GB18030_COPY, List.of(18, 0)), counts);
        assertEquals("titled tables", s.get(GB18030_COPY).layout());
    }

    @Test
    void readsTheGb18030CopyIntoTheSameRecordsAsItsUtf8OriginalApartFromTheSource() {
        assertEquals(withoutSource(S002), withoutSource("gb18030-copy"));
    }

    /** The source's records as JSON, the id without its source prefix and the source without id and file. */
    private static List<JsonNode> withoutSource(String sourceId) {
        return result.records().stream().filter(r -> r.source().id().equals(sourceId)).map(r -> {
            ObjectNode n = Json.MAPPER.valueToTree(r);
            n.put("id", r.id().substring(sourceId.length()));
            // The evidence too: the copy has no sources.json entry, so it names what its content says.
            ((ObjectNode) n.get("source")).remove(List.of("id", "file", "evidence"));
            return (JsonNode) n;
        }).toList();
    }

    @Test
    void reportsEachBadFileByNameWithItsReason() {
        Map<String, String> failed = new LinkedHashMap<>();
        for (IngestReport.SourceReport s : result.report().failed()) failed.put(s.file(), s.error());
        assertEquals(List.of(EMPTY, GARBAGE, PROSE), List.copyOf(failed.keySet()));
        assertEquals("the file is empty", failed.get(EMPTY));
        assertEquals("the bytes are neither UTF-8 nor GB18030 text", failed.get(GARBAGE));
        assertTrue(failed.get(PROSE).startsWith("no known list layout"), failed.get(PROSE));
        for (String f : failed.keySet()) {
            assertTrue(result.report().skipped().contains(new Skip(f, 0, failed.get(f))), f + " is not among the skips");
        }
    }

    @Test
    void countsEverySkippedRowWithItsLineAndStillReadsTheOtherRows() {
        IngestReport.SourceReport s = bySource().get(ROW_SKIPS);
        assertNull(s.error());
        assertEquals(2, s.powers());
        List<Skip> rowSkips = result.report().skipped().stream().filter(k -> k.file().equals(ROW_SKIPS)).toList();
        assertEquals(List.of(
                new Skip(ROW_SKIPS, 3, "a row without a 序号 in its first cell inside a table"),
                new Skip(ROW_SKIPS, 5, "a second row numbered 2 in the same table")), rowSkips);
        assertEquals(List.of("医疗保险稽核", "医疗救助对象确认"), result.records().stream()
                .filter(r -> r.source().id().equals("row-skips")).map(PowerRecord::name).toList());
    }

    @Test
    void countsFileAndRowSkipsTogetherInTheReport() {
        assertEquals(5, result.report().skipped().size());
        assertEquals(73 + 18 + 2, result.report().powers());
        assertEquals(13, result.report().duties());
    }
}
