package org.quanze.ingest;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Assumptions;
import org.quanze.ingest.SheetCells.CellData;
import org.quanze.ingest.SheetCells.ColumnData;
import org.quanze.ingest.SheetCells.RowData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

import static org.quanze.ingest.ListVariants.letter;
import static org.quanze.ingest.ListVariants.squeeze;

/**
 * A sheet as {@link ListVariants} edits it: its cells ({@link SheetCells}), rows, columns and
 * merged regions, read from POI and written back ({@link SheetDifference} says whether it was).
 */
final class SheetModels {

    private SheetModels() {}

    /** A sheet's cells, merged regions, rows and columns, changed as a variation says and written back in place. */
    static final class SheetModel {
        TreeMap<Integer, RowData> rows = new TreeMap<>();
        List<CellRangeAddress> merges = new ArrayList<>();
        TreeMap<Integer, ColumnData> columns = new TreeMap<>();
        int defaultWidth = 8 * 256;
        /** The format's last column: 255 (IV) in an .xls, 16,383 (XFD) in an .xlsx. */
        int maxColumn = 255;
        boolean columnsChanged;

        static SheetModel read(Sheet sheet, DataFormatter format) {
            SheetModel m = new SheetModel();
            int maxCol = 0;
            for (Row r : sheet) {
                RowData rd = new RowData(r.getHeight(), r.getZeroHeight(), r.isFormatted() ? r.getRowStyle() : null);
                for (Cell c : r) {
                    rd.cells.put(c.getColumnIndex(), CellData.of(c, format));
                    maxCol = Math.max(maxCol, c.getColumnIndex());
                }
                m.rows.put(r.getRowNum(), rd);
            }
            for (CellRangeAddress a : sheet.getMergedRegions()) {
                m.merges.add(a.copy());
                maxCol = Math.max(maxCol, a.getLastColumn());
            }
            m.defaultWidth = sheet.getDefaultColumnWidth() * 256;
            m.maxColumn = sheet.getWorkbook().getSpreadsheetVersion().getLastColumnIndex();
            for (int c = 0; c <= Math.min(maxCol + 1, m.maxColumn); c++) m.columns.put(c, new ColumnData(sheet.getColumnWidth(c), sheet.isColumnHidden(c)));
            return m;
        }

        void write(Sheet sheet) {
            int n = sheet.getNumMergedRegions();
            if (n > 0) sheet.removeMergedRegions(IntStream.range(0, n).boxed().toList());
            List<Row> old = new ArrayList<>();
            sheet.forEach(old::add);
            for (Row r : old) sheet.removeRow(r);
            for (Map.Entry<Integer, RowData> e : rows.entrySet()) {
                RowData rd = e.getValue();
                Row r = sheet.createRow(e.getKey());
                r.setHeight(rd.height);
                if (rd.hidden) r.setZeroHeight(true);
                if (rd.style != null) r.setRowStyle(rd.style);
                for (Map.Entry<Integer, CellData> c : rd.cells.entrySet()) c.getValue().writeTo(r.createCell(c.getKey()));
            }
            for (CellRangeAddress a : merges) sheet.addMergedRegionUnsafe(a.copy());
            if (columnsChanged) {
                int last = Math.max(columns.isEmpty() ? 0 : columns.lastKey(), lastCell());
                for (int c = 0; c <= last; c++) {
                    ColumnData cd = columns.getOrDefault(c, new ColumnData(defaultWidth, false));
                    sheet.setColumnWidth(c, Math.min(cd.width(), 255 * 256));
                    sheet.setColumnHidden(c, cd.hidden());
                }
            }
        }

        RowData row(int r) {
            return rows.computeIfAbsent(r, k -> new RowData((short) -1, false, null));
        }

        String text(int r, int c) {
            RowData rd = rows.get(r);
            CellData cd = rd == null ? null : rd.cells.get(c);
            return cd == null ? "" : cd.display();
        }

        boolean rowHasText(int r) {
            return texts(r) > 0;
        }

        /** How many cells of the row show text. */
        int texts(int r) {
            RowData rd = rows.get(r);
            return rd == null ? 0 : (int) rd.cells.values().stream().filter(c -> !c.display().isBlank()).count();
        }

        /** The first row with a 序号 cell, or -1. */
        int headerRow() {
            for (Map.Entry<Integer, RowData> r : rows.entrySet()) {
                if (r.getValue().cells.values().stream().anyMatch(c -> squeeze(c.display()).equals("序号"))) return r.getKey();
            }
            return -1;
        }

        /** The header band's last row: the 序号 row, or lower where a header cell is merged down. */
        int headerEnd(int header) {
            int end = header;
            for (CellRangeAddress a : merges) if (a.getFirstRow() == header) end = Math.max(end, a.getLastRow());
            return end;
        }

