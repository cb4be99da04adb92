package org.quanze.ingest;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an Excel workbook (.xlsx or .xls, already opened by {@link OfficeFiles}) into one
 * {@link Grid}: every sheet in order, one grid row per sheet row, cells as Excel displays them
 * (1.0 formatted General is "1", a formula its cached result), and a merged cell's text in every
 * cell it covers, so a two-row header or a 权力类型 cell spanning several items reads like the
 * text export where each row carries its own value. A row's line is its row number in its sheet.
 */
final class SheetGridReader {

    private SheetGridReader() {}

    static Grid read(String file, Workbook wb) {
        // Locale.ROOT: the same digits and separators whatever machine runs the ingest; formula
        // cells show the value Excel last computed, never a formula re-evaluated (or failing) here.
        DataFormatter format = new DataFormatter(Locale.ROOT);
        format.setUseCachedValuesForFormulaCells(true);
        List<Grid.Row> rows = new ArrayList<>();
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            Sheet sheet = wb.getSheetAt(s);
            List<Grid.Row> own = read(sheet, format);
            if (own.isEmpty()) continue;
            // A later sheet that starts straight with its header is a new table: its name stands
            // in for the title line that separates tables in a text export.
            if (!rows.isEmpty() && own.get(0).cells().size() > 1) {
                rows.add(new Grid.Row(own.get(0).line(), List.of(sheet.getSheetName())));
            }
            rows.addAll(own);
        }
        return new Grid(file, rows);
    }

    private static List<Grid.Row> read(Sheet sheet, DataFormatter format) {
        int lastRow = sheet.getLastRowNum();
        if (lastRow < 0) return List.of();
        // The table's width is where its text ends: rows keep their empty cells up to it (as the
        // text export keeps a row's trailing tabs), while a styled but empty cell far out in
        // column XFD, or a merge over whole columns (A:A) or rows, costs nothing.
        int width = 0;
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getColumnIndex() >= width && hasText(c)) width = c.getColumnIndex() + 1;
            }
        }
        List<CellRangeAddress> merged = new ArrayList<>();
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            if (m.getFirstRow() <= lastRow && m.getFirstColumn() < width) merged.add(m);
        }
        String[] mergedText = new String[merged.size()];
        // Regions by the rows they cover (clipped to the used rows), so each row looks only at its own.
        Map<Integer, List<Integer>> byRow = new HashMap<>();
        for (int i = 0; i < merged.size(); i++) {
            CellRangeAddress m = merged.get(i);
            mergedText[i] = text(sheet.getRow(m.getFirstRow()), m.getFirstColumn(), format);
            for (int r = m.getFirstRow(); r <= Math.min(m.getLastRow(), lastRow); r++) {
                byRow.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
            }
        }
        List<Grid.Row> out = new ArrayList<>();
        for (int r = 0; r <= lastRow; r++) {
            Row row = sheet.getRow(r);
            List<Integer> regions = byRow.getOrDefault(r, List.of());
            int rowWidth = row == null ? 0 : Math.min(width, Math.max(0, row.getLastCellNum()));
            for (int i : regions) rowWidth = Math.max(rowWidth, Math.min(width, merged.get(i).getLastColumn() + 1));
            if (rowWidth == 0) continue;
            List<CellRows.Cell> cells = new ArrayList<>(rowWidth);
            for (int c = 0; c < rowWidth; c++) {
                cells.add(CellRows.Cell.plain(text(row, c, format), (long) r * width + c));
            }
            for (int i : regions) {
                CellRangeAddress m = merged.get(i);
                long origin = -1L - i; // one origin per region, apart from every single cell's
                boolean spanned = m.getNumberOfCells() > 1;
                for (int c = m.getFirstColumn(); c <= Math.min(m.getLastColumn(), rowWidth - 1); c++) {
                    cells.set(c, new CellRows.Cell(mergedText[i], origin, spanned, r == m.getFirstRow()));
                }
            }
            Grid.Row g = CellRows.toRow(r + 1, cells);
            if (g != null) out.add(g);
        }
        return out;
    }

    private static boolean hasText(Cell c) {
        return switch (c.getCellType()) {
            case BLANK -> false;
            case STRING -> !c.getStringCellValue().isBlank();
            default -> true;
        };
    }

    private static String text(Row row, int column, DataFormatter format) {
        if (row == null) return "";
        Cell cell = row.getCell(column);
        return cell == null ? "" : CellRows.lines(format.formatCellValue(cell));
    }
}
