package org.quanze.ingest;

import org.apache.poi.ss.util.CellRangeAddress;
import org.quanze.ingest.SheetCells.CellData;
import org.quanze.ingest.SheetCells.RowData;
import org.quanze.ingest.SheetModels.SheetModel;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.quanze.ingest.ListVariants.letter;

/** Whether a variant sheet was written as its model says: the first difference, in words. */
final class SheetDifference {

    private SheetDifference() {}

    /** What differs between a model and the sheet read back after writing it: shown cell texts, merged regions, hidden rows and columns; null when nothing. */
    static String between(SheetModel want, SheetModel read) {
        Map<String, String> wantTexts = texts(want), got = texts(read);
        if (!wantTexts.equals(got)) {
            for (String k : new TreeSet<>(union(wantTexts.keySet(), got.keySet()))) {
                if (!Objects.equals(wantTexts.get(k), got.get(k))) return "cell " + k + " should be «" + wantTexts.get(k) + "» but is «" + got.get(k) + "»";
            }
        }
        Set<String> wm = new TreeSet<>(want.merges.stream().map(CellRangeAddress::formatAsString).toList());
        Set<String> gm = new TreeSet<>(read.merges.stream().map(CellRangeAddress::formatAsString).toList());
        if (!wm.equals(gm)) return "merged regions " + wm + " but " + gm;
        Set<Integer> wh = hiddenRows(want), gh = hiddenRows(read);
        if (!wh.equals(gh)) return "hidden rows " + wh + " but " + gh;
        int last = Math.max(want.lastCell(), read.lastCell());
        for (int c = 0; c <= last; c++) {
            boolean w = want.columns.containsKey(c) && want.columns.get(c).hidden(), g = read.columns.containsKey(c) && read.columns.get(c).hidden();
            if (w != g) return "column " + letter(c) + (w ? " should be hidden" : " should not be hidden");
        }
        return null;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static Map<String, String> texts(SheetModel m) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<Integer, RowData> r : m.rows.entrySet()) {
            for (Map.Entry<Integer, CellData> c : r.getValue().cells.entrySet()) {
                if (!c.getValue().display().isEmpty()) out.put(letter(c.getKey()) + (r.getKey() + 1), c.getValue().display());
            }
        }
        return out;
    }

    private static Set<Integer> hiddenRows(SheetModel m) {
        Set<Integer> out = new TreeSet<>();
        m.rows.forEach((k, r) -> { if (r.hidden) out.add(k); });
        return out;
    }
}
