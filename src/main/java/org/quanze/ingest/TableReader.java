package org.quanze.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the horizontal tables of a grid: splits it into tables (each a header band, then body
 * rows), and hands each table's body to {@link ItemGroups}. A table ends where a sheet ends or
 * where a title row follows its data (the next table has a header of its own, or goes on under
 * the same one), or where an item numbered 1 follows its data under a header again (tables
 * stacked in one sheet without titles) or with another power type (each type numbered from 1);
 * a header repeated before every row or page (with no title between, the numbering going on)
 * belongs to the same table, and the fullest of its headers names the columns of all its rows.
 * Every row is accounted for in the file's {@link ReadLog}.
 */
final class TableReader {

    /** 附件, 附件1, 附表2：: the attachment line above a list's title names no table. */
    private static final Pattern ATTACHMENT = Pattern.compile("附[件表]\\s*[0-9０-９一二三四五六七八九十]*\\s*[:：]?");

    /** One table while it is read. */
    static final class Table {
        final int number;
        final int part;
        /** Title rows above the header, in file order. */
        final List<String> titles;
        Columns columns;
        final List<Grid.Row> body = new ArrayList<>();
        /** Columns from here on stand beside the table (after an empty column, without a header): not read. */
        int besideFrom = Integer.MAX_VALUE;

        Table(int number, int part, List<String> titles, Columns columns) {
            this.number = number;
            this.part = part;
            this.titles = new ArrayList<>(titles);
            this.columns = columns;
        }

        /** The table's own title: its first title row that is not an attachment line. */
        String title() {
            return titles.stream().filter(t -> !ATTACHMENT.matcher(t).matches()).findFirst().orElse(null);
        }
    }

    private final Grid grid;
    private final ReadLog log;
    private final List<Table> tables = new ArrayList<>();

    private TableReader(Grid grid, ReadLog log) {
        this.grid = grid;
        this.log = log;
    }

    static List<RecordDraft> read(Grid grid, ReadLog log) {
        TableReader r = new TableReader(grid, log);
        r.split();
        return r.drafts();
    }

    private void split() {
        Table t = null;
        Columns carried = null; // the columns of a table a title row ended, for rows that follow without a header
        List<Grid.Row> band = new ArrayList<>();
        List<String> pendingTitles = new ArrayList<>();
        int part = Integer.MIN_VALUE;
        for (Grid.Row r : grid.rows()) {
            if (r.part() != part) {
                closeBand(t, band, pendingTitles, null);
                t = null;
                carried = null;
                pendingTitles.clear();
                part = r.part();
            }
            if (r.isBlank()) {
                log.rows.empty++;
                continue;
            }
            if (!band.isEmpty() && HeaderTableReader.isColumnNumbers(r)) {
                log.rows.headers++; // the columns numbered under the header: part of it, naming nothing
                continue;
            }
            if (isHeaderRow(r, band)) {
                band.add(r);
                log.rows.headers++;
                continue;
            }
            t = closeBand(t, band, pendingTitles, r);
            String text = titleText(r);
            if (text != null) {
                log.rows.headers++;
                if (t != null && t.body.isEmpty()) {
                    t.titles.add(TextClean.plain(text)); // a section title right under the header
                } else {
                    pendingTitles.add(TextClean.plain(text).replaceFirst("^#+\\s*", ""));
                    // A title after data ends the table (一、行政许可 … 二、行政处罚, numbering starting
                    // again): the rows after it are a table of their own, under the same header
                    // unless a new one follows.
                    if (t != null) carried = t.columns;
                    t = null;
                }
                continue;
            }
            if (t == null && carried != null) {
                t = new Table(tables.size() + 1, part, pendingTitles, carried);
                tables.add(t);
                pendingTitles.clear();
            }
            if (t == null) {
                if (HeaderTableReader.isData(r)) {
                    log.rows.skipped++;
                    log.skip(grid.partName(r), r.line(), "a numbered row before any header row; its columns are unknown");
                } else {
                    log.rows.headers++; // a line of the preamble, such as a unit and a date in two cells
                }
                continue;
            }
            if (restartsByType(t, r)) {
                t = new Table(tables.size() + 1, part, List.of(), t.columns);
                tables.add(t);
            }
            t.body.add(r);
        }
        closeBand(t, band, pendingTitles, null);
    }

