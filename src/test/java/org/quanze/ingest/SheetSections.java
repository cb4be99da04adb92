package org.quanze.ingest;

import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Assumptions;
import org.quanze.ingest.ListVariants.DataSheet;
import org.quanze.ingest.SheetCells.CellData;
import org.quanze.ingest.SheetModels.SheetModel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.quanze.ingest.ListVariants.letter;
import static org.quanze.ingest.ListVariants.squeeze;

/** How some offices number and section a list, as {@link SheetVariations} writes it: Chinese numerals, a heading row per power type. */
final class SheetSections {

    private SheetSections() {}

    /**
     * A row merged over the table's width, "一、行政许可", where the power type changes; with
     * {@code dropType}, the 权力类型 column then deleted, so that only the headings say the types
     * (where a change of type falls inside a merged region, or an item row leaves its type empty,
     * the headings could not say them: not applied).
     */
    static String headings(DataSheet d, boolean dropType) {
        SheetModel m = d.model();
        int type = d.typeColumn();
        if (type < 0) return null;
        int width = m.lastHeaderColumn(d.header(), d.headerEnd());
        List<Integer> at = new ArrayList<>();
        List<String> types = new ArrayList<>();
        String previous = null;
        for (int r = d.headerEnd() + 1; r <= m.lastRow(); r++) {
            String t = squeeze(m.text(r, type));
            if (t.isEmpty() && dropType && m.rowHasText(r) && !m.covered(r, type)) return null;
            if (t.isEmpty() || t.equals(previous)) continue;
            if (m.crossed(r)) {
                if (dropType) return null;
                continue;
            }
            at.add(r);
            types.add(t);
            previous = t;
        }
        if (at.isEmpty()) return null;
        // The heading stands in the first column that stays.
        int first = dropType && type == 0 ? 1 : 0;
        for (int i = at.size() - 1; i >= 0; i--) {
            int r = at.get(i);
            m.insertRow(r);
            m.set(r, first, chinese(i + 1) + "、" + types.get(i));
            if (width > first) m.merges.add(new CellRangeAddress(r, r, first, width));
        }
        if (dropType) m.deleteColumn(type);
        return at.size() + " heading rows inserted before sheet rows " + at.stream().map(r -> String.valueOf(r + 1)).toList()
                + " (1-based, original numbering): " + types + (dropType ? "; column " + letter(type) + " (the type) deleted" : "");
    }

    private static final String DIGITS = "零一二三四五六七八九";

