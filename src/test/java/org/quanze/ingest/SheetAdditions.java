package org.quanze.ingest;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.quanze.ingest.ListVariants.DataSheet;
import org.quanze.ingest.SheetCells.CellData;
import org.quanze.ingest.SheetCells.RowData;
import org.quanze.ingest.SheetModels.SheetModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.quanze.ingest.ListVariants.letter;
import static org.quanze.ingest.ListVariants.squeeze;

/**
 * Variations that add to a sheet what other offices' lists carry beside the table, as
 * {@link SheetVariations} applies them: the same text merged over a run of items, a line of
 * filing details above the header, a column of item codes, styled empty rows below the table.
 */
final class SheetAdditions {

    /** Styled empty rows a sheet formatted far below its table carries. */
    static final int BLANK_TAIL_ROWS = 5_000;

    private SheetAdditions() {}

    /**
     * In every column but 序号 and the names, a run of consecutive unmerged data cells with the
     * same text merged into one region, its text in the first cell, as offices merge one
     * 实施主体, 行使层级 or 追责情形 over many items; what was done, or null.
     */
    static String mergeRuns(DataSheet d) {
        SheetModel m = d.model();
        int seq = d.seqColumn(), last = m.lastRow(), lastColumn = m.lastHeaderColumn(d.header(), d.headerEnd());
        List<String> done = new ArrayList<>();
        for (int c = 0; c <= lastColumn; c++) {
            if (c == seq || names(d, c)) continue;
            int regions = 0, cells = 0;
            int r = d.headerEnd() + 1;
            while (r <= last) {
                String t = free(m, r, c);
                int end = r;
                while (!t.isBlank() && end + 1 <= last && t.equals(free(m, end + 1, c))) end++;
                if (end > r) {
                    for (int k = r + 1; k <= end; k++) m.rows.get(k).cells.remove(c);
                    m.merges.add(new CellRangeAddress(r, end, c, c));
                    regions++;
                    cells += end - r + 1;
                }
                r = end + 1;
            }
            if (regions > 0) done.add(letter(c) + " " + regions + " (" + cells + " cells)");
        }
        return done.isEmpty() ? null : "runs of equal text merged down, per column: " + String.join(", ", done);
    }

    /** A data cell's text where it is in no merged region; "" otherwise. */
    private static String free(SheetModel m, int r, int c) {
        if (m.merges.stream().anyMatch(a -> a.isInRange(r, c))) return "";
        RowData rd = m.rows.get(r);
        CellData cd = rd == null ? null : rd.cells.get(c);
        return cd == null || cd.type() != CellType.STRING ? "" : cd.display();
    }

    /** Whether a header cell of column {@code c} names an item or a sub-item (…名称, 项目, 子项). */
    private static boolean names(DataSheet d, int c) {
        for (int r = d.header(); r <= d.headerEnd(); r++) {
            String t = squeeze(d.model().text(r, c));
            if (t.contains("名称") || t.contains("项目") || t.contains("子项")) return true;
        }
        return false;
    }

    /**
     * A row of filing details inserted right above the header: 填报单位（盖章）： in the first
     * column and the date of the list in the header's last column; what was done, or null where a
     * merged region crosses that row.
     */
    static String filingRow(DataSheet d) {
        SheetModel m = d.model();
        int at = d.header(), last = m.lastHeaderColumn(d.header(), d.headerEnd());
        if (m.crossed(at) || last < 1) return null;
        m.insertRow(at);
        m.set(at, 0, "填报单位（盖章）：");
        m.set(at, last, "填报日期：2024年6月30日");
        return "a row inserted above the header as sheet row " + (at + 1) + ": 填报单位（盖章）： in A, 填报日期：2024年6月30日 in " + letter(last);
    }

    /**
     * A column 事项编码 inserted right of 序号: each numbered item's code, 650200- and its 序号 in
     * three digits (650200-007), merged as the item's 序号 is; what was done, or null.
     */
    static String codeColumn(DataSheet d) {
        SheetModel m = d.model();
        int seq = d.seqColumn();
        if (seq < 0) return null;
        int at = seq + 1;
        List<CellRangeAddress> seqMerges = new ArrayList<>();
        for (CellRangeAddress a : m.merges) {
            if (a.getFirstColumn() == seq && a.getLastColumn() == seq && a.getFirstRow() > d.headerEnd()) seqMerges.add(a);
        }
        m.insertColumn(at);
        CellData headerCell = m.row(d.header()).cells.get(seq);
        m.row(d.header()).cells.put(at, CellData.text("事项编码", headerCell == null ? null : headerCell.style()));
        if (d.headerEnd() > d.header()) m.merges.add(new CellRangeAddress(d.header(), d.headerEnd(), at, at));
        int n = 0, last = m.lastRow();
        for (int r = d.headerEnd() + 1; r <= last; r++) {
            CellData s = m.row(r).cells.get(seq);
            String t = s == null ? "" : s.display().strip();
            if (!t.matches("[0-9]{1,3}")) continue;
            m.row(r).cells.put(at, CellData.text(String.format(Locale.ROOT, "650200-%03d", Integer.parseInt(t)), s.style()));
            n++;
        }
        for (CellRangeAddress a : seqMerges) m.merges.add(new CellRangeAddress(a.getFirstRow(), a.getLastRow(), at, at));
        return n == 0 ? null : "column 事项编码 inserted as " + letter(at) + " right of 序号 (" + letter(seq) + "), " + n
                + " codes 650200-NNN, merged as 序号 is (" + seqMerges.size() + " regions)";
    }

    /** {@link #BLANK_TAIL_ROWS} empty rows below the table, each cell styled as the last row's; what was done, or null. */
    static String blankTail(DataSheet d) {
        SheetModel m = d.model();
        int last = m.lastRow(), lastColumn = m.lastHeaderColumn(d.header(), d.headerEnd());
        RowData model = m.rows.get(last);
        if (model == null) return null;
        for (int r = last + 1; r <= last + BLANK_TAIL_ROWS; r++) {
            RowData rd = m.row(r);
            for (int c = 0; c <= lastColumn; c++) {
                CellData styled = model.cells.get(c);
                CellStyle style = styled == null ? null : styled.style();
                rd.cells.put(c, new CellData(CellType.BLANK, null, 0, false, (byte) 0, style, ""));
            }
        }
        return BLANK_TAIL_ROWS + " empty rows styled as the last one (sheet row " + (last + 1) + ") written below it, columns A–" + letter(lastColumn);
    }
}
