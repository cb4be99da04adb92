package org.quanze.ingest;

import org.apache.poi.ss.util.CellRangeAddress;
import org.quanze.ingest.SheetCells.CellData;
import org.quanze.ingest.SheetModels.SheetModel;

import java.util.ArrayList;
import java.util.List;

/** The two ways exports undo a sheet's merged cells below its header, as {@link SheetVariations} applies them to a {@link SheetModel}. */
final class SheetMerges {

    private SheetMerges() {}

    /** The merged regions below the header unmerged, their text left in the top-left cell alone (others cleared); how many. */
    static int unmerge(SheetModel m, int headerEnd) {
        return unmergeBelow(m, headerEnd, false);
    }

    /** Every merged region below the header band unmerged, each of its cells holding the region's value; how many. */
    static int fillDown(SheetModel m, int headerEnd) {
        return unmergeBelow(m, headerEnd, true);
    }

    private static int unmergeBelow(SheetModel m, int headerEnd, boolean fill) {
        List<CellRangeAddress> kept = new ArrayList<>();
        int n = 0;
        for (CellRangeAddress a : m.merges) {
            if (a.getFirstRow() <= headerEnd) {
                kept.add(a);
                continue;
            }
            n++;
            CellData top = m.row(a.getFirstRow()).cells.get(a.getFirstColumn());
            if (fill && top == null) continue;
            for (int r = a.getFirstRow(); r <= a.getLastRow(); r++) {
                for (int c = a.getFirstColumn(); c <= a.getLastColumn(); c++) {
                    if (r == a.getFirstRow() && c == a.getFirstColumn()) continue;
                    CellData own = m.row(r).cells.get(c);
                    if (fill) m.row(r).cells.put(c, top.withStyle(own != null && own.style() != null ? own.style() : top.style()));
                    else if (own != null) m.row(r).cells.put(c, CellData.text("", own.style()));
                }
            }
        }
        m.merges = kept;
        return n;
    }

    /**
     * The 权力类型 cells of consecutive rows that hold the same type merged into one region, the
     * type in its first cell, as lists that group their items by type write it; what it did, or
     * null where there is no type column or no two such rows. Only runs no other merged region
     * cuts: a region must not cross the top or bottom of another.
     */
    static String mergeTypes(ListVariants.DataSheet d) {
        SheetModel m = d.model();
        int type = d.typeColumn();
        if (type < 0) return null;
        int col = type, n = 0, last = m.lastRow();
        int r = d.headerEnd() + 1;
        while (r <= last) {
            String t = ListVariants.squeeze(m.text(r, col));
            int end = r;
            while (!t.isEmpty() && end + 1 <= last && ListVariants.squeeze(m.text(end + 1, col)).equals(t)) end++;
            int from = r, to = end;
            boolean free = m.merges.stream().noneMatch(a -> a.getFirstColumn() <= col && col <= a.getLastColumn()
                    && a.getFirstRow() <= to && a.getLastRow() >= from);
            if (end > r && free && !m.crossed(from) && !m.crossed(to + 1)) {
                for (int k = from + 1; k <= to; k++) {
                    CellData own = m.row(k).cells.get(col);
                    if (own != null) m.row(k).cells.put(col, CellData.text("", own.style()));
                }
                m.merges.add(new CellRangeAddress(from, to, col, col));
                n++;
            }
            r = end + 1;
        }
        return n == 0 ? null : n + " runs of one type in column " + ListVariants.letter(col) + " merged down";
    }
}
