package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.Engine;
import org.quanze.export.XlsxExport;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.testing.BundledData;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /api/export through the real server (on port 0) over a temporary copy of the bundled data: the downloaded workbook
 * and CSV are opened and their rows checked against the records ingested from the same sources.
 */
class ExportApiTest {

    @TempDir
    static Path data;
    private static Engine engine;
    private static Javalin app;
    private static HttpClient http;
    private static List<PowerRecord> all;

    @BeforeAll
    static void start() throws IOException {
        BundledData.copyTo(data);
        engine = Engine.open(data, true, new PrintStream(OutputStream.nullOutputStream()));
        app = WebApp.create(engine.search(), new WebApp.Options(null)).start("127.0.0.1", 0);
        http = HttpClient.newHttpClient();
        all = BundledData.ingest().records();
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) app.stop();
        if (engine != null) engine.close();
    }

    @Test
    void xlsxOfAPowerTypeHoldsEveryMatchingItemInSourceOrder() throws Exception {
        HttpResponse<byte[]> r = get("format=xlsx&type=" + enc("行政处罚") + "&sort=source");
        assertEquals(200, r.statusCode());
        assertEquals(XlsxExport.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
        assertNamed("权责清单-行政处罚", "xlsx", r);
        assertEquals("25", r.headers().firstValue("X-Total-Count").orElseThrow());
        assertEquals("25", r.headers().firstValue("X-Export-Count").orElseThrow());
        assertEquals("10000", r.headers().firstValue("X-Export-Limit").orElseThrow());

        List<PowerRecord> expected = all.stream().filter(p -> "行政处罚".equals(p.powerType())).toList();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            assertEquals(List.of(XlsxExport.POWERS, XlsxExport.DUTIES, XlsxExport.CITATIONS),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
            XSSFSheet powers = wb.getSheet(XlsxExport.POWERS);
            List<List<String>> rows = rows(powers);
            assertEquals(26, rows.size(), "header and 25 items");
            List<String> header = rows.get(0);
            assertEquals(List.of("编号", "来源编号", "来源文件", "来源清单", "部门", "地区", "序号", "所在表格", "权力类型"), header.subList(0, 9));
            int name = header.indexOf("名称");
            int type = header.indexOf("权力类型");
            assertEquals(expected.stream().map(PowerRecord::name).toList(), rows.subList(1, 26).stream().map(x -> x.get(name)).toList());
            assertEquals(expected.stream().map(PowerRecord::id).toList(), rows.subList(1, 26).stream().map(x -> x.get(0)).toList());
            assertEquals("对缴费单位未按照规定办理社会保险登记、变更登记或者注销登记的行政处罚", rows.get(1).get(name));
            assertTrue(rows.subList(1, 26).stream().allMatch(x -> x.get(type).equals("行政处罚")));

            // The header is bold and stays in view; filters cover the table; cells are text.
            assertTrue(wb.getFontAt(powers.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertNotNull(powers.getPaneInformation());
            assertEquals(1, powers.getPaneInformation().getHorizontalSplitPosition());
            assertEquals("A1:AD26", powers.getCTWorksheet().getAutoFilter().getRef());
            assertEquals("@", powers.getRow(1).getCell(0).getCellStyle().getDataFormatString());
            assertTrue(powers.getColumnWidth(name) > powers.getColumnWidth(0), "the name column is wider than the id");

            assertEquals(1, rows(wb.getSheet(XlsxExport.DUTIES)).size(), "powers only: the duties sheet has its header");
            List<List<String>> citations = rows(wb.getSheet(XlsxExport.CITATIONS));
            assertEquals(List.of("编号", "名称", "法规", "条", "引用为"), citations.get(0));
            assertEquals(expected.stream().mapToInt(p -> p.statutes().size()).sum(), citations.size() - 1);
            PowerRecord item6 = BundledData.find(all, BundledData.S000 + "-6");
            assertTrue(citations.contains(List.of(item6.id(), item6.name(), "社会保险法", "87", "设定依据")), "000 item 6 cites 社会保险法 87");
        }
    }

    @Test
    void csvHasABomAndTheSameRows() throws Exception {
        HttpResponse<byte[]> r = get("format=csv&type=" + enc("行政处罚") + "&sort=source");
        assertEquals(200, r.statusCode());
        assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().toLowerCase());
        assertNamed("权责清单-行政处罚", "csv", r);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(r.body(), 3));
        String text = new String(r.body(), 3, r.body().length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(text, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = p.getRecords();
            assertEquals(org.quanze.export.RecordTable.CSV_HEADER, p.getHeaderNames(), "the spreadsheet's Chinese headers");
        }
        List<PowerRecord> expected = all.stream().filter(p -> "行政处罚".equals(p.powerType())).toList();
        assertEquals(expected.stream().map(PowerRecord::name).toList(), rows.stream().map(x -> x.get("名称")).toList());
        assertEquals(expected.get(0).basis(), rows.get(0).get("设定依据"));
    }

    @Test
    void rankedExportFollowsTheSearchOrder() throws Exception {
        String q = "q=" + enc("稽核");
        JsonNode hits = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(uri("/api/search?" + q + "&size=100")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("hits");
        List<String> searchIds = new ArrayList<>();
        hits.forEach(h -> searchIds.add(h.get("id").asText()));
        HttpResponse<byte[]> r = get("format=xlsx&" + q);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            List<List<String>> rows = rows(wb.getSheet(XlsxExport.POWERS));
            assertTrue(searchIds.size() > 1);
            assertEquals(searchIds, rows.subList(1, rows.size()).stream().map(x -> x.get(0)).toList());
        }
    }

    @Test
    void dutiesGoToTheirOwnSheet() throws Exception {
        HttpResponse<byte[]> r = get("format=xlsx&kind=duty");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            List<List<String>> duties = rows(wb.getSheet(XlsxExport.DUTIES));
            assertEquals(14, duties.size(), "header and 13 duties");
            assertEquals(List.of("编号", "来源编号", "来源文件", "来源清单", "序号", "所在表格", "名称", "层级", "备注"), duties.get(0));
            assertEquals("（一）", duties.get(1).get(4));
            assertEquals(1, rows(wb.getSheet(XlsxExport.POWERS)).size());
        }
    }

    @Test
    void refusesABadFormatAndPaging() throws Exception {
        for (String query : List.of("format=pdf", "", "format=csv&page=2", "format=xlsx&color=red")) {
            HttpResponse<byte[]> r = get(query);
            assertEquals(400, r.statusCode(), query);
            JsonNode body = Json.MAPPER.readTree(r.body());
            assertEquals("bad_parameter", body.get("error").asText(), query);
        }
        assertEquals("参数 format 须为 csv 或 xlsx，不能是 'pdf'",
                Json.MAPPER.readTree(get("format=pdf").body()).get("message").asText());
    }

    // ---------------------------------------------------------------------------------------------

    private static HttpResponse<byte[]> get(String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/export?" + query)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> out = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
            }
            out.add(cells);
        }
        return out;
    }

    /** The download's name says what it holds and the day it was made (either day, across midnight). */
    private static void assertNamed(String name, String extension, HttpResponse<?> r) {
        String disposition = r.headers().firstValue("Content-Disposition").orElseThrow();
        java.time.LocalDate today = java.time.LocalDate.now();
        assertTrue(disposition.equals(org.quanze.export.ExportName.contentDisposition(name + "-" + today, extension))
                || disposition.equals(org.quanze.export.ExportName.contentDisposition(name + "-" + today.minusDays(1), extension)),
                disposition);
    }
}