    /**
     * Whether {@code r} starts the next power type's items in a table that numbers each type from
     * 1 (行政许可 1–11, then 行政处罚 1–254, no heading between): an item numbered 1 whose 权力类型
     * differs from the item's before it. Read as one table, every item a number had already named
     * was lost. A numbered note under the table has no type, so it stays what it was.
     */
    private static boolean restartsByType(Table t, Grid.Row r) {
        int type = t.columns.indexOf(Field.POWER_TYPE);
        if (type < 0 || !HeaderTableReader.isFirstItem(r)) return false;
        String now = r.cell(type).replaceAll("\\s", "");
        if (now.isEmpty()) return false;
        for (Grid.Row before : t.body.reversed()) {
            if (!HeaderTableReader.isData(before)) continue;
            String was = before.cell(type).replaceAll("\\s", "");
            return !was.isEmpty() && !was.equals(now);
        }
        return false;
    }

    /**
     * The text of a title or footnote row: a row of one cell (a title merged across the table), or
     * one whose only text stands in its first cell. A row whose only text stands further right is
     * part of the table (a cell continued on the next row).
     */
    private static String titleText(Grid.Row r) {
        String text = r.soleText();
        if (text == null || r.cells().size() == 1 || !r.cell(0).isBlank()) return text;
        return null;
    }

    private boolean isHeaderRow(Grid.Row r, List<Grid.Row> band) {
        if (HeaderTableReader.isGroupRow(r) || HeaderTableReader.isHeader(r)) return true;
        return !band.isEmpty() && (HeaderTableReader.isSubHeader(r) || HeaderTableReader.isMergedSubHeader(r, band.getLast()));
    }

    /**
     * Closes a header band: it starts a new table, or names the current one's columns more fully.
     * Under a header repeated after data, an item numbered 1 ({@code next}, the row after the
     * band) starts a table of its own: the numbering starts again, as where an office stacks its
     * tables (one per power type) in one sheet without a title between them.
     */
    private Table closeBand(Table t, List<Grid.Row> band, List<String> pendingTitles, Grid.Row next) {
        if (band.isEmpty()) return t;
        Columns c = Columns.of(band);
        int part = band.getFirst().part();
        band.clear();
        boolean restarts = t != null && next != null && HeaderTableReader.isFirstItem(next)
                && t.body.stream().anyMatch(HeaderTableReader::isData);
        if (t == null || t.part != part || restarts) {
            t = new Table(tables.size() + 1, part, pendingTitles, c);
            tables.add(t);
            pendingTitles.clear();
        } else if (c.known() >= t.columns.known()) {
            t.columns = c;
        }
        return t;
    }

    /**
     * Leftover columns beside a table, such as the list a drop-down menu was filled from: past the
     * header's last label, after a column that is empty in the header and in every row, and
     * without a header of their own. They are no part of any item.
     */
    private void findBeside(Table t, String sheet) {
        int gap = -1;
        for (int i = 0; i < t.columns.size(); i++) if (t.columns.get(i).kind() != Columns.Kind.UNLABELLED) gap = i + 1;
        if (gap < 0) return;
        boolean beyond = false;
        for (Grid.Row r : t.body) {
            if (!r.cell(gap).isBlank()) return;
            for (int i = gap + 1; i < r.cells().size() && !beyond; i++) beyond = !r.cell(i).isBlank();
        }
        if (!beyond) return;
        t.besideFrom = gap;
        log.remark(sheet, 0, "columns from " + org.apache.poi.ss.util.CellReference.convertNumToColString(gap + 1)
                + " on stand beside the table, after an empty column and without a header: they were not read");
    }

    private List<RecordDraft> drafts() {
        List<RecordDraft> out = new ArrayList<>();
        for (Table t : tables) {
            String sheet = t.part >= 0 && t.part < grid.parts().size() ? grid.parts().get(t.part).name() : null;
            String title = t.title() != null ? t.title() : sheet;
            List<String> typeSources = new ArrayList<>(t.titles.reversed());
            if (sheet != null) typeSources.add(sheet);
            findBeside(t, sheet);
            t.columns = t.columns.confirmedBy(t.body);
            for (RecordDraft d : new ItemGroups(grid, t, log).read()) {
                d.key = (t.number > 1 ? "t" + t.number + "-" : "") + d.key;
                d.table = tables.size() > 1 ? title : null;
                d.titles = typeSources;
                out.add(d);
            }
        }
        return out;
    }
}
