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
        List<CellRangeAddress> kept = new ArrayList<>();
        int n = 0;
        for (CellRangeAddress a : m.merges) {
            if (a.getFirstRow() <= headerEnd) {
                kept.add(a);
                continue;
            }
            n++;
            for (int r = a.getFirstRow(); r <= a.getLastRow(); r++) {
                for (int c = a.getFirstColumn(); c <= a.getLastColumn(); c++) {
                    if (r == a.getFirstRow() && c == a.getFirstColumn()) continue;
                    CellData own = m.row(r).cells.get(c);
                    if (own != null) m.row(r).cells.put(c, CellData.text("", own.style()));
                }
            }
        }
        m.merges = kept;
        return n;
    }

    /** Every merged region below the header band unmerged, each of its cells holding the region's value; how many. */
    static int fillDown(SheetModel m, int headerEnd) {
        List<CellRangeAddress> kept = new ArrayList<>();
        int n = 0;
        for (CellRangeAddress a : m.merges) {
            if (a.getFirstRow() <= headerEnd) {
                kept.add(a);
                continue;
            }
            n++;
            CellData top = m.row(a.getFirstRow()).cells.get(a.getFirstColumn());
            if (top == null) continue;
            for (int r = a.getFirstRow(); r <= a.getLastRow(); r++) {
                for (int c = a.getFirstColumn(); c <= a.getLastColumn(); c++) {
                    CellData own = m.row(r).cells.get(c);
                    m.row(r).cells.put(c, top.withStyle(own != null && own.style() != null ? own.style() : top.style()));
                }
            }
        }
        m.merges = kept;
        return n;
    }
}
