package org.quanze.ingest;

import org.apache.poi.ss.usermodel.CellType;
import org.quanze.ingest.ListVariants.DataSheet;
import org.quanze.ingest.SheetCells.CellData;
import org.quanze.ingest.SheetCells.RowData;
import org.quanze.ingest.SheetModels.SheetModel;

import java.util.Map;

import static org.quanze.ingest.ListVariants.letter;
import static org.quanze.ingest.ListVariants.squeeze;

/** Variations of the cells' text, as {@link SheetVariations} writes them: names broken over two lines, cells padded with spaces. */
final class SheetTexts {

    private SheetTexts() {}

    /** Names of eight characters or more broken in two lines at their middle, between two Han characters; what was done, or null. */
    static String wrapNames(DataSheet d) {
        SheetModel m = d.model();
        int col = nameColumn(d);
        if (col < 0) return null;
        int n = 0, last = m.lastRow();
        for (int r = d.headerEnd() + 1; r <= last; r++) {
            RowData rd = m.rows.get(r);
            CellData c = rd == null ? null : rd.cells.get(col);
            if (c == null || c.type() != CellType.STRING) continue;
            String t = c.display();
            int mid = t.length() / 2;
            // A name the office broke already (a column wrapped every few characters) is left as it is.
            if (t.length() < 8 || t.indexOf('\n') >= 0 || !han(t.charAt(mid - 1)) || !han(t.charAt(mid))) continue;
            rd.cells.put(col, CellData.text(t.substring(0, mid) + "\n" + t.substring(mid), c.style()));
            n++;
        }
        return n == 0 ? null : n + " names in column " + letter(col) + " broken in two lines at their middle, between two Han characters";
    }

    /** Every text cell below the header padded, a full-width space before and two spaces after; what was done, or null. */
    static String pad(DataSheet d) {
        SheetModel m = d.model();
        int n = 0, last = m.lastRow();
        for (int r = d.headerEnd() + 1; r <= last; r++) {
            RowData rd = m.rows.get(r);
            if (rd == null) continue;
            for (Map.Entry<Integer, CellData> e : rd.cells.entrySet()) {
                CellData c = e.getValue();
                if (c.type() != CellType.STRING || c.display().isBlank()) continue;
                e.setValue(CellData.text("\u3000" + c.display() + "  ", c.style()));
                n++;
            }
        }
        return n == 0 ? null : n + " text cells below the header written \"\u3000…  \"";
    }

    /** The column the header labels with the item's name (事项名称, 权力名称 …), or -1. */
    static int nameColumn(DataSheet d) {
        for (int r = d.header(); r <= d.headerEnd(); r++) {
            for (Map.Entry<Integer, CellData> c : d.model().row(r).cells.entrySet()) {
                String t = squeeze(c.getValue().display());
                if (SheetVariations.NAMES.contains(t) || t.endsWith("名称") && !t.contains("子项") && !t.contains("机构") && !t.contains("主体")) return c.getKey();
            }
        }
        return -1;
    }

    private static boolean han(char ch) {
        return Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN;
    }
}