        /** The last row with text, or under a merged region with text. */
        int lastRow() {
            int last = -1;
            for (Map.Entry<Integer, RowData> r : rows.entrySet()) if (rowHasText(r.getKey())) last = r.getKey();
            for (CellRangeAddress a : merges) {
                if (!text(a.getFirstRow(), a.getFirstColumn()).isBlank()) last = Math.max(last, a.getLastRow());
            }
            return last;
        }

        /** The table's last column: the header band's last cell with text, or the end of a header cell merged to the right. */
        int lastHeaderColumn(int header, int headerEnd) {
            int last = 0;
            for (int r = header; r <= headerEnd; r++) {
                for (Map.Entry<Integer, CellData> c : row(r).cells.entrySet()) if (!c.getValue().display().isBlank()) last = Math.max(last, c.getKey());
            }
            for (CellRangeAddress a : merges) if (a.getFirstRow() >= header && a.getFirstRow() <= headerEnd) last = Math.max(last, a.getLastColumn());
            return last;
        }

        /** The last column with a cell or merged region. */
        int lastCell() {
            int last = 0;
            for (RowData r : rows.values()) if (!r.cells.isEmpty()) last = Math.max(last, r.cells.lastKey());
            for (CellRangeAddress a : merges) last = Math.max(last, a.getLastColumn());
            return last;
        }

        /** Whether a merged region spans rows b-1 and b. */
        boolean crossed(int b) {
            return merges.stream().anyMatch(a -> a.getFirstRow() < b && b <= a.getLastRow());
        }

        void set(int r, int c, String text) {
            row(r).cells.put(c, CellData.text(text, null));
        }

        /** An empty row before row {@code at}; refuses to cut a merged region. */
        void insertRow(int at) {
            if (crossed(at)) throw new IllegalStateException("an inserted row would cut a merged region at row " + (at + 1));
            TreeMap<Integer, RowData> moved = new TreeMap<>();
            rows.forEach((k, r) -> moved.put(k >= at ? k + 1 : k, r));
            moved.put(at, new RowData((short) -1, false, null));
            rows = moved;
            for (CellRangeAddress a : merges) {
                if (a.getFirstRow() >= at) {
                    a.setFirstRow(a.getFirstRow() + 1);
                    a.setLastRow(a.getLastRow() + 1);
                }
            }
        }

        /** Row r deleted, the rows below moved up; a merged region within the row goes with it, one across it is refused. */
        void deleteRow(int r) {
            List<CellRangeAddress> kept = new ArrayList<>();
            for (CellRangeAddress a : merges) {
                if (a.getFirstRow() == r && a.getLastRow() == r) continue;
                if (a.getFirstRow() <= r && r <= a.getLastRow()) throw new IllegalStateException("deleting row " + (r + 1) + " would cut " + a.formatAsString());
                if (a.getFirstRow() > r) {
                    a.setFirstRow(a.getFirstRow() - 1);
                    a.setLastRow(a.getLastRow() - 1);
                }
                kept.add(a);
            }
            merges = kept;
            TreeMap<Integer, RowData> moved = new TreeMap<>();
            rows.forEach((k, rd) -> { if (k != r) moved.put(k > r ? k - 1 : k, rd); });
            rows = moved;
        }

        /** Every column moved as the map says (a one-to-one map): cells, merged regions (which must stay contiguous), widths and hidden flags. */
        void mapColumns(IntUnaryOperator map) {
            for (RowData r : rows.values()) {
                TreeMap<Integer, CellData> moved = new TreeMap<>();
                r.cells.forEach((c, cd) -> {
                    int to = map.applyAsInt(c);
                    if (to <= maxColumn) moved.put(to, cd);
                    // An empty formatted cell pushed past the format's last column (IV in an .xls) is no loss; text would be.
                    else if (!cd.display().isBlank()) Assumptions.abort("the text in column " + letter(c) + " would move past the format's last column");
                });
                r.cells.clear();
                r.cells.putAll(moved);
            }
            for (CellRangeAddress a : merges) {
                int[] cols = IntStream.rangeClosed(a.getFirstColumn(), a.getLastColumn()).map(map).sorted().toArray();
                if (cols[cols.length - 1] - cols[0] != cols.length - 1 || cols[cols.length - 1] > maxColumn) {
                    Assumptions.abort("moving the column would tear the merged region " + a.formatAsString());
                }
                a.setFirstColumn(cols[0]);
                a.setLastColumn(cols[cols.length - 1]);
            }
            TreeMap<Integer, ColumnData> moved = new TreeMap<>();
            int last = columns.isEmpty() ? 0 : columns.lastKey();
            for (int c = 0; c <= last; c++) {
                int to = map.applyAsInt(c);
                if (to <= maxColumn) moved.put(to, columns.getOrDefault(c, new ColumnData(defaultWidth, false)));
            }
            for (int c = 0; c <= moved.lastKey(); c++) moved.putIfAbsent(c, new ColumnData(defaultWidth, false));
            columns = moved;
            columnsChanged = true;
        }

