package org.quanze.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.Engine;
import org.quanze.TestData;
import org.quanze.index.IndexStore;
import org.quanze.search.SearchRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever goes wrong inside one file's reader costs that file only. A folder holding the bundled
 * lists, an .xls whose records break off (POI throws while parsing it), an .xlsx whose sheet XML
 * ends mid-cell (the parser throws while streaming it) and a workbook with an empty 权力类型 cell
 * (which once ended the whole ingest with "NullPointerException") is ingested and indexed: the
 * two broken files are reported by name with their reason, everything else is searchable.
 */
class IngestIsolationTest {

    @TempDir
    Path tmp;

    @Test
    void aFileThatThrowsInsideItsReaderCostsOnlyThatFile() throws Exception {
        Path data = TestData.copy(tmp);
        Path sources = data.resolve("sources");
        Files.write(sources.resolve("broken.xls"), BrokenFiles.xlsThatThrowsWhileParsed());
        Files.write(sources.resolve("broken.xlsx"), BrokenFiles.xlsxThatThrowsWhileStreamed());
        Files.write(sources.resolve("empty-type.xls"), SheetFixture.xls(SheetFixture.sheet("行政检查（1项）")
                .row("序号", "事项名称", "权力类型", "承办机构").row("1", "对生猪屠宰活动的监督检查", "", "畜牧兽医科")));

        Engine.Built b = Engine.ingest(new IndexStore(data));
        assertNotNull(b.generation(), "an index was written");
        Map<String, String> failed = new LinkedHashMap<>();
        for (IngestReport.SourceReport s : b.report().failed()) failed.put(s.file(), s.error());
        assertEquals(List.of("broken.xls", "broken.xlsx"), List.copyOf(failed.keySet()));
        assertTrue(failed.get("broken.xls").startsWith("is a damaged or unsupported Excel 97–2003 workbook ("), failed.toString());
        assertTrue(failed.get("broken.xlsx").startsWith("is a damaged or unsupported Excel workbook ("), failed.toString());
        assertEquals(TestData.POWERS + 1, b.report().powers());
        assertEquals(13, b.report().duties());

        try (Engine e = Engine.open(data, false, TestData.QUIET)) {
            var hits = e.search().search(SearchRequest.of("生猪屠宰活动")).hits();
            assertEquals("对生猪屠宰活动的监督检查", hits.getFirst().name());
            assertEquals("行政检查", hits.getFirst().powerType());
            assertEquals(TestData.ITEMS + 1, e.search().items());
        }
    }
}
