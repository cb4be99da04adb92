package org.quanze.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.quanze.ingest.TextClean;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Records as an Excel workbook for people who work in spreadsheets: a sheet of powers, one of
 * duties (主体责任) and one of statute citations (a row per record and cited law or article).
 * Each sheet has a bold header row that stays in view, filters on every column, widths that fit
 * its content, long text wrapped, and every cell stored as text, so 序号 "01" or a phone number
 * is never turned into a number. Written with POI's streaming workbook (SXSSF): a window of rows
 * in memory, the rest in a compressed temporary file, so ten thousand records cost little heap.
 */
public final class XlsxExport {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String POWERS = "权力事项";
    public static final String DUTIES = "主体责任";
    public static final String CITATIONS = "法规引用";

    /** Excel refuses longer cell text. */
    static final int MAX_CELL_CHARS = 32_767;
    private static final int MAX_LINES_SHOWN = 8;
    private static final float LINE_POINTS = 15f;

    static final List<RecordTable.Column> POWER_COLUMNS = RecordTable.COLUMNS.stream()
            .filter(c -> !c.key().equals("kind")).toList();
    static final List<RecordTable.Column> DUTY_COLUMNS = RecordTable.columns("id", "sourceId", "sourceFile", "sourceTitle",
            "seq", "table", "name", "levels", "notes");
    static final List<RecordTable.Column> CITATION_COLUMNS = List.of(
            new RecordTable.Column("id", "编号", 16, false, null),
            new RecordTable.Column("name", "名称", 40, true, null),
            new RecordTable.Column("law", "法规", 30, true, null),
            new RecordTable.Column("article", "条", 6, false, null),
            new RecordTable.Column("role", "引用为", 10, false, null));

    private XlsxExport() {}

    public static void write(List<PowerRecord> records, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        wb.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(wb);
            List<PowerRecord> powers = records.stream().filter(r -> !PowerRecord.DUTY.equals(r.kind())).toList();
            List<PowerRecord> duties = records.stream().filter(r -> PowerRecord.DUTY.equals(r.kind())).toList();
            table(wb, POWERS, POWER_COLUMNS, rows(powers, POWER_COLUMNS), styles);
            table(wb, DUTIES, DUTY_COLUMNS, rows(duties, DUTY_COLUMNS), styles);
            table(wb, CITATIONS, CITATION_COLUMNS, citations(records), styles);
            wb.write(out);
        } finally {
            wb.close();
            wb.dispose(); // the temporary files
        }
    }

    private static List<List<String>> rows(List<PowerRecord> records, List<RecordTable.Column> columns) {
        List<List<String>> out = new ArrayList<>(records.size());
        for (PowerRecord r : records) out.add(columns.stream().map(c -> c.value().apply(r)).toList());
        return out;
    }

    /** One row per record and cited statute: the law alone, or each article of it. */
    static List<List<String>> citations(List<PowerRecord> records) {
        List<List<String>> out = new ArrayList<>();
        for (PowerRecord r : records) {
            for (Statute s : r.statutes()) {
                out.add(List.of(r.id(), r.name() == null ? "" : r.name(), s.law(),
                        s.article() == null ? "" : String.valueOf(s.article()), role(s.role())));
            }
        }
        return out;
    }

    static String role(String role) {
        return Statute.BASIS.equals(role) ? "设定依据" : Statute.ACCOUNTABILITY.equals(role) ? "追责依据" : role;
    }

    private static void table(SXSSFWorkbook wb, String name, List<RecordTable.Column> columns, List<List<String>> rows, Styles styles) {
        SXSSFSheet sheet = wb.createSheet(name);
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            RecordTable.Column col = columns.get(c);
            header.createCell(c).setCellValue(col.label());
            header.getCell(c).setCellStyle(styles.header);
            // Width is in 1/256 of a digit's width; a Chinese character takes about two.
            sheet.setColumnWidth(c, Math.min(255, col.width() * 2 + 2) * 256);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<String> values = rows.get(r);
            int lines = 1;
            for (int c = 0; c < columns.size(); c++) {
                String v = cellText(values.get(c));
                RecordTable.Column col = columns.get(c);
                var cell = row.createCell(c);
                cell.setCellValue(v);
                cell.setCellStyle(col.wrap() ? styles.wrapped : styles.text);
                if (col.wrap()) lines = Math.max(lines, lines(v, col.width()));
            }
            // Excel does not fit row heights on opening a file; show up to a few lines of wrapped text.
            if (lines > 1) row.setHeightInPoints(Math.min(lines, MAX_LINES_SHOWN) * LINE_POINTS);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, columns.size() - 1));
    }

    static String cellText(String v) {
        if (v == null) return "";
        v = TextClean.withoutBidiControls(v); // a displayed cell must read as it is stored
        return v.length() <= MAX_CELL_CHARS ? v : v.substring(0, MAX_CELL_CHARS - 1) + "…";
    }

    /** Lines the text takes in a column of this width, a CJK character counting as one, others as half. */
    static int lines(String text, int width) {
        int total = 0;
        for (String line : text.split("\n", -1)) {
            double w = 0;
            for (int i = 0; i < line.length(); i++) w += line.charAt(i) < 0x2E80 ? 0.5 : 1;
            total += Math.max(1, (int) Math.ceil(w / Math.max(1, width)));
        }
        return total;
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrapped;

        Styles(SXSSFWorkbook wb) {
            short textFormat = wb.createDataFormat().getFormat("@");
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setDataFormat(textFormat);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = wb.createCellStyle();
            text.setDataFormat(textFormat);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped = wb.createCellStyle();
            wrapped.cloneStyleFrom(text);
            wrapped.setWrapText(true);
        }
    }
}
