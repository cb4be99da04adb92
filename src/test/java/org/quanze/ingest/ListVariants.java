package org.quanze.ingest;

import org.quanze.ingest.SheetModels.CellData;
import org.quanze.ingest.SheetModels.ColumnData;
import org.quanze.ingest.SheetModels.RowData;
import org.quanze.ingest.SheetModels.SheetModel;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
        SEQ_AS_NUMBER_TEXT("序号 number ↔ text cells");

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
                    done.add(split(wb, sheets.getFirst(), expected));
                } else if (v == Variation.TO_XLSX) {
                    if (!hssf) Assumptions.abort("the workbook is an .xlsx (XSSF) already");
                    target = toXlsx(wb, format, expected);
                    done.add("every sheet (" + wb.getNumberOfSheets() + ") copied into an XSSF workbook: cells, styles' formats, merged regions, hidden rows, columns and sheets");
                } else {
                    for (DataSheet d : sheets) {
                        String what = apply(v, d);
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
                    String diff = e.getValue().differenceFrom(SheetModel.read(sheet, format));
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
    record DataSheet(Sheet sheet, SheetModel model, int header, int headerEnd) {}

    /** Changes the sheet's model; says what it did, or null when the variation does not apply to the sheet. */
    private static String apply(Variation v, DataSheet d) {
        SheetModel m = d.model;
        return switch (v) {
            case REWRITE -> "unchanged";
            case BLANK_ROWS -> {
                // After the header band, then after every 10th data row, at the next row boundary no merged region crosses.
                int first = d.headerEnd + 1, last = m.lastRow();
                List<Integer> at = new ArrayList<>(List.of(first));
                int since = first;
                for (int b = first + 1; b <= last; b++) {
                    if (b - since >= 10 && m.rowHasText(b) && !m.crossed(b)) {
                        at.add(b);
                        since = b;
                    }
                }
                for (int i = at.size() - 1; i >= 0; i--) m.insertRow(at.get(i));
                yield "empty rows inserted before sheet rows " + at.stream().map(r -> String.valueOf(r + 1)).toList() + " (1-based, original numbering)";
            }
            case NO_TITLE -> {
                List<Integer> titles = new ArrayList<>();
                for (int r = 0; r < d.header; r++) if (m.texts(r) <= 1) titles.add(r);
                if (titles.stream().noneMatch(m::rowHasText)) yield null;
                for (int i = titles.size() - 1; i >= 0; i--) m.deleteRow(titles.get(i));
                yield "rows " + titles.stream().map(r -> String.valueOf(r + 1)).toList() + " above the header deleted";
            }
            case FOOTER -> {
                int last = m.lastRow();
                m.set(last + 2, 0, NOTE);
                m.set(last + 3, 0, CONTACT);
                yield "footer rows " + (last + 3) + " and " + (last + 4) + " written";
            }
            case COLUMN_MOVED -> {
                int type = -1;
                String label = null;
                for (int r = d.header; r <= d.headerEnd && type < 0; r++) {
                    for (Map.Entry<Integer, CellData> c : m.row(r).cells.entrySet()) {
                        String t = squeeze(c.getValue().display());
                        if (t.contains("类型") || t.contains("类别")) {
                            type = c.getKey();
                            label = t;
                            break;
                        }
                    }
                }
                if (type < 0) yield null;
                int t = type, last = m.lastHeaderColumn(d.header, d.headerEnd);
                if (t == last) yield null;
                m.mapColumns(c -> c < t || c > last ? c : c == t ? last : c - 1);
                yield "column " + letter(t) + " (" + label + ") moved after column " + letter(last)
                        + ", columns " + letter(t + 1) + "–" + letter(last) + " one to the left";
            }
            case LEADING_COLUMN -> {
                m.mapColumns(c -> c + 1);
                yield "every column one to the right";
            }
            case HEADER_SYNONYMS, HEADER_SYNONYMS_OTHER -> {
                boolean first = v == Variation.HEADER_SYNONYMS;
                Set<String> present = new TreeSet<>();
                for (int r = d.header; r <= d.headerEnd; r++) for (CellData c : m.row(r).cells.values()) present.add(squeeze(c.display()));
                List<String> renamed = new ArrayList<>();
                for (int r = d.header; r <= d.headerEnd; r++) {
                    for (Map.Entry<Integer, CellData> e : m.row(r).cells.entrySet()) {
                        String was = squeeze(e.getValue().display());
                        String now = first ? synonym(was, present) : otherSynonym(was, present);
                        if (now == null) continue;
                        e.setValue(CellData.text(now, e.getValue().style()));
                        renamed.add(was + " → " + now);
                    }
                }
                yield renamed.isEmpty() ? null : "header " + String.join(", ", renamed);
            }
            case FILL_DOWN -> {
                int n = m.fillDown(d.headerEnd);
                yield n == 0 ? null : n + " merged regions below the header unmerged, each cell holding the region's value";
            }
            case TWO_SHEETS -> throw new IllegalStateException("split is not per sheet");
            case TO_XLSX -> throw new IllegalStateException("conversion is not per sheet");
            case SEQ_DOTTED, SEQ_PAREN, SEQ_AS_NUMBER_TEXT -> {
                int col = -1;
                for (Map.Entry<Integer, CellData> c : m.row(d.header).cells.entrySet()) {
                    if (squeeze(c.getValue().display()).equals("序号")) {
                        col = c.getKey();
                        break;
                    }
                }
                if (col < 0) yield null;
                int n = 0, last = m.lastRow();
                for (int r = d.headerEnd + 1; r <= last; r++) {
                    RowData rd = m.rows.get(r);
                    CellData c = rd == null ? null : rd.cells.get(col);
                    if (c == null) continue;
                    String t = c.display().strip();
                    if (!t.matches("[0-9]+")) continue;
                    CellData now;
                    if (v == Variation.SEQ_DOTTED) now = CellData.text(t + ".", c.style());
                    else if (v == Variation.SEQ_PAREN) now = CellData.text("（" + t + "）", c.style());
                    else if (c.type() == CellType.STRING) now = new CellData(CellType.NUMERIC, null, Double.parseDouble(t), false, (byte) 0, c.style(), t);
                    else if (c.type() == CellType.NUMERIC && c.number() == Math.rint(c.number())) now = CellData.text(t, c.style());
                    else continue;
                    rd.cells.put(col, now);
                    n++;
                }
                yield n == 0 ? null : n + " data 序号 cells in column " + letter(col) + (switch (v) {
                    case SEQ_DOTTED -> " written \"N.\"";
                    case SEQ_PAREN -> " written \"（N）\"";
                    default -> " switched between numeric and text cells";
                });
            }
            case MIDDLE_COLUMN -> {
                int name = -1, end = -1;
                String label = null;
                for (int r = d.header; r <= d.headerEnd && name < 0; r++) {
                    for (Map.Entry<Integer, CellData> c : m.row(r).cells.entrySet()) {
                        String t = squeeze(c.getValue().display());
                        if (NAMES.contains(t) || t.endsWith("名称") && !t.contains("子项") && !t.contains("机构") && !t.contains("主体")) {
                            name = c.getKey();
                            label = t;
                            int rr = r;
                            end = m.merges.stream().filter(a -> a.isInRange(rr, c.getKey())).mapToInt(a -> a.getLastColumn()).max().orElse(c.getKey());
                            break;
                        }
                    }
                }
                if (name < 0) yield null;
                int at = end + 1;
                boolean had = false;
                for (int r = d.header; r <= d.headerEnd; r++) for (CellData c : m.row(r).cells.values()) had |= squeeze(c.display()).equals("备注");
                m.insertColumn(at);
                CellData headerCell = m.row(d.header).cells.get(name);
                m.row(d.header).cells.put(at, CellData.text("备注", headerCell == null ? null : headerCell.style()));
                if (d.headerEnd > d.header) m.merges.add(new org.apache.poi.ss.util.CellRangeAddress(d.header, d.headerEnd, at, at));
                int n = 0, last = m.lastRow();
                for (int r = d.headerEnd + 1; r <= last; r++) {
                    if (m.texts(r) < 2 || m.covered(r, at)) continue;
                    CellData left = m.row(r).cells.get(name);
                    m.row(r).cells.put(at, CellData.text("无", left == null ? null : left.style()));
                    n++;
                }
                yield "column 备注 inserted as " + letter(at) + " after " + label + " (" + letter(name) + (end > name ? "–" + letter(end) : "")
                        + "), \"无\" in " + n + " rows" + (had ? " (the sheet had a 备注 column already)" : "");
            }
            case TYPE_SHORT, TYPE_SUFFIX -> {
                int type = -1;
                for (int r = d.header; r <= d.headerEnd && type < 0; r++) {
                    for (Map.Entry<Integer, CellData> c : m.row(r).cells.entrySet()) {
                        String t = squeeze(c.getValue().display());
                        if (t.contains("类型") || t.contains("类别")) {
                            type = c.getKey();
                            break;
                        }
                    }
                }
                if (type < 0) yield null;
                Map<String, Integer> changed = new TreeMap<>();
                int last = m.lastRow();
                for (int r = d.headerEnd + 1; r <= last; r++) {
                    RowData rd = m.rows.get(r);
                    CellData c = rd == null ? null : rd.cells.get(type);
                    if (c == null) continue;
                    String t = squeeze(c.display());
                    String now = v == Variation.TYPE_SHORT ? (SHORT_TYPES.contains(t) ? t.substring(2) : null)
                            : (SHORT_TYPES.contains(t) || t.equals("其他行政权力") || t.equals("其他权力") ? t + "类" : null);
                    if (now == null) continue;
                    rd.cells.put(type, CellData.text(now, c.style()));
                    changed.merge(t + " → " + now, 1, Integer::sum);
                }
                yield changed.isEmpty() ? null : "column " + letter(type) + ": " + changed;
            }
            case HEADER_NEWLINES -> {
                List<String> broken = new ArrayList<>();
                for (int r = d.header; r <= d.headerEnd; r++) {
                    for (Map.Entry<Integer, CellData> e : m.row(r).cells.entrySet()) {
                        if (e.getValue().type() != CellType.STRING) continue;
                        // Spaces already in the label (事 项 名 称, 事项\n名称) go: the label is broken once, in its middle.
                        String t = squeeze(e.getValue().display());
                        int len = t.codePointCount(0, t.length());
                        if (len < 2) continue;
                        int mid = t.offsetByCodePoints(0, len / 2);
                        String now = t.substring(0, mid) + "\n" + t.substring(mid);
                        e.setValue(CellData.text(now, e.getValue().style()));
                        broken.add(now.replace("\n", "⏎"));
                    }
                }
                yield broken.isEmpty() ? null : "header " + String.join(", ", broken);
            }
        };
    }

    private static final Set<String> SHORT_TYPES = Set.of("行政许可", "行政处罚", "行政检查", "行政强制", "行政征收", "行政给付", "行政确认", "行政奖励", "行政裁决");

    /** Every sheet of an HSSF workbook copied into a new XSSF one: cell values, styles (format, alignment, wrap, borders, font), merged regions, rows, columns, hidden sheets. */
    private static Workbook toXlsx(Workbook wb, DataFormatter format, Map<String, SheetModel> expected) {
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

    private static final Set<String> NAMES = Set.of("事项名称", "权力事项名称", "权责事项名称", "权力名称", "项目", "项目名称", "职权名称");

    /** 事项名称 → 权力名称 (权力名称 → 事项名称), 实施依据/设定依据 → 法律依据, 承办机构 → 责任主体 where no column has that name already. */
    private static String synonym(String label, Set<String> present) {
        if (NAMES.contains(label)) return label.equals("权力名称") ? "事项名称" : "权力名称";
        if (label.equals("实施依据") || label.equals("设定依据")) return "法律依据";
        if (label.equals("承办机构") && !present.contains("责任主体")) return "责任主体";
        return null;
    }

    /** 事项名称 → 权责事项名称 (→ 权力事项名称 where it is that already), 实施依据 ↔ 设定依据, 行使主体 → 实施主体. */
    private static String otherSynonym(String label, Set<String> present) {
        if (NAMES.contains(label)) return label.equals("权责事项名称") ? "权力事项名称" : "权责事项名称";
        if (label.equals("实施依据") && !present.contains("设定依据")) return "设定依据";
        if (label.equals("设定依据") && !present.contains("实施依据")) return "实施依据";
        if (label.equals("行使主体") && !present.contains("实施主体")) return "实施主体";
        return null;
    }

    /** The single data sheet split at the row boundary nearest below its middle: the second half on a new sheet after it, under a copy of the rows above the data. */
    private static String split(Workbook wb, DataSheet d, Map<String, SheetModel> expected) {
        SheetModel m = d.model;
        int first = d.headerEnd + 1, last = m.lastRow();
        int cut = -1;
        for (int b = first + (last - first + 1) / 2; b <= last && cut < 0; b++) if (m.rowHasText(b) && !m.crossed(b)) cut = b;
        if (cut <= first) Assumptions.abort("no row boundary to split the data rows at");
        SheetModel top = m.rowsBefore(cut);
        SheetModel second = m.rowsBefore(first).append(m.rowsFrom(cut), first - cut);
        String name = d.sheet.getSheetName();
        String name2 = (name.length() > 27 ? name.substring(0, 27) : name) + " (2)";
        Sheet s2 = wb.createSheet(name2);
        wb.setSheetOrder(name2, wb.getSheetIndex(d.sheet) + 1);
        second.columnsChanged = true;
        top.write(d.sheet);
        second.write(s2);
        expected.put(name, top);
        expected.put(name2, second);
        return "sheet " + name + " split before its row " + (cut + 1) + " (data rows " + (first + 1) + "–" + (last + 1)
                + "); rows from there on a new sheet " + name2 + " under a copy of rows 1–" + first;
    }

    static String squeeze(String s) {
        return s == null ? "" : s.replaceAll("[\\s\u3000]+", "");
    }

    static String letter(int col) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(col);
    }

}
