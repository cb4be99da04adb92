package org.quanze.ingest;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.quanze.ingest.ListVariants.DataSheet;
import org.quanze.ingest.ListVariants.Variation;
import org.quanze.ingest.SheetCells.CellData;
import org.quanze.ingest.SheetCells.RowData;
import org.quanze.ingest.SheetModels.SheetModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.quanze.ingest.ListVariants.CONTACT;
import static org.quanze.ingest.ListVariants.NOTE;
import static org.quanze.ingest.ListVariants.letter;
import static org.quanze.ingest.ListVariants.squeeze;

/**
 * What each {@link ListVariants.Variation} changes in one data sheet's model: the edits of cells,
 * rows and columns, each saying what it did, or null where the variation does not apply to the sheet.
 */
final class SheetVariations {

    private SheetVariations() {}

    /** Changes the sheet's model; says what it did, or null when the variation does not apply to the sheet. */
    static String apply(Variation v, DataSheet d) {
        SheetModel m = d.model();
        return switch (v) {
            case REWRITE -> "unchanged";
            case BLANK_ROWS -> {
                // After the header band, then after every 10th data row, at the next row boundary no merged region crosses.
                int first = d.headerEnd() + 1, last = m.lastRow();
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
                for (int r = 0; r < d.header(); r++) if (m.texts(r) <= 1) titles.add(r);
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
                Map.Entry<Integer, String> type = d.typeHeader();
                if (type == null) yield null;
                int t = type.getKey(), last = m.lastHeaderColumn(d.header(), d.headerEnd());
                if (t == last) yield null;
                m.mapColumns(c -> c < t || c > last ? c : c == t ? last : c - 1);
                yield "column " + letter(t) + " (" + type.getValue() + ") moved after column " + letter(last)
                        + ", columns " + letter(t + 1) + "–" + letter(last) + " one to the left";
            }
            case TYPE_FIRST -> {
                int t = d.typeColumn(), first = d.seqColumn();
                if (t < 0 || first < 0 || t < first) yield null;
                m.mapColumns(c -> c < first || c > t ? c : c == t ? first : c + 1);
                yield "column " + letter(t) + " (" + d.typeHeader().getValue() + ") moved before column " + letter(first)
                        + " (序号), columns " + letter(first) + "–" + letter(t - 1) + " one to the right";
            }
            case LEADING_COLUMN -> {
                m.mapColumns(c -> c + 1);
                yield "every column one to the right";
            }
            case NO_SEQ_COLUMN -> {
                int col = d.seqColumn();
                if (col < 0) yield null;
                m.deleteColumn(col);
                yield "column " + letter(col) + " (序号) deleted, the columns right of it one to the left";
            }
            case HEADER_UNLISTED -> d.renameHeader(SheetVariations::unlisted);
            case HEADER_SYNONYMS, HEADER_SYNONYMS_OTHER -> {
                boolean first = v == Variation.HEADER_SYNONYMS;
                Set<String> present = new TreeSet<>();
                for (int r = d.header(); r <= d.headerEnd(); r++) for (CellData c : m.row(r).cells.values()) present.add(squeeze(c.display()));
                yield d.renameHeader(was -> first ? synonym(was, present) : otherSynonym(was, present));
            }
            case UNMERGED -> {
                int n = SheetMerges.unmerge(m, d.headerEnd());
                yield n == 0 ? null : n + " merged regions below the header unmerged, the text left in each one's first cell";
            }
            case FILL_DOWN -> {
                int n = SheetMerges.fillDown(m, d.headerEnd());
                yield n == 0 ? null : n + " merged regions below the header unmerged, each cell holding the region's value";
            }
            case NAME_WRAPPED -> SheetTexts.wrapNames(d);
            case CELL_PADDING -> SheetTexts.pad(d);
            case REPEATED_HEADER -> {
                List<Integer> at = SheetSections.repeatHeader(m, d.header(), d.headerEnd(), 8);
                yield at.isEmpty() ? null : "the header band (rows " + (d.header() + 1) + "–" + (d.headerEnd() + 1)
                        + ") copied before data rows " + at.stream().map(r -> String.valueOf(r + 1)).toList() + " (1-based, original numbering)";
            }
            case TWO_SHEETS, ONE_SHEET, ONE_SHEET_UNTITLED -> throw new IllegalStateException("splitting or stacking sheets is not per sheet");
            case TO_XLSX -> throw new IllegalStateException("conversion is not per sheet");
            case INSTRUCTIONS_SHEET, OPTIONS_SHEET -> throw new IllegalStateException("a sheet added is not a change to one");
            case SEQ_DOTTED, SEQ_PAREN, SEQ_AS_NUMBER_TEXT, SEQ_CHINESE, SEQ_FULLWIDTH, SEQ_PADDED -> {
                int col = d.seqColumn();
                if (col < 0) yield null;
                int n = 0, last = m.lastRow();
                for (int r = d.headerEnd() + 1; r <= last; r++) {
                    RowData rd = m.rows.get(r);
                    CellData c = rd == null ? null : rd.cells.get(col);
                    if (c == null) continue;
                    String t = c.display().strip();
                    if (!t.matches("[0-9]+")) continue;
                    CellData now;
                    if (v == Variation.SEQ_DOTTED) now = CellData.text(t + ".", c.style());
                    else if (v == Variation.SEQ_PAREN) now = CellData.text("（" + t + "）", c.style());
                    else if (v == Variation.SEQ_CHINESE) now = CellData.text(SheetSections.chinese(Integer.parseInt(t)), c.style());
                    else if (v == Variation.SEQ_PADDED) now = CellData.text(String.format(java.util.Locale.ROOT, "%03d", Integer.parseInt(t)), c.style());
                    else if (v == Variation.SEQ_FULLWIDTH) now = CellData.text(t.chars().mapToObj(ch -> String.valueOf((char) (ch - '0' + '０'))).collect(Collectors.joining()), c.style());
                    else if (c.type() == CellType.STRING) now = new CellData(CellType.NUMERIC, null, Double.parseDouble(t), false, (byte) 0, c.style(), t);
                    else if (c.type() == CellType.NUMERIC && c.number() == Math.rint(c.number())) now = CellData.text(t, c.style());
                    else continue;
                    rd.cells.put(col, now);
                    n++;
                }
                yield n == 0 ? null : n + " data 序号 cells in column " + letter(col) + (switch (v) {
                    case SEQ_DOTTED -> " written \"N.\"";
                    case SEQ_PAREN -> " written \"（N）\"";
                    case SEQ_CHINESE -> " written in Chinese numerals";
                    case SEQ_FULLWIDTH -> " written in full-width digits";
                    case SEQ_PADDED -> " written as text padded to three digits (007)";
                    default -> " switched between numeric and text cells";
                });
            }
            case MIDDLE_COLUMN -> {
                int name = -1, end = -1;
                String label = null;
                for (int r = d.header(); r <= d.headerEnd() && name < 0; r++) {
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
                for (int r = d.header(); r <= d.headerEnd(); r++) for (CellData c : m.row(r).cells.values()) had |= squeeze(c.display()).equals("备注");
                m.insertColumn(at);
                CellData headerCell = m.row(d.header()).cells.get(name);
                m.row(d.header()).cells.put(at, CellData.text("备注", headerCell == null ? null : headerCell.style()));
                if (d.headerEnd() > d.header()) m.merges.add(new org.apache.poi.ss.util.CellRangeAddress(d.header(), d.headerEnd(), at, at));
                int n = 0, last = m.lastRow();
                for (int r = d.headerEnd() + 1; r <= last; r++) {
                    if (m.texts(r) < 2 || m.covered(r, at)) continue;
                    CellData left = m.row(r).cells.get(name);
                    m.row(r).cells.put(at, CellData.text("无", left == null ? null : left.style()));
                    n++;
                }
                yield "column 备注 inserted as " + letter(at) + " after " + label + " (" + letter(name) + (end > name ? "–" + letter(end) : "")
                        + "), \"无\" in " + n + " rows" + (had ? " (the sheet had a 备注 column already)" : "");
            }
            case TYPE_SHORT, TYPE_SUFFIX -> {
                int type = d.typeColumn();
                if (type < 0) yield null;
                Map<String, Integer> changed = new TreeMap<>();
                int last = m.lastRow();
                for (int r = d.headerEnd() + 1; r <= last; r++) {
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
            case TYPE_MERGED -> SheetMerges.mergeTypes(d);
            case TYPE_FIRST_MERGED -> {
                String merged = SheetMerges.mergeTypes(d);
                if (merged == null) yield null;
                String moved = apply(Variation.TYPE_FIRST, d);
                yield moved == null ? null : merged + "; " + moved;
            }
            case SEQ_BY_TYPE -> SheetSections.numberByType(d);
            case TYPE_COUNTED -> {
                String merged = SheetMerges.mergeTypes(d);
                if (merged == null) yield null;
                int col = d.typeColumn(), n = 0;
                for (CellRangeAddress a : m.merges) {
                    if (a.getFirstColumn() != col || a.getLastColumn() != col || a.getFirstRow() <= d.headerEnd()) continue;
                    String t = m.text(a.getFirstRow(), col).strip();
                    if (t.isEmpty()) continue;
                    CellData top = m.row(a.getFirstRow()).cells.get(col);
                    m.row(a.getFirstRow()).cells.put(col, CellData.text(t + "（" + (a.getLastRow() - a.getFirstRow() + 1) + "项）", top.style()));
                    n++;
                }
                yield merged + "; " + n + " of them written with their count of rows, 行政许可（N项）";
            }
            case SUB_NUMBERED -> SheetSections.numberSubItems(d);
            case MERGED_RUNS -> SheetAdditions.mergeRuns(d);
            case FILING_ROW -> SheetAdditions.filingRow(d);
            case CODE_COLUMN -> SheetAdditions.codeColumn(d);
            case BLANK_TAIL -> SheetAdditions.blankTail(d);
            case COLUMN_NUMBERS -> {
                // As printed forms number their columns: 1 … n in a row of its own under the header.
                int at = d.headerEnd() + 1, last = m.lastHeaderColumn(d.header(), d.headerEnd());
                if (m.crossed(at)) yield null;
                m.insertRow(at);
                for (int c = 0; c <= last; c++) m.set(at, c, String.valueOf(c + 1));
                yield "a row numbering columns A–" + letter(last) + " 1–" + (last + 1) + " inserted as sheet row " + (at + 1);
            }
            case SECTION_ROWS -> SheetSections.headings(d, false);
            case TYPE_BY_SECTION -> SheetSections.headings(d, true);
            case HEADER_NEWLINES -> {
                List<String> broken = new ArrayList<>();
                for (int r = d.header(); r <= d.headerEnd(); r++) {
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

    static final Set<String> NAMES = Set.of("事项名称", "权力事项名称", "权责事项名称", "权力名称", "项目", "项目名称", "职权名称");

    /**
     * The name, type, basis and office columns' labels in words the vocabulary does not list, each
     * ending in its field's head word (名称, 类型, 依据, 处室), as a label built the same way by another
     * office would.
     */
    private static String unlisted(String label) {
        if (NAMES.contains(label)) return "职权事项名称";
        if (label.equals("权力类型") || label.equals("职权类型") || label.equals("事项类别")) return "权责类型";
        if (label.equals("实施依据") || label.equals("设定依据")) return "行使依据";
        if (label.equals("承办机构")) return "承办处室";
        return null;
    }

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

}
