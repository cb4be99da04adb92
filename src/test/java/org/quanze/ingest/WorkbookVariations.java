package org.quanze.ingest;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Assumptions;
import org.quanze.ingest.ListVariants.DataSheet;
import org.quanze.ingest.SheetModels.SheetModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The variations of {@link ListVariants} that change a workbook rather than a sheet: its sheets
 * copied into another format, one sheet split in two, several stacked in one.
 */
final class WorkbookVariations {

    private WorkbookVariations() {}

    /** Every sheet of an HSSF workbook copied into a new XSSF one: cell values, styles (format, alignment, wrap, borders, font), merged regions, rows, columns, hidden sheets. */
    static Workbook toXlsx(Workbook wb, DataFormatter format, Map<String, SheetModel> expected) {
        org.apache.poi.xssf.usermodel.XSSFWorkbook x = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        Map<Short, CellStyle> styles = new java.util.HashMap<>();
        Map<Integer, Font> fonts = new java.util.HashMap<>();
        java.util.function.Function<CellStyle, CellStyle> map = s -> s == null ? null : styles.computeIfAbsent(s.getIndex(), i -> {
            CellStyle n = x.createCellStyle();
            n.setDataFormat(x.createDataFormat().getFormat(s.getDataFormatString()));
            n.setAlignment(s.getAlignment());
            n.setVerticalAlignment(s.getVerticalAlignment());
            n.setWrapText(s.getWrapText());
            n.setBorderTop(s.getBorderTop());
            n.setBorderBottom(s.getBorderBottom());
            n.setBorderLeft(s.getBorderLeft());
            n.setBorderRight(s.getBorderRight());
            n.setHidden(s.getHidden());
            n.setLocked(s.getLocked());
            n.setIndention(s.getIndention());
            Font src = wb.getFontAt(s.getFontIndex());
            n.setFont(fonts.computeIfAbsent(s.getFontIndex(), k -> {
                Font f = x.createFont();
                f.setBold(src.getBold());
                f.setItalic(src.getItalic());
                f.setFontName(src.getFontName());
                f.setFontHeight(src.getFontHeight());
                return f;
            }));
            return n;
        });
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            Sheet sheet = wb.getSheetAt(s);
            SheetModel m = SheetModel.read(sheet, format).restyled(map);
            Sheet to = x.createSheet(sheet.getSheetName());
            to.setDefaultColumnWidth(sheet.getDefaultColumnWidth());
            m.columnsChanged = true;
            m.write(to);
            x.setSheetVisibility(s, wb.getSheetVisibility(s));
            expected.put(sheet.getSheetName(), m);
        }
        x.setActiveSheet(wb.getActiveSheetIndex());
        x.setSelectedTab(wb.getActiveSheetIndex());
        return x;
    }

    /** The single data sheet split at the row boundary nearest below its middle: the second half on a new sheet after it, under a copy of the rows above the data. */
    static String split(Workbook wb, DataSheet d, Map<String, SheetModel> expected) {
        SheetModel m = d.model();
        int first = d.headerEnd() + 1, last = m.lastRow();
        int cut = -1;
        for (int b = first + (last - first + 1) / 2; b <= last && cut < 0; b++) if (m.rowHasText(b) && !m.crossed(b)) cut = b;
        if (cut <= first) Assumptions.abort("no row boundary to split the data rows at");
        SheetModel top = m.rowsBefore(cut);
        SheetModel second = m.rowsBefore(first).append(m.rowsFrom(cut), first - cut);
        String name = d.sheet().getSheetName();
        String name2 = (name.length() > 27 ? name.substring(0, 27) : name) + " (2)";
        Sheet s2 = wb.createSheet(name2);
        wb.setSheetOrder(name2, wb.getSheetIndex(d.sheet()) + 1);
        second.columnsChanged = true;
        top.write(d.sheet());
        second.write(s2);
        expected.put(name, top);
        expected.put(name2, second);
        return "sheet " + name + " split before its row " + (cut + 1) + " (data rows " + (first + 1) + "–" + (last + 1)
                + "); rows from there on a new sheet " + name2 + " under a copy of rows 1–" + first;
    }

    /**
     * Every data sheet's rows below the first's, two empty rows apart, {@code titled} under a row
     * holding the sheet's name (which may say the type of an item whose 权力类型 is empty); the
     * other sheets removed.
     */
    static String stack(Workbook wb, List<DataSheet> sheets, Map<String, SheetModel> expected, boolean titled) {
        DataSheet first = sheets.getFirst();
        SheetModel all = first.model();
        if (titled) {
            if (first.header() == 0) all.insertRow(0);
            else if (all.rowHasText(0)) Assumptions.abort("the first sheet has a title already");
            all.set(0, 0, first.sheet().getSheetName());
        }
        List<String> moved = new ArrayList<>();
        for (DataSheet d : sheets.subList(1, sheets.size())) {
            // Untitled, an empty 权力类型 would lose the type only the sheet's name said: written in.
            if (!titled && SheetSections.typesFromName(d) > 0) d.model().write(d.sheet());
            int at = all.lastRow() + 3;
            if (titled) all.set(at++, 0, d.sheet().getSheetName());
            all.append(d.model().rowsFrom(0), at);
            moved.add(d.sheet().getSheetName());
        }
        all.columnsChanged = true;
        for (String name : moved) wb.removeSheetAt(wb.getSheetIndex(name));
        all.write(first.sheet());
        expected.put(first.sheet().getSheetName(), all);
        return "sheets " + moved + " stacked below sheet " + first.sheet().getSheetName() + ", two empty rows apart, and removed";
    }
}
