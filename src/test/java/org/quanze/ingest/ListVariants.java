package org.quanze.ingest;

import org.quanze.ingest.SheetModels.SheetModel;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Assumptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The layout variations {@link ExternalListVariantsTest} makes of a real list with POI: what each
 * changes in a sheet, and the variant written back in the list's own format and checked.
 */
final class ListVariants {

    private ListVariants() {}

    static final String NOTE = "备注：本清单自公布之日起施行。";
    static final String CONTACT = "填报单位：某某局  联系电话：0990-1234567";

    enum Variation {
        REWRITE("rewritten unchanged (control)"),
        BLANK_ROWS("blank rows"),
        NO_TITLE("no title"),
        FOOTER("footer"),
        COLUMN_MOVED("权力类型 column moved last"),
        LEADING_COLUMN("leading empty column"),
        HEADER_SYNONYMS("header synonyms"),
        HEADER_SYNONYMS_OTHER("header synonyms, other alternates"),
        FILL_DOWN("unmerged fill-down"),
        TWO_SHEETS("split over two sheets"),
        SEQ_DOTTED("序号 written \"1.\""),
        SEQ_PAREN("序号 written \"（1）\""),
        MIDDLE_COLUMN("备注 column after the name"),
        TYPE_SHORT("type without 行政 (许可)"),
        TYPE_SUFFIX("type with 类 (行政许可类)"),
        TO_XLSX(".xls converted to .xlsx"),
        HEADER_NEWLINES("header cells broken in two lines"),
        SEQ_AS_NUMBER_TEXT("序号 number ↔ text cells"),
        SEQ_FULLWIDTH("序号 written in full-width digits (１２)"),
        SEQ_CHINESE("序号 written in Chinese numerals (十二)"),
        SECTION_ROWS("a heading row (一、行政许可) before each power type's items"),
        HEADER_UNLISTED("header labels no list here uses (职权事项名称, 权责类型, 行使依据, 承办处室)"),
        NO_SEQ_COLUMN("no 序号 column"),
        UNMERGED("merged cells unmerged, the text in the first cell only"),
        TYPE_BY_SECTION("no 权力类型 column, a heading row (一、行政许可) before each type's items"),
        TYPE_MERGED("权力类型 written once, merged down over its items"),
        COLUMN_NUMBERS("a row numbering the columns (1, 2, 3 …) under the header"),
        NAME_WRAPPED("item names broken over two lines inside their cells (Alt+Enter)"),
        CELL_PADDING("every text cell below the header padded with spaces (full-width before, plain after)"),
        REPEATED_HEADER("the header repeated every 8 data rows, as a printed list repeats it on each page"),
        TYPE_FIRST("权力类型 column moved before 序号, the table's first column"),
        TYPE_FIRST_MERGED("权力类型 first and written once, merged down over its items"),
        TYPE_COUNTED("权力类型 merged down over its items, with their count (行政许可（11项）)"),
        SEQ_BY_TYPE("序号 starting again at 1 where the power type changes, no heading between"),
        SUB_NUMBERED("sub-items numbered in the 序号 column (5.1, 5.2) instead of under a merged 序号"),
        ONE_SHEET("a workbook's sheets (one per power type) stacked in its first sheet, each table under a title (the sheet's name) and its header"),
        ONE_SHEET_UNTITLED("a workbook's sheets stacked in its first sheet, each table under its header alone, numbered from 1 again (an empty 权力类型 written as its sheet's name says)"),
        INSTRUCTIONS_SHEET("a sheet of instructions (填表说明) before the list, one row per column"),
        OPTIONS_SHEET("a hidden sheet of drop-down options (power types, levels)"),
        MERGED_RUNS("the same text in consecutive items (实施主体, 行使层级, 追责情形) merged down over them"),
        FILING_ROW("a row of filing details (填报单位（盖章）：, 填报日期) right above the header"),
        CODE_COLUMN("an 事项编码 column of item codes (650200-007) right of 序号"),
        BLANK_TAIL("5,000 empty rows styled as the table's last one below it"),
        SEQ_PADDED("序号 written with leading zeros (007)");

        final String label;