    /** A number as lists write it in Chinese: 十二, 二十, 一百零五, 一百一十, 一千零二十. */
    static String chinese(int n) {
        if (n < 0 || n > 9999) throw new IllegalArgumentException("no Chinese numeral here for " + n);
        if (n < 10) return String.valueOf(DIGITS.charAt(n));
        if (n < 20) return "十" + (n % 10 == 0 ? "" : DIGITS.charAt(n % 10));
        String[] units = {"千", "百", "十", ""};
        int[] parts = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
            if (parts[i] == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) out.append('零');
            zero = false;
            out.append(DIGITS.charAt(parts[i])).append(units[i]);
        }
        return out.toString();
    }


    /**
     * A copy of the header band (rows {@code header}–{@code headerEnd}, with the merged regions
     * within it) inserted after every {@code every} data rows, at the next row no merged region
     * crosses, as a list printed page by page repeats its header. The data rows before which a
     * copy went, in the original numbering.
     */
    static List<Integer> repeatHeader(SheetModel m, int header, int headerEnd, int every) {
        int first = headerEnd + 1, last = m.lastRow();
        List<Integer> at = new ArrayList<>();
        int since = first;
        for (int b = first + 1; b <= last; b++) {
            if (b - since >= every && m.rowHasText(b) && !m.crossed(b)) {
                at.add(b);
                since = b;
            }
        }
        int band = headerEnd - header + 1;
        for (int i = at.size() - 1; i >= 0; i--) {
            int cut = at.get(i);
            SheetModel copy = m.rowsFrom(header).rowsBefore(headerEnd + 1);
            SheetModel joined = m.rowsBefore(cut).append(copy, cut - header).append(m.rowsFrom(cut), band);
            m.rows = joined.rows;
            m.merges = joined.merges;
        }
        return at;
    }

    /**
     * Every data row (one with a 序号) of the sheet whose 权力类型 cell is empty given the type its
     * sheet's name says (行政处罚（254项）), as the reader takes it from the name; how many. Aborts
     * where the name says no type.
     */
    static int typesFromName(DataSheet d) {
        int type = d.typeColumn(), seq = d.seqColumn();
        if (type < 0 || seq < 0) return 0;
        SheetModel m = d.model();
        String named = Normaliser.POWER_TYPES.stream().filter(t -> d.sheet().getSheetName().contains(t)).findFirst().orElse(null);
        int n = 0;
        for (int r = d.headerEnd() + 1; r <= m.lastRow(); r++) {
            if (m.text(r, seq).isBlank() || !m.text(r, type).isBlank() || m.covered(r, type)) continue;
            if (named == null) Assumptions.abort("sheet " + d.sheet().getSheetName() + " leaves a 权力类型 empty and its name says no type");
            m.set(r, type, named);
            n++;
        }
        return n;
    }

    /**
     * Each power type's items numbered from 1 again, in one table without a heading between, as
     * some offices number a list sorted by type. Only whole numbers are renumbered (an item that
     * merges two, 2,3, aborts: its place in a count is unclear); what was done, or null.
     */
    static String numberByType(DataSheet d) {
        int type = d.typeColumn(), seq = d.seqColumn();
        if (type < 0 || seq < 0) return null;
        SheetModel m = d.model();
        String current = null;
        int n = 0, restarts = 0;
        for (int r = d.headerEnd() + 1; r <= m.lastRow(); r++) {
            String s = m.text(r, seq).strip();
            if (s.isEmpty() || m.covered(r, seq)) continue;
            if (!s.matches("\\d+")) Assumptions.abort("序号 " + s + " in row " + (r + 1) + " is not a whole number");
            String t = squeeze(m.text(r, type));
            if (t.isEmpty()) Assumptions.abort("row " + (r + 1) + " leaves its 权力类型 empty");
            if (!t.equals(current)) {
                if (current != null) restarts++;
                current = t;
                n = 0;
            }
            m.set(r, seq, String.valueOf(++n));
        }
        return restarts == 0 ? null : "序号 numbered from 1 again at each of " + restarts + " changes of 权力类型";
    }

    /**
     * An item whose 序号 is merged over its sub-item rows (each with a 子项名称 of its own) numbered
     * N.1, N.2 … row by row instead, the region unmerged; what was done, or null.
     */
    static String numberSubItems(DataSheet d) {
        int seq = d.seqColumn(), sub = -1;
        if (seq < 0) return null;
        for (int r = d.header(); r <= d.headerEnd() && sub < 0; r++) {
            for (Map.Entry<Integer, CellData> c : d.model().row(r).cells.entrySet()) {
                if (squeeze(c.getValue().display()).startsWith("子项")) sub = c.getKey();
            }
        }
        if (sub < 0) return null;
        SheetModel m = d.model();
        int n = 0;
        for (Iterator<CellRangeAddress> it = m.merges.iterator(); it.hasNext(); ) {
            CellRangeAddress a = it.next();
            if (a.getFirstRow() <= d.headerEnd() || a.getFirstColumn() != seq || a.getLastColumn() != seq) continue;
            String number = m.text(a.getFirstRow(), seq).strip();
            if (!number.matches("\\d+")) continue;
            boolean subItems = true;
            for (int r = a.getFirstRow(); r <= a.getLastRow(); r++) {
                subItems &= !m.text(r, sub).isBlank() && !m.covered(r, sub) && !squeeze(m.text(r, sub)).equals("无");
            }
            if (!subItems) continue;
            it.remove();
            for (int r = a.getFirstRow(); r <= a.getLastRow(); r++) {
                CellData own = m.row(r).cells.get(seq);
                m.row(r).cells.put(seq, CellData.text(number + "." + (r - a.getFirstRow() + 1), own == null ? null : own.style()));
            }
            n++;
        }
        return n == 0 ? null : n + " items' merged 序号 written N.1, N.2 … in their sub-item rows";
    }
}
