package org.quanze.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
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

    static Merge at(List<Merge> merges, int r, int c) {
        for (Merge m : merges) if (m.covers(r, c)) return m;
        return null;
    }
}
