package org.quanze.ingest;

import org.quanze.model.PowerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads horizontal tables: a header row (or two) naming the columns, then one row per item
 * starting with its 序号. Handles what the horizontal layouts share: headers repeated before every
 * row, two-row headers (项目/子项), several titled tables in one file with numbering restarting,
 * and rows whose cells are shifted (aligned by content, see {@link ColumnAligner}).
 */
final class HeaderTableReader {

    private static final Pattern SEQ = Pattern.compile("\\s*\\d{1,4}\\s*");

    /** Facts about a grid's structure that the horizontal layouts recognise themselves by. */
    record Shape(int headers, int groupRows, int subHeaders, int titlesBeforeHeaders, int dataRows) {}

    private HeaderTableReader() {}

    static int knownLabels(Grid.Row r) {
        int n = 0;
        for (String c : r.cells()) {
            Field f = Field.ofLabel(c);
            if (f != Field.UNKNOWN && f != Field.GROUP) n++;
        }
        return n;
    }

    static boolean isGroupRow(Grid.Row r) {
        return r.cells().stream().anyMatch(c -> Field.ofLabel(c) == Field.GROUP);
    }

    static boolean isHeader(Grid.Row r) {
        return knownLabels(r) >= 3 && !isData(r);
    }

    static boolean isData(Grid.Row r) {
        return r.cells().size() > 1 && SEQ.matcher(r.cell(0)).matches();
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
        Grid.Row lastHeader = null;
        for (Grid.Row r : g.rows()) {
            if (isGroupRow(r)) { groups++; prevHeader = true; lastHeader = null; continue; }
            if (lastHeader != null && isMergedSubHeader(r, lastHeader)) {
                subs++;
                prevHeader = false;
                lastHeader = null;
                continue;
            }
            if (isHeader(r)) {
                headers++;
                if (titleSeen) titlesBefore++;
                titleSeen = false;
                prevHeader = true;
                lastHeader = r;
                continue;
            }
            lastHeader = null;
            if (prevHeader && isSubHeader(r)) subs++;
            else if (isData(r)) data++;
            else if (r.soleText() != null) titleSeen = true;
            prevHeader = false;
        }
        return new Shape(headers, groups, subs, titlesBefore, data);
    }

    static List<RecordDraft> read(Grid g, List<Skip> skips) {
        List<RecordDraft> out = new ArrayList<>();
        List<Field> columns = null;
        int columnsKnown = -1;
        List<String> upper = null; // the row above a header: group labels or a first header row
        String title = null;
        boolean newTable = true; // a title after data starts a new table at the next header
        boolean dataInTable = false;
        boolean dataSinceHeader = false;
        int table = 0;
        List<Grid.Row> tableRows = new ArrayList<>(); // the current table's data rows, drafted from out[tableStart]
        int tableStart = 0;
        boolean redraft = false; // a more complete header turned up: re-read the table's rows once its columns settle
        for (Grid.Row r : g.rows()) {
            if (isGroupRow(r)) {
                upper = r.cells();
                continue;
            }
            if (isHeader(r)) {
                if (newTable || columns == null) {
                    if (redraft) redraft(out, tableStart, tableRows, columns, table);
                    redraft = false;
                    table++;
                    newTable = false;
                    dataInTable = false;
                    columnsKnown = -1;
                    tableRows.clear();
                    tableStart = out.size();
                }
                List<Field> merged = merge(upper, r.cells());
                int known = (int) merged.stream().filter(f -> f != Field.UNKNOWN).count();
                // A table's header repeated before every row sometimes loses a label in export;
                // the most complete header of the table is in force for all its rows, including
                // rows read before it turned up.
                if (known >= columnsKnown) {
                    redraft |= columnsKnown >= 0 && known > columnsKnown && !tableRows.isEmpty();
                    columns = merged;
                    columnsKnown = known;
                }
                upper = r.cells();
                dataSinceHeader = false;
                continue;
            }
            if (columns != null && !dataSinceHeader && isSubHeader(r)) {
                columns = merge(upper, r.cells());
                continue;
            }
            upper = null;
            if (isData(r)) {
                if (columns == null) {
                    skips.add(new Skip(g.file(), r.line(), "a numbered row before any header row; its columns are unknown"));
                    continue;
                }
                if (redraft) redraft(out, tableStart, tableRows, columns, table);
                redraft = false;
                out.add(draft(r, columns, table, title));
                tableRows.add(r);
                dataSinceHeader = true;
                dataInTable = true;
                continue;
            }
            String text = r.soleText();
            if (text != null) {
                if (dataInTable || title == null) {
                    title = TextClean.plain(text).replaceFirst("^#+\\s*", "");
                    newTable = true;
                    dataInTable = false;
                }
                continue;
            }
            if (!r.isBlank()) {
                skips.add(new Skip(g.file(), r.line(), "a row without a 序号 in its first cell inside a table"));
            }
        }
        if (redraft) redraft(out, tableStart, tableRows, columns, table);
        if (table > 1) {
            for (RecordDraft d : out) d.key = "t" + d.key;
        } else {
            for (RecordDraft d : out) {
                d.key = d.key.substring(d.key.indexOf('-') + 1);
                d.table = null;
            }
        }
        return out;
    }

