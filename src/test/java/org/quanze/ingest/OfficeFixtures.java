package org.quanze.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a text grid back out as the Office and CSV files an office would keep, with POI and
 * Commons CSV, so that the readers are tested against every bundled list in every format.
 * Plain versions put one grid row in one table row and one grid cell in one cell. Merged versions
 * do what Excel and Word users do: the two-row header's shared labels become merged cells
 * (序号 down two rows, 权力清单 across its columns) and a 权力类型 shared by consecutive items is
 * one cell spanning their rows; the covered cells are left empty, as the applications leave them.
 */
final class OfficeFixtures {

    private OfficeFixtures() {}

    /** A merged cell: rows and columns are 0-based grid row indexes and cell positions, inclusive. */
    record Merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        boolean covers(int r, int c) {
            return r >= firstRow && r <= lastRow && c >= firstCol && c <= lastCol;
        }

        boolean isTopLeft(int r, int c) {
            return r == firstRow && c == firstCol;
        }
    }

    // ---- spreadsheets -------------------------------------------------------------------------

    static byte[] xlsx(Grid g, List<Merge> merges) throws IOException {
        return sheet(new XSSFWorkbook(), g, merges);
    }

    static byte[] xls(Grid g, List<Merge> merges) throws IOException {
        return sheet(new HSSFWorkbook(), g, merges);
    }

    private static byte[] sheet(Workbook wb, Grid g, List<Merge> merges) throws IOException {
        try (wb) {
            Sheet sheet = wb.createSheet("权责清单");
            for (int r = 0; r < g.rows().size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = g.rows().get(r).cells();
                for (int c = 0; c < cells.size(); c++) {
                    boolean covered = coveredNotTopLeft(merges, r, c);
                    row.createCell(c).setCellValue(covered ? "" : cells.get(c));
                }
            }
            for (Merge m : merges) sheet.addMergedRegion(new CellRangeAddress(m.firstRow, m.lastRow, m.firstCol, m.lastCol));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    // ---- Word ---------------------------------------------------------------------------------

    /**
     * One table per run of multi-cell rows, each one-cell row a paragraph between tables (so 003
     * gets one two-column table per 表 block, its 表2-N title a paragraph before it). Merges
     * become gridSpan (across) and vMerge (down) on the cells.
     */
    static byte[] docx(Grid g, List<Merge> merges) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable table = null;
            for (int r = 0; r < g.rows().size(); r++) {
                List<String> cells = g.rows().get(r).cells();
                if (cells.size() == 1) {
                    table = null;
                    doc.createParagraph().createRun().setText(cells.get(0));
                    continue;
                }
                if (table == null) {
                    table = doc.createTable();
                    table.removeRow(0);
                    grid(table, tableWidth(g, r));
                }
                XWPFTableRow row = table.insertNewTableRow(table.getNumberOfRows());
                for (int c = 0; c < cells.size(); c++) {
                    Merge m = at(merges, r, c);
                    if (m != null && m.firstRow == r && m.firstCol != c) continue; // inside a gridSpan
                    if (m != null && m.firstRow != r && m.firstCol != c) continue;
                    XWPFTableCell cell = row.addNewTableCell();
                    CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                    CTTblWidth w = pr.addNewTcW();
                    w.setType(STTblWidth.DXA);
                    w.setW(BigInteger.valueOf(COLUMN_TWIPS * (m == null ? 1 : m.lastCol - m.firstCol + 1)));
                    if (m == null) {
                        write(cell, cells.get(c));
                        continue;
                    }
                    if (m.lastCol > m.firstCol) pr.addNewGridSpan().setVal(BigInteger.valueOf(m.lastCol - m.firstCol + 1));
                    if (m.lastRow > m.firstRow) {
                        if (m.firstRow == r) pr.addNewVMerge().setVal(STMerge.RESTART);
                        else pr.addNewVMerge();
                    }
                    write(cell, m.firstRow == r ? cells.get(c) : "");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** Each column's width in a Word table, in twips; a cell merged across is as wide as the columns it covers. */
    private static final int COLUMN_TWIPS = 600;

    /**
     * The table's column grid, as Word writes one: without it a word processor gives every cell
     * the same width, and a cell merged across no longer lines up with the columns it covers.
     */
    private static void grid(XWPFTable table, int columns) {
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
        for (int i = 0; i < columns; i++) grid.addNewGridCol().setW(BigInteger.valueOf(COLUMN_TWIPS));
    }

    /** The widest row of the table that starts at row {@code first} (a run of rows of several cells). */
    private static int tableWidth(Grid g, int first) {
        int width = 0;
        for (int r = first; r < g.rows().size() && g.rows().get(r).cells().size() > 1; r++) width = Math.max(width, g.rows().get(r).cells().size());
        return width;
    }

    /** A cell's lines as paragraphs, the way Word keeps a multi-line cell. */
    private static void write(XWPFTableCell cell, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            if (!lines[i].isEmpty()) p.createRun().setText(lines[i]);
        }
    }

    // ---- CSV ----------------------------------------------------------------------------------

    static byte[] csv(Grid g, Charset charset, boolean bom) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer w = new OutputStreamWriter(out, charset); CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            for (Grid.Row r : g.rows()) p.printRecord(r.cells());
        }
        return out.toByteArray();
    }

    // ---- where a user would merge -------------------------------------------------------------

    /**
     * The merges of a horizontal list: each two-row header block (a group row or first header
     * row over a header or sub-header row) merged where the text export left cells empty, and
     * each run of consecutive items with the same 权力类型 merged down that column.
     */
    /**
     * The grid as a word processor saves its tables in a .doc: each table (a run of rows of
     * several cells between one-cell rows) square, its short rows filled with empty cells, which
     * {@link #stretched} merges into the row's last cell.
     */
    static Grid squared(Grid g) {
        List<Grid.Row> out = new ArrayList<>();
        List<Grid.Row> rows = g.rows();
        int start = 0;
        while (start < rows.size()) {
            if (rows.get(start).cells().size() == 1) {
                out.add(rows.get(start++));
                continue;
            }
            int end = start, width = 0;
            while (end < rows.size() && rows.get(end).cells().size() > 1) width = Math.max(width, rows.get(end++).cells().size());
            for (Grid.Row r : rows.subList(start, end)) {
                List<String> cells = new ArrayList<>(r.cells());
                while (cells.size() < width) cells.add("");
                out.add(cells.size() == r.cells().size() ? r : new Grid.Row(r.line(), cells));
            }
            start = end;
        }
        return new Grid(g.file(), out);
    }

    /** Per short row of a table, its last cell merged across to the table's widest row's edge, as LibreOffice saves a .doc. */
    static List<Merge> stretched(Grid g) {
        List<Merge> out = new ArrayList<>();
        List<Grid.Row> rows = g.rows();
        int start = 0;
        while (start < rows.size()) {
            if (rows.get(start).cells().size() == 1) {
                start++;
                continue;
            }
            int end = start, width = 0;
            while (end < rows.size() && rows.get(end).cells().size() > 1) width = Math.max(width, rows.get(end++).cells().size());
            for (int r = start; r < end; r++) {
                int n = rows.get(r).cells().size();
                if (n < width) out.add(new Merge(r, r, n - 1, width - 1));
            }
            start = end;
        }
        return out;
    }

    static List<Merge> horizontalMerges(Grid g) {
        List<Merge> out = new ArrayList<>();
        List<Grid.Row> rows = g.rows();
        int typeColumn = -1;
        for (int r = 0; r < rows.size(); r++) {
            Grid.Row row = rows.get(r);
            for (int c = 0; c < row.cells().size(); c++) {
                if (Field.ofLabel(row.cell(c)) == Field.POWER_TYPE) typeColumn = c;
            }
            if (r + 1 < rows.size() && isHeaderish(row) && isHeaderish(rows.get(r + 1))
                    && rows.get(r + 1).cell(0).isBlank() && !row.cell(0).isBlank()) {
                out.addAll(headerMerges(r, row, rows.get(r + 1)));
            }
        }
        if (typeColumn < 0) return out;
        for (int r = 0; r < rows.size(); ) {
            int end = r;
            while (end + 1 < rows.size() && isItem(rows.get(r)) && isItem(rows.get(end + 1))
                    && !rows.get(r).cell(typeColumn).isBlank()
                    && rows.get(end + 1).cell(typeColumn).equals(rows.get(r).cell(typeColumn))) {
                end++;
            }
            if (end > r) out.add(new Merge(r, end, typeColumn, typeColumn));
            r = end + 1;
        }
        return out;
    }

    private static List<Merge> headerMerges(int r, Grid.Row upper, Grid.Row lower) {
        List<Merge> out = new ArrayList<>();
        int n = upper.cells().size();
        for (int c = 0; c < n; c++) {
            if (upper.cell(c).isBlank()) continue;
            if (lower.cell(c).isBlank()) {
                out.add(new Merge(r, r + 1, c, c));
                continue;
            }
            int end = c;
            while (end + 1 < n && upper.cell(end + 1).isBlank() && !lower.cell(end + 1).isBlank()) end++;
            if (end > c) out.add(new Merge(r, r, c, end));
        }
        return out;
    }

    /** Each one-cell title row spread over the width of the row below it, as sheets have them. */
    static List<Merge> titleMerges(Grid g) {
        List<Merge> out = new ArrayList<>();
        for (int r = 0; r + 1 < g.rows().size(); r++) {
            int width = g.rows().get(r + 1).cells().size();
            if (g.rows().get(r).cells().size() == 1 && width > 1) out.add(new Merge(r, r, 0, width - 1));
        }
        return out;
    }

    /** The grid with each title row padded with empty cells to its merge's width. */
    static Grid padTitles(Grid g, List<Merge> titles) {
        List<Grid.Row> rows = new ArrayList<>(g.rows());
        for (Merge m : titles) {
            List<String> cells = new ArrayList<>(rows.get(m.firstRow).cells());
            while (cells.size() <= m.lastCol) cells.add("");
            rows.set(m.firstRow, new Grid.Row(rows.get(m.firstRow).line(), cells));
        }
        return new Grid(g.file(), rows);
    }

    private static boolean isHeaderish(Grid.Row r) {
        return r.cells().size() > 1 && r.cells().stream().filter(c -> !c.isBlank())
                .allMatch(c -> Field.ofLabel(c) != Field.UNKNOWN);
    }

    private static boolean isItem(Grid.Row r) {
        return r.cells().size() > 1 && r.cell(0).strip().matches("\\d{1,4}");
    }

    private static boolean coveredNotTopLeft(List<Merge> merges, int r, int c) {
        Merge m = at(merges, r, c);
        return m != null && !m.isTopLeft(r, c);
    }

    private static Merge at(List<Merge> merges, int r, int c) {
        for (Merge m : merges) if (m.covers(r, c)) return m;
        return null;
    }
}
