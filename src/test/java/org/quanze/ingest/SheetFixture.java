package org.quanze.ingest;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A workbook built in a test the way offices build theirs: sheets of rows, merged regions given as
 * Excel writes them (A2:A4), hidden rows and columns, hidden sheets. A cell given as null is not
 * written at all; a numeric-looking 序号 is written as a number, as Excel keeps it.
 */
final class SheetFixture {

    /** One sheet: rows of cells, merges, hidden rows (1-based) and columns (letters). */
    static final class Tab {
        final String name;
        final List<String[]> rows = new ArrayList<>();
        final List<String> merges = new ArrayList<>();
        final List<Integer> hiddenRows = new ArrayList<>();
        final List<String> hiddenColumns = new ArrayList<>();
        boolean hidden;

        Tab(String name) {
            this.name = name;
        }

        Tab row(String... cells) {
            rows.add(cells);
            return this;
        }

        Tab merge(String... refs) {
            merges.addAll(List.of(refs));
            return this;
        }

        Tab hideRow(int oneBased) {
            hiddenRows.add(oneBased);
            return this;
        }

        Tab hideColumn(String letter) {
            hiddenColumns.add(letter);
            return this;
        }

        Tab hidden() {
            hidden = true;
            return this;
        }
    }

    private SheetFixture() {}

    static Tab sheet(String name) {
        return new Tab(name);
    }

    static byte[] xlsx(Tab... tabs) {
        return write(XSSFWorkbook::new, tabs);
    }

    static byte[] xls(Tab... tabs) {
        return write(HSSFWorkbook::new, tabs);
    }

    private static byte[] write(Supplier<Workbook> make, Tab... tabs) {
        try (Workbook wb = make.get()) {
            for (Tab t : tabs) {
                Sheet s = wb.createSheet(t.name);
                for (int r = 0; r < t.rows.size(); r++) {
                    Row row = s.createRow(r);
                    String[] cells = t.rows.get(r);
                    for (int c = 0; c < cells.length; c++) {
                        if (cells[c] == null) continue;
                        if (cells[c].matches("\\d{1,6}")) row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                        else row.createCell(c).setCellValue(cells[c]);
                    }
                }
                for (String m : t.merges) s.addMergedRegion(CellRangeAddress.valueOf(m));
                for (int r : t.hiddenRows) {
                    Row row = s.getRow(r - 1) == null ? s.createRow(r - 1) : s.getRow(r - 1);
                    row.setZeroHeight(true);
                }
                for (String c : t.hiddenColumns) s.setColumnHidden(org.apache.poi.ss.util.CellReference.convertColStringToIndex(c), true);
                if (t.hidden) wb.setSheetVisibility(wb.getSheetIndex(s), SheetVisibility.HIDDEN);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
