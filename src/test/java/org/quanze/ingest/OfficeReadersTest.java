package org.quanze.ingest;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The office and CSV readers on tiny fixtures: the cell text they produce, and what they refuse and why. */
class OfficeReadersTest {

    // ---- spreadsheets -------------------------------------------------------------------------

    @Test
    void showsNumbersAsExcelDisplaysThemAndFormulasByTheirCachedValue() throws Exception {
        byte[] xlsx = workbook(new XSSFWorkbook(), wb -> {
            Sheet s = wb.createSheet("表");
            Row r = s.createRow(0);
            r.createCell(0).setCellValue(1.0);
            r.createCell(1).setCellValue(2.5);
            r.createCell(2).setCellFormula("A1+1");
            r.createCell(3).setCellValue("行政处罚\r\n第二行");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        Grid g = GridReaders.read("a.xlsx", xlsx);
        assertEquals(List.of("1", "2.5", "2", "行政处罚\n第二行"), g.rows().get(0).cells());
    }

    @Test
    void expandsMergedCellsAndKeepsAMergedTitleAsOneCellOnce() throws Exception {
        byte[] xlsx = workbook(new XSSFWorkbook(), wb -> {
            Sheet s = wb.createSheet("表");
            s.createRow(0).createCell(0).setCellValue("某局权责清单");
            s.createRow(1).createCell(0).setCellValue("续标题");
            s.addMergedRegion(new CellRangeAddress(0, 1, 0, 2)); // a title over two rows and three columns
            Row h = s.createRow(2);
            h.createCell(0).setCellValue("序号");
            h.createCell(1).setCellValue("权力类型");
            h.createCell(2).setCellValue("权力名称");
            for (int i = 0; i < 2; i++) {
                Row d = s.createRow(3 + i);
                d.createCell(0).setCellValue(i + 1);
                if (i == 0) d.createCell(1).setCellValue("行政检查");
                d.createCell(2).setCellValue("事项" + (i + 1));
            }
            s.addMergedRegion(new CellRangeAddress(3, 4, 1, 1));
        });
        Grid g = GridReaders.read("a.xlsx", xlsx);
        assertEquals(List.of(List.of("某局权责清单"), List.of("序号", "权力类型", "权力名称"),
                List.of("1", "行政检查", "事项1"), List.of("2", "行政检查", "事项2")), cells(g));
        assertEquals(List.of(1, 3, 4, 5), g.rows().stream().map(Grid.Row::line).toList(), "lines are sheet row numbers");
    }

    @Test
    void readsEverySheetAsAPartOfTheGridNamedAsTheSheet() throws Exception {
        byte[] xls = workbook(new HSSFWorkbook(), wb -> {
            Sheet a = wb.createSheet("行政处罚");
            a.createRow(0).createCell(0).setCellValue("表一");
            row(a.createRow(1), "序号", "权力名称");
            row(wb.createSheet("空表").createRow(3)); // a sheet without text adds no row
            Sheet b = wb.createSheet("行政检查");
            row(b.createRow(0), "序号", "权力名称");
        });
        Grid g = GridReaders.read("a.xls", xls);
        assertEquals(List.of(List.of("表一"), List.of("序号", "权力名称"), List.of("序号", "权力名称")), cells(g));
        assertEquals(List.of("行政处罚", "行政处罚", "行政检查"), g.rows().stream().map(g::partName).toList());
        assertEquals(2 + 0 + 1, g.physicalRows(), "each sheet's rows up to its last row with text");
    }

    @Test
    void keepsAKeyWithAnEmptyValueAsATwoCellRow() throws Exception {
        byte[] xlsx = workbook(new XSSFWorkbook(), wb -> {
            Sheet s = wb.createSheet("表");
            row(s.createRow(0), "序号", "1");
            row(s.createRow(1), "职责边界", "");
            row(s.createRow(2), "说明文字", "");
        });
        assertEquals(List.of(List.of("序号", "1"), List.of("职责边界", ""), List.of("说明文字")), cells(GridReaders.read("a.xlsx", xlsx)));
    }

    @Test
    void aStyledEmptyCellFarOutDoesNotWidenTheTable() throws Exception {
        byte[] xlsx = workbook(new XSSFWorkbook(), wb -> {
            Sheet s = wb.createSheet("表");
            row(s.createRow(0), "序号", "权力名称", "");
            Row d = s.createRow(1);
            row(d, "1", "事项");
            d.createCell(16_000).setCellStyle(wb.createCellStyle()); // formatting applied to whole rows
        });
        assertEquals(List.of(List.of("序号", "权力名称"), List.of("1", "事项")), cells(GridReaders.read("a.xlsx", xlsx)));
    }

    // ---- Word ---------------------------------------------------------------------------------

    @Test
    void readsParagraphsAsTitlesAndJoinsACellsParagraphsWithNewlines() throws Exception {
        byte[] docx = document(doc -> {
            doc.createParagraph().createRun().setText("表2-1");
            doc.createParagraph(); // an empty paragraph is no title
            XWPFTable t = doc.createTable(1, 2);
            t.getRow(0).getCell(0).setText("责任事项");
            XWPFTableCell v = t.getRow(0).getCell(1);
            v.setText("1.立案责任：……");
            v.addParagraph().createRun().setText("2.调查责任：……");
        });
        assertEquals(List.of(List.of("表2-1"), List.of("责任事项", "1.立案责任：……\n2.调查责任：……")),
                cells(GridReaders.read("a.docx", docx)));
    }

    @Test
    void flattensATableNestedInACellOneLinePerRow() throws Exception {
        byte[] docx = document(doc -> {
            XWPFTable t = doc.createTable(1, 2);
            t.getRow(0).getCell(0).setText("设定依据");
            XWPFTableCell cell = t.getRow(0).getCell(1);
            cell.setText("依据如下：");
            XWPFTable nested = cell.insertNewTbl(cell.getCTTc().addNewTbl().newCursor());
            nested.getCTTbl().addNewTblPr();
            for (String[] r : new String[][] {{"【法律】", "《社会保险法》第八十七条"}, {"【法规】", "《医疗保障基金使用监督管理条例》第三十七条"}}) {
                var row = nested.createRow();
                while (row.getTableCells().size() < 2) row.addNewTableCell();
                row.getCell(0).setText(r[0]);
                row.getCell(1).setText(r[1]);
            }
        });
        Grid g = GridReaders.read("a.docx", docx);
        assertEquals("设定依据", g.rows().get(0).cell(0));
        assertEquals("依据如下：\n【法律】 《社会保险法》第八十七条\n【法规】 《医疗保障基金使用监督管理条例》第三十七条",
                g.rows().get(0).cell(1));
    }

    @Test
    void writesWordsAutomaticNumbersBeforeTheParagraphText() throws Exception {
        byte[] docx = document(doc -> {
            XWPFNumbering numbering = doc.createNumbering();
            CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
            abs.setAbstractNumId(BigInteger.ONE);
            CTLvl lvl = abs.addNewLvl();
            lvl.setIlvl(BigInteger.ZERO);
            lvl.addNewStart().setVal(BigInteger.ONE);
            lvl.addNewNumFmt().setVal(STNumberFormat.CHINESE_COUNTING);
            lvl.addNewLvlText().setVal("（%1）");
            BigInteger numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abs)));
            for (String text : List.of("负责贯彻执行……", "组织起草……")) {
                XWPFParagraph p = doc.createParagraph();
                p.setNumID(numId);
                p.createRun().setText(text);
            }
        });
        assertEquals(List.of(List.of("（一） 负责贯彻执行……"), List.of("（二） 组织起草……")), cells(GridReaders.read("a.docx", docx)));
    }

    @Test
    void countsInChineseAsWordDoes() {
        assertEquals(List.of("一", "十", "十三", "二十", "一百零五", "一百一十"),
                List.of(1, 10, 13, 20, 105, 110).stream().map(DocxNumbering::chinese).toList());
    }

    // ---- CSV ----------------------------------------------------------------------------------

    @Test
    void readsGb18030CsvWithQuotedMultiLineCells() throws Exception {
        String csv = "标题\r\n序号,权力名称,责任事项\r\n1,\"对某行为的处罚\",\"1.立案责任：“引号”,逗号\r\n2.调查责任\"\r\n";
        Grid g = GridReaders.read("a.csv", csv.getBytes(Charset.forName("GB18030")));
        assertEquals(List.of(List.of("标题"), List.of("序号", "权力名称", "责任事项"),
                List.of("1", "对某行为的处罚", "1.立案责任：“引号”,逗号\n2.调查责任")), cells(g));
        assertEquals(List.of(1, 2, 3), g.rows().stream().map(Grid.Row::line).toList());
    }

    @Test
    void refusesMalformedCsvWithItsReason() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> GridReaders.read("a.csv", "序号,名称\n1,\"未闭合的引号\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.reason().startsWith("is not well-formed CSV"), e.reason());
    }

    // ---- dispatch: the name and the content must agree ----------------------------------------

    @Test
    void readsAnXlsxThatIsReallyAnXlsAsWhatItIsWithARemark() throws Exception {
        byte[] xls = workbook(new HSSFWorkbook(), wb -> row(wb.createSheet("s").createRow(0), "序号", "权力名称"));
        assertEquals(List.of(List.of("序号", "权力名称")), cells(GridReaders.read("list.xlsx", xls)));
        assertEquals(List.of("the name says .xlsx but the file is an Excel 97–2003 workbook (.xls); it was read as what it is"),
                remarks("list.xlsx", xls));
    }

    @Test
    void refusesAnXlsThatIsAWebPage() {
        assertEquals("the name says .xls but the file is an HTML page (a web page saved under an Office name?)",
                reason("list.xls", "<html><body><table><tr><td>序号</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsADocxThatIsAWorkbookAndAnXlsxThatIsADocumentAsWhatTheyAre() throws Exception {
        byte[] xlsx = workbook(new XSSFWorkbook(), wb -> row(wb.createSheet("s").createRow(0), "序号", "权力名称"));
        byte[] docx = document(doc -> doc.createParagraph().createRun().setText("表1"));
        assertEquals(List.of(List.of("序号", "权力名称")), cells(GridReaders.read("list.docx", xlsx)));
        assertEquals(List.of("the name says .docx but the file is an Excel workbook (.xlsx); it was read as what it is"),
                remarks("list.docx", xlsx));
        assertEquals(List.of(List.of("表1")), cells(GridReaders.read("list.xlsx", docx)));
        assertEquals(List.of("the name says .xlsx but the file is a Word document (.docx); it was read as what it is"),
                remarks("list.xlsx", docx));
    }

    @Test
    void readsATextFileThatIsAWorkbookAsAWorkbook() throws Exception {
        byte[] xlsx = workbook(new XSSFWorkbook(), wb -> row(wb.createSheet("s").createRow(0), "序号", "权力名称"));
        assertEquals(List.of(List.of("序号", "权力名称")), cells(GridReaders.read("list.txt", xlsx)));
        assertEquals(List.of("the name says .txt but the file is an Excel workbook (.xlsx); it was read as what it is"),
                remarks("list.txt", xlsx));
    }

    @Test
    void refusesAPresentationUnderAWorkbookName() throws Exception {
        try (org.apache.poi.xslf.usermodel.XMLSlideShow show = new org.apache.poi.xslf.usermodel.XMLSlideShow()) {
            show.createSlide();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            show.write(out);
            assertEquals("the name says .xlsx but the file is a PowerPoint presentation (.pptx)", reason("list.xlsx", out.toByteArray()));
        }
    }

    @Test
    void refusesAPasswordProtectedWorkbookSayingSo() throws Exception {
        byte[] xlsx = workbook(new XSSFWorkbook(), wb -> row(wb.createSheet("s").createRow(0), "序号"));
        Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        enc.confirmPassword("secret");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx)); OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            fs.writeFilesystem(out);
        }
        assertEquals("is password-protected; save it again without a password", reason("list.xlsx", out.toByteArray()));
    }

    @Test
    void readsAFileWithoutExtensionByItsContent() throws Exception {
        byte[] xlsx = workbook(new XSSFWorkbook(), wb -> row(wb.createSheet("s").createRow(0), "序号", "权力名称"));
        assertEquals(List.of(List.of("序号", "权力名称")), cells(GridReaders.read("list", xlsx)));
    }

    @Test
    void refusesACorruptWorkbookWithAReason() {
        byte[] broken = "PK\u0003\u0004this is no zip archive at all".getBytes(StandardCharsets.ISO_8859_1);
        String reason = reason("list.xlsx", broken);
        assertTrue(reason.startsWith("is a damaged or unsupported Office file") || reason.startsWith("is a zip archive but no Office file"), reason);
    }

    @Test
    void refusesAZipBombBeforeItFillsTheHeap() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            // One MB past the limit for a sheet part, in ~65 KB.
            for (long i = 0; i <= InputLimits.MAX_STREAMED_PART_BYTES >> 20; i++) zip.write(zeros);
        }
        assertEquals("its part xl/worksheets/sheet1.xml unpacks to more than 64 MB, over the limit for such a part "
                + "(refused as a possible zip bomb)", reason("bomb.xlsx", out.toByteArray()));
    }

    @Test
    void ingesterReportsAMismatchedFileAndStillIngestsTheOthers(@TempDir Path dir) throws Exception {
        Path good = Path.of("index-data", "sources", "001_5b333ea7bdafe129.txt");
        Grid g = TextGridReader.read(good.getFileName().toString(), Files.readAllBytes(good));
        Files.write(dir.resolve("001.xlsx"), OfficeFixtures.xlsx(g, List.of()));
        Files.write(dir.resolve("fake.xls"), "<html><table></table></html>".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("~$001.xlsx"), new byte[] {1, 2, 3}); // Office's lock file, not a list
        Ingester.Result r = new Ingester(SourceCatalog.empty()).ingest(dir);
        assertEquals(9, r.report().powers());
        assertEquals(List.of("001.xlsx", "fake.xls"), r.report().sources().stream().map(IngestReport.SourceReport::file).toList());
        assertEquals(List.of(new Skip("fake.xls", 0, "the name says .xls but the file is an HTML page (a web page saved under an Office name?)")),
                r.report().skipped());
    }

    @Test
    void ingesterRefusesBytesOverTheLimitBeforeReadingThem() {
        byte[] big = new byte[(int) Ingester.MAX_FILE_BYTES + 1];
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("big.xlsx", big);
        assertEquals("the file is 20.0 MB, over the limit of 20.0 MB", r.error());
    }

    // ---------------------------------------------------------------------------------------------

    interface Filler<T> {
        void fill(T t) throws Exception;
    }

    private static byte[] workbook(Workbook wb, Filler<Workbook> fill) throws Exception {
        try (wb) {
            fill.fill(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] document(Filler<XWPFDocument> fill) throws Exception {
        try (XWPFDocument doc = new XWPFDocument()) {
            fill.fill(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void row(Row r, String... cells) {
        for (int i = 0; i < cells.length; i++) r.createCell(i).setCellValue(cells[i]);
    }

    private static List<List<String>> cells(Grid g) {
        return g.rows().stream().map(Grid.Row::cells).toList();
    }

    private static List<String> remarks(String file, byte[] bytes) throws UnreadableFileException {
        ReadLog log = new ReadLog(file);
        GridReaders.read(file, bytes, log);
        return log.remarks.stream().map(Remark::reason).toList();
    }

    /** Why the file is refused; fails where it is read. */
    static String reason(String file, byte[] bytes) {
        try {
            GridReaders.read(file, bytes);
        } catch (UnreadableFileException e) {
            return e.reason();
        }
        throw new AssertionError(file + " was read");
    }
}