    /** Re-reads the rows of the table so far with its columns as they now stand (a sub-header included). */
    private static void redraft(List<RecordDraft> out, int start, List<Grid.Row> rows, List<Field> columns, int table) {
        for (int i = 0; i < rows.size(); i++) out.set(start + i, draft(rows.get(i), columns, table, out.get(start + i).table));
    }

    private static RecordDraft draft(Grid.Row r, List<Field> columns, int table, String title) {
        RecordDraft d = new RecordDraft(PowerRecord.POWER, r.line());
        List<String> plain = r.cells().stream().map(TextClean::plain).toList();
        Field previous = null;
        for (ColumnAligner.Placement p : ColumnAligner.align(columns, plain)) {
            String raw = r.cell(p.cell());
            if (p.column() >= 0) {
                previous = columns.get(p.column());
                if (previous != Field.UNKNOWN && previous != Field.GROUP) d.put(previous, raw);
                else if (!plain.get(p.cell()).isBlank()) d.put(Field.NOTES, raw);
                continue;
            }
            String text = plain.get(p.cell());
            if (text.isBlank() || ContentSignature.isNone(text)) continue;
            var sig = ContentSignature.of(text);
            Field target = previous != null && (sig.isEmpty() || sig.contains(previous)) ? previous
                    : sig.stream().filter(columns::contains).findFirst().orElse(Field.NOTES);
            d.put(target, raw);
        }
        remarkWidth(r, columns, d);
        String seq = d.get(Field.SEQ);
        d.key = table + "-" + seq;
        d.table = title;
        return d;
    }

    /**
     * Remarks a row whose cell count differs from its header's: cells missing (a truncated row,
     * a dropped cell) or extra text. The row is still read; cells are placed by content.
     */
    private static void remarkWidth(Grid.Row r, List<Field> columns, RecordDraft d) {
        int cells = r.cells().size();
        int filled = cells;
        while (filled > 0 && r.cell(filled - 1).isBlank()) filled--;
        if (filled > columns.size()) {
            d.remarks.add("the row has " + filled + " cells where its header names " + columns.size()
                    + " columns; the extra text was placed by its content or kept in notes");
        } else if (cells < columns.size()) {
            d.remarks.add("the row has " + cells + " cells where its header names " + columns.size()
                    + " columns; cells were placed by their content and the missing ones left empty");
        }
    }

    /** Column fields from a header row, taking a label from the row above where this row has none. */
    private static List<Field> merge(List<String> upper, List<String> header) {
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Field f = Field.ofLabel(header.get(i));
            if (f == Field.UNKNOWN && upper != null && i < upper.size()) {
                Field u = Field.ofLabel(upper.get(i));
                if (u != Field.GROUP) f = u;
            }
            out.add(f);
        }
        // A sub-header names only the split columns; the others keep the upper row's names.
        return out;
    }
}
