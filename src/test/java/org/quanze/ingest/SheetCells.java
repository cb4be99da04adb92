package org.quanze.ingest;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;

import java.util.TreeMap;

/** The parts of a {@link SheetModels.SheetModel}: a cell (typed value, style, displayed text), a row, a column. */
final class SheetCells {

    private SheetCells() {}

    /** One cell as written back: its value (a formula by its cached result), its style, and its text as Excel shows it. */
    record CellData(CellType type, String string, double number, boolean bool, byte error, CellStyle style, String display) {

        static CellData text(String s, CellStyle style) {
            return new CellData(CellType.STRING, s, 0, false, (byte) 0, style, s);
        }

        static CellData of(Cell c, DataFormatter format) {
            CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
            String shown = format.formatCellValue(c);
            return switch (t) {
                case STRING -> new CellData(t, c.getStringCellValue(), 0, false, (byte) 0, c.getCellStyle(), shown);
                case NUMERIC -> new CellData(t, null, c.getNumericCellValue(), false, (byte) 0, c.getCellStyle(), shown);
                case BOOLEAN -> new CellData(t, null, 0, c.getBooleanCellValue(), (byte) 0, c.getCellStyle(), shown);
                case ERROR -> new CellData(t, null, 0, false, c.getErrorCellValue(), c.getCellStyle(), shown);
                default -> new CellData(CellType.BLANK, null, 0, false, (byte) 0, c.getCellStyle(), "");
            };
        }

        CellData withStyle(CellStyle s) {
            return new CellData(type, string, number, bool, error, s, display);
        }

        void writeTo(Cell c) {
            if (style != null) c.setCellStyle(style);
            switch (type) {
                case STRING -> c.setCellValue(string);
                case NUMERIC -> c.setCellValue(number);
                case BOOLEAN -> c.setCellValue(bool);
                case ERROR -> c.setCellErrorValue(error);
                default -> c.setBlank();
            }
        }
    }

    static final class RowData {
        final short height;
        final boolean hidden;
        final CellStyle style;
        final TreeMap<Integer, CellData> cells = new TreeMap<>();

        RowData(short height, boolean hidden, CellStyle style) {
            this.height = height;
            this.hidden = hidden;
            this.style = style;
        }

        RowData copy() {
            RowData r = new RowData(height, hidden, style);
            r.cells.putAll(cells);
            return r;
        }
    }

    record ColumnData(int width, boolean hidden) {}
}