        Variation(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A variant's bytes and what was done to make it. */
    record Variant(byte[] bytes, String how) {

        static Variant of(byte[] original, Variation v) throws IOException {
            try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(original))) {
                boolean hssf = wb instanceof HSSFWorkbook;
                DataFormatter format = formatter();
                List<DataSheet> sheets = new ArrayList<>();
                for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                    if (wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) continue;
                    Sheet sheet = wb.getSheetAt(s);
                    SheetModel m = SheetModel.read(sheet, format);
                    int h = m.headerRow();
                    if (h >= 0) sheets.add(new DataSheet(sheet, m, h, m.headerEnd(h)));
                }
                if (sheets.isEmpty()) Assumptions.abort("no visible sheet with a 序号 header cell");
                List<String> done = new ArrayList<>();
                Map<String, SheetModel> expected = new LinkedHashMap<>();
                Workbook target = wb;
                if (v == Variation.TWO_SHEETS) {
                    if (sheets.size() != 1) Assumptions.abort("the workbook has " + sheets.size() + " data sheets already");
                    done.add(WorkbookVariations.split(wb, sheets.getFirst(), expected));
                } else if (v == Variation.ONE_SHEET || v == Variation.ONE_SHEET_UNTITLED) {
                    if (sheets.size() < 2) Assumptions.abort("the workbook has one data sheet");
                    done.add(WorkbookVariations.stack(wb, sheets, expected, v == Variation.ONE_SHEET));
                } else if (v == Variation.INSTRUCTIONS_SHEET || v == Variation.OPTIONS_SHEET) {
                    done.add(SheetExtras.add(wb, v == Variation.INSTRUCTIONS_SHEET));
                    for (DataSheet d : sheets) expected.put(d.sheet.getSheetName(), d.model);
                } else if (v == Variation.TO_XLSX) {
                    if (!hssf) Assumptions.abort("the workbook is an .xlsx (XSSF) already");
                    target = WorkbookVariations.toXlsx(wb, format, expected);
                    done.add("every sheet (" + wb.getNumberOfSheets() + ") copied into an XSSF workbook: cells, styles' formats, merged regions, hidden rows, columns and sheets");
                } else {
                    for (DataSheet d : sheets) {
                        String what = SheetVariations.apply(v, d);
                        if (what != null) done.add("sheet " + d.sheet.getSheetName() + ": " + what);
                        d.model.write(d.sheet);
                        expected.put(d.sheet.getSheetName(), d.model);
                    }
                }
                if (done.isEmpty()) Assumptions.abort(switch (v) {
                    case NO_TITLE -> "no sheet has a title row above its header";
                    case COLUMN_MOVED -> "no header cell names a 类型 or 类别 column";
                    case HEADER_SYNONYMS, HEADER_SYNONYMS_OTHER -> "no header cell has a name to rename";
                    case FILL_DOWN -> "no merged region below the header";
                    case SEQ_DOTTED, SEQ_PAREN, SEQ_AS_NUMBER_TEXT -> "no data 序号 cell holds a plain number";
                    case MIDDLE_COLUMN -> "no header cell names the item (…名称, 项目)";
                    case TYPE_SHORT, TYPE_SUFFIX -> "no 类型/类别 column cell holds a 行政… power type";
                    case HEADER_NEWLINES -> "no header cell of two characters or more";
                    default -> "the variation changes nothing here";
                });
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    target.write(out);
                } finally {
                    if (target != wb) target.close();
                }
                byte[] bytes = out.toByteArray();
                verify(bytes, hssf && v != Variation.TO_XLSX, expected);
                return new Variant(bytes, String.join("; ", done));
            }
        }

        /** The variant read back with POI is what the model says: same format, cell texts, merged regions, hidden rows and columns. */
        private static void verify(byte[] bytes, boolean hssf, Map<String, SheetModel> expected) throws IOException {
            try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
                if ((wb instanceof HSSFWorkbook) != hssf) fail("the variant writer changed the format to " + wb.getClass().getSimpleName());
                DataFormatter format = formatter();
                for (Map.Entry<String, SheetModel> e : expected.entrySet()) {
                    Sheet sheet = wb.getSheet(e.getKey());
                    if (sheet == null) fail("the variant writer lost sheet " + e.getKey());
                    String diff = SheetDifference.between(e.getValue(), SheetModel.read(sheet, format));
                    if (diff != null) fail("the variant writer wrote sheet " + e.getKey() + " wrong: " + diff);
                }
            }
        }
    }

    private static DataFormatter formatter() {
        DataFormatter f = new DataFormatter(Locale.ROOT);
        f.setUseCachedValuesForFormulaCells(true);
        return f;
    }

    /** A visible sheet with a header: its model, its header row (the 序号 row) and the last row of its header band. */
    record DataSheet(Sheet sheet, SheetModel model, int header, int headerEnd) {

        /** The header cell that names the power type (a label with 类型 or 类别): its column and label, or null. */
        Map.Entry<Integer, String> typeHeader() {
            for (int r = header; r <= headerEnd; r++) {
                for (Map.Entry<Integer, SheetCells.CellData> c : model.row(r).cells.entrySet()) {
                    String t = squeeze(c.getValue().display());
                    if (t.contains("类型") || t.contains("类别")) return Map.entry(c.getKey(), t);
                }
            }
            return null;
        }

        /** The power type's column, or -1. */
        int typeColumn() {
            Map.Entry<Integer, String> h = typeHeader();
            return h == null ? -1 : h.getKey();
        }

        /** The column the header row labels 序号, or -1. */
        int seqColumn() {
            for (Map.Entry<Integer, SheetCells.CellData> c : model.row(header).cells.entrySet()) {
                if (squeeze(c.getValue().display()).equals("序号")) return c.getKey();
            }
            return -1;
        }

        /** Every header label {@code rename} gives a new one (null: kept) renamed; what was, or null where none was. */
        String renameHeader(java.util.function.UnaryOperator<String> rename) {
            List<String> renamed = new ArrayList<>();
            for (int r = header; r <= headerEnd; r++) {
                for (Map.Entry<Integer, SheetCells.CellData> e : model.row(r).cells.entrySet()) {
                    String was = squeeze(e.getValue().display());
                    String now = rename.apply(was);
                    if (now == null) continue;
                    e.setValue(SheetCells.CellData.text(now, e.getValue().style()));
                    renamed.add(was + " → " + now);
                }
            }
            return renamed.isEmpty() ? null : "header " + String.join(", ", renamed);
        }
    }

    static String squeeze(String s) {
        return s == null ? "" : s.replaceAll("[\\s\u3000]+", "");
    }

    static String letter(int col) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(col);
    }

}
