package org.quanze.ingest;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads an .xls (BIFF8, Excel 97–2003) workbook, opened by {@link OfficeFiles}, into a grid: every
 * visible sheet in order, each row's cells as Excel displays them (1.0 formatted General is "1", a
 * formula its cached result), through the same {@link SheetAssembler} as the .xlsx stream. An .xls
 * is not compressed and at most 65,536 rows a sheet, so the workbook, bounded by the file limit, is
 * read whole.
 */
final class XlsReader {

    /** An .xls sheet has at most 256 columns. */
    private static final int XLS_COLUMNS = 256;

    private XlsReader() {}

    static Grid read(String file, HSSFWorkbook wb, ReadLog log) {
        DataFormatter format = new DataFormatter(Locale.ROOT);
        format.setUseCachedValuesForFormulaCells(true);
        InputLimits.Budget budget = new InputLimits.Budget(file);
        List<Grid.Row> rows = new ArrayList<>();
        List<Grid.Part> parts = new ArrayList<>();
        int physical = 0;
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            Sheet sheet = wb.getSheetAt(s);
            if (wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) {
                log.remark(sheet.getSheetName(), 0, "the sheet is hidden (not shown in the published workbook) and was not read");
                continue;
            }
            List<CellRangeAddress> merges = sheet.getMergedRegions();
            if (merges.size() > InputLimits.MAX_MERGED_REGIONS) {
                throw new InputLimits.LimitExceeded(file, "a sheet has more than " + InputLimits.fmt(InputLimits.MAX_MERGED_REGIONS)
                        + " merged regions, over the limit, so it is not read");
            }
            BitSet hidden = new BitSet();
            for (int c = 0; c < XLS_COLUMNS; c++) if (sheet.isColumnHidden(c)) hidden.set(c);
            SheetAssembler a = new SheetAssembler(sheet.getSheetName(), parts.size(), merges, hidden, log, budget);
            for (Row r : sheet) {
                a.startRow(r.getRowNum(), r.getZeroHeight());
                for (Cell c : r) a.cell(c.getColumnIndex(), format.formatCellValue(c));
                a.endRow();
            }
            parts.add(new Grid.Part(sheet.getSheetName()));
            rows.addAll(a.finish());
            physical += a.physicalRows();
        }
        return new Grid(file, rows, parts, physical);
    }
}
