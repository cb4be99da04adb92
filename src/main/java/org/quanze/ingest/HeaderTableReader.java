package org.quanze.ingest;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the horizontal layouts share: the row kinds of a table (a header row naming three columns
 * or more, a group row such as 权力清单 / 责任清单, a second header row, a numbered data row) and the
 * {@link Shape} a layout recognises itself by. The reading itself is {@link TableReader}'s, the
 * same for every horizontal layout.
 */
final class HeaderTableReader {

    /**
     * A 序号's number: up to six digits (lists run to thousands of items; 10000 is a 序号 like
     * 9999), ASCII or full-width (１２, typed in a Chinese input method's full-width mode), or a
     * number in Chinese numerals (十二, 一百零五), as some offices number their items.
     */
    static final String NUMBER = "([0-9０-９]{1,6}|[一二三四五六七八九十百千零〇两]{1,8})";
    /** A 序号's numbers: a number, or with parts (3.1, 3-1), or several joined (2,3 for an item that merges two). */
    private static final String NUMBERS = NUMBER + "([.．][0-9０-９]{1,3})*(\\s*[,，、\\-－—~～至]\\s*" + NUMBER + "([.．][0-9０-９]{1,3})*)*";
    /** A 序号: the numbers with an optional closing dot or 、, or in brackets (（1）, as lists also number items). */
    private static final Pattern SEQ = Pattern.compile(
            "\\s*(" + NUMBERS + "\\s*[.．、]?|[（(]\\s*" + NUMBERS + "\\s*[）)][.．、]?)\\s*");

    /** Facts about a grid's structure that the horizontal layouts recognise themselves by. */
    record Shape(int headers, int groupRows, int subHeaders, int titlesBeforeHeaders, int dataRows) {}

    private HeaderTableReader() {}

    /**
     * The labels a row holds: listed ones and those read by their head words (职权事项名称), the
     * latter only in a row that holds a listed one too (序号), so that data cells ending in 名称,
     * 依据 or 机构 do not make a header.
     */
    static int knownLabels(Grid.Row r) {
        int listed = 0, byHead = 0;
        for (String c : r.cells()) {
            HeaderNames.Entry e = HeaderNames.lookup(c);
            if (e.field() == Field.UNKNOWN || e.field() == Field.GROUP) continue;
            if (e.byHeadWord()) byHead++;
            else listed++;
        }
        return listed == 0 ? 0 : listed + byHead;
    }

    static boolean isGroupRow(Grid.Row r) {
        return r.cells().stream().anyMatch(c -> Field.ofLabel(c) == Field.GROUP);
    }

    static boolean isHeader(Grid.Row r) {
        return knownLabels(r) >= 3 && !isData(r);
    }

    static boolean isData(Grid.Row r) {
        return r.cells().size() > 1 && isSeq(r.cell(0));
    }

    /** 1, １, 一, 1., 1、, （1）: an item numbered 1, the first of a numbering. */
    private static final Pattern FIRST = Pattern.compile("\\s*(?:[1１一]|[（(]\\s*[1１一]\\s*[）)])\\s*[.．、]?\\s*");

    /** A data row whose 序号 is 1: its table's first item. */
    static boolean isFirstItem(Grid.Row r) {
        return isData(r) && FIRST.matcher(r.cell(0)).matches();
    }

    static boolean isSeq(String text) {
        return SEQ.matcher(text).matches();
    }

    /**
     * A row that numbers the columns under the header, as printed forms do: 1, 2, 3 … rising from
     * 1, three or more, and nothing else (a hidden column's number is not read, so a number may be
     * skipped). Read as an item it would be item 1, and the real item 1 a second one.
     */
    static boolean isColumnNumbers(Grid.Row r) {
        int last = 0, count = 0;
        for (String c : r.cells()) {
            String t = c.strip();
            if (t.isEmpty()) continue;
            if (!t.matches("\\d{1,3}")) return false;
            int n = Integer.parseInt(t);
            if (count == 0 ? n != 1 : n <= last) return false;
            last = n;
            count++;
        }
        return count >= 3;
    }

    /** A second header row: no 序号, and every non-empty cell is a column label. */
    static boolean isSubHeader(Grid.Row r) {
        if (!r.cell(0).isBlank()) return false;
        int known = 0;
        for (String c : r.cells()) {
            if (c.isBlank()) continue;
            if (Field.ofLabel(c) == Field.UNKNOWN) return false;
            known++;
        }
        return known > 0;
    }

    /**
     * A second header row read from a spreadsheet or Word table whose merged cells were expanded:
     * labels merged down both rows (序号, 事项类别) repeat the row above, and the others are the
     * split columns' labels (项目 / 子项 under 事项名称).
     */
    static boolean isMergedSubHeader(Grid.Row r, Grid.Row above) {
        if (r.cells().size() < 2 || isData(r)) return false;
        boolean repeats = false, differs = false;
        for (int i = 0; i < r.cells().size(); i++) {
            String c = r.cell(i);
            if (c.isBlank()) continue;
            if (c.equals(above.cell(i))) repeats = true;
            else if (Field.ofLabel(c) == Field.UNKNOWN) return false;
            else differs = true;
        }
        return repeats && differs;
    }

    static Shape shape(Grid g) {
        int headers = 0, groups = 0, subs = 0, titlesBefore = 0, data = 0;
        boolean prevHeader = false, titleSeen = false;
        // Under a header without a 序号 column, a row is an item by its cells, not by its number.
        boolean unnumbered = false;
        Grid.Row lastHeader = null;
        int part = g.rows().isEmpty() ? -1 : g.rows().getFirst().part();
        for (Grid.Row r : g.rows()) {
            // A later sheet is a table under its own title, the sheet's name.
            if (r.part() != part) {
                titleSeen = true;
                part = r.part();
            }
            if (isGroupRow(r)) { groups++; prevHeader = true; lastHeader = null; continue; }
            if (prevHeader && isColumnNumbers(r)) continue;
            if (lastHeader != null && isMergedSubHeader(r, lastHeader)) {
                subs++;
                prevHeader = false;
                lastHeader = null;
                continue;
            }
            if (isHeader(r)) {
                headers++;
                unnumbered = r.cells().stream().noneMatch(c -> Field.ofLabel(c) == Field.SEQ);
                if (titleSeen) titlesBefore++;
                titleSeen = false;
                prevHeader = true;
                lastHeader = r;
                continue;
            }
            lastHeader = null;
            if (prevHeader && isSubHeader(r)) subs++;
            else if (isData(r) || unnumbered && filled(r) >= 2) data++;
            else if (r.soleText() != null) titleSeen = true;
            prevHeader = false;
        }
        return new Shape(headers, groups, subs, titlesBefore, data);
    }

    private static int filled(Grid.Row r) {
        return (int) r.cells().stream().filter(c -> !c.isBlank()).count();
    }

    static List<RecordDraft> read(Grid g, ReadLog log) {
        return TableReader.read(g, log);
    }
}