        /**
         * Column {@code at} deleted, the columns right of it moved one to the left: a merged region
         * within it goes with it, one across it narrows.
         */
        void deleteColumn(int at) {
            for (RowData r : rows.values()) {
                TreeMap<Integer, CellData> moved = new TreeMap<>();
                r.cells.forEach((c, cd) -> {
                    if (c != at) moved.put(c > at ? c - 1 : c, cd);
                });
                r.cells.clear();
                r.cells.putAll(moved);
            }
            List<CellRangeAddress> kept = new ArrayList<>();
            for (CellRangeAddress a : merges) {
                if (a.getFirstColumn() == at && a.getLastColumn() == at) continue;
                if (a.getFirstColumn() > at) a.setFirstColumn(a.getFirstColumn() - 1);
                if (a.getLastColumn() >= at) a.setLastColumn(a.getLastColumn() - 1);
                if (a.getNumberOfCells() > 1) kept.add(a);
            }
            merges.clear();
            merges.addAll(kept);
            TreeMap<Integer, ColumnData> moved = new TreeMap<>();
            columns.forEach((c, cd) -> { if (c != at) moved.put(c > at ? c - 1 : c, cd); });
            columns = moved;
            columnsChanged = true;
        }

        /** An empty column before column {@code at}: cells, widths and merged regions from there one to the right; a merged region across the boundary widened. */
        void insertColumn(int at) {
            for (RowData r : rows.values()) {
                TreeMap<Integer, CellData> moved = new TreeMap<>();
                r.cells.forEach((c, cd) -> {
                    int to = c >= at ? c + 1 : c;
                    if (to <= maxColumn) moved.put(to, cd);
                    else if (!cd.display().isBlank()) Assumptions.abort("the text in column " + letter(c) + " would move past the format's last column");
                });
                r.cells.clear();
                r.cells.putAll(moved);
            }
            for (CellRangeAddress a : merges) {
                if (a.getLastColumn() + 1 > maxColumn && a.getLastColumn() >= at) Assumptions.abort("the merged region " + a.formatAsString() + " would move past the format's last column");
                if (a.getFirstColumn() >= at) a.setFirstColumn(a.getFirstColumn() + 1);
                if (a.getLastColumn() >= at) a.setLastColumn(a.getLastColumn() + 1);
            }
            TreeMap<Integer, ColumnData> moved = new TreeMap<>();
            columns.forEach((c, cd) -> { int to = c >= at ? c + 1 : c; if (to <= maxColumn) moved.put(to, cd); });
            moved.put(at, new ColumnData(columns.getOrDefault(at - 1, new ColumnData(defaultWidth, false)).width(), false));
            columns = moved;
            columnsChanged = true;
        }

        /** Whether cell (r, c) lies in a merged region other than as its top-left cell. */
        boolean covered(int r, int c) {
            return merges.stream().anyMatch(a -> a.isInRange(r, c) && (a.getFirstRow() != r || a.getFirstColumn() != c));
        }

        /** This model with every row and cell style replaced as the map says (for writing into another workbook). */
        SheetModel restyled(java.util.function.Function<CellStyle, CellStyle> map) {
            TreeMap<Integer, RowData> out = new TreeMap<>();
            rows.forEach((k, r) -> {
                RowData n = new RowData(r.height, r.hidden, map.apply(r.style));
                r.cells.forEach((c, cd) -> n.cells.put(c, cd.withStyle(map.apply(cd.style()))));
                out.put(k, n);
            });
            rows = out;
            return this;
        }


        /** A copy of the rows above row {@code end}, with the merged regions within them. */
        SheetModel rowsBefore(int end) {
            SheetModel m = emptyCopy();
            rows.headMap(end).forEach((k, r) -> m.rows.put(k, r.copy()));
            for (CellRangeAddress a : merges) {
                if (a.getLastRow() < end) m.merges.add(a.copy());
                else if (a.getFirstRow() < end) throw new IllegalStateException("a cut at row " + (end + 1) + " would cut " + a.formatAsString());
            }
            return m;
        }

        /** A copy of the rows from row {@code start} on, with the merged regions within them. */
        SheetModel rowsFrom(int start) {
            SheetModel m = emptyCopy();
            rows.tailMap(start).forEach((k, r) -> m.rows.put(k, r.copy()));
            for (CellRangeAddress a : merges) if (a.getFirstRow() >= start) m.merges.add(a.copy());
            return m;
        }

        /** This model with another's rows and merged regions appended, moved by {@code shift} rows. */
        SheetModel append(SheetModel other, int shift) {
            other.rows.forEach((k, r) -> rows.put(k + shift, r));
            for (CellRangeAddress a : other.merges) {
                merges.add(new CellRangeAddress(a.getFirstRow() + shift, a.getLastRow() + shift, a.getFirstColumn(), a.getLastColumn()));
            }
            return this;
        }

        private SheetModel emptyCopy() {
            SheetModel m = new SheetModel();
            m.columns = new TreeMap<>(columns);
            m.defaultWidth = defaultWidth;
            m.maxColumn = maxColumn;
            return m;
        }
    }
}
