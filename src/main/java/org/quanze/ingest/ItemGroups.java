package org.quanze.ingest;

import org.quanze.model.PowerRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of one table as items. An item starts on a row with its own 序号 (or, without a
 * 序号, its own name), and takes every following row that belongs to it:
 * <ul>
 *   <li>rows whose 序号 or name cell is covered by the item's merged 序号 or name cell;</li>
 *   <li>rows without a 序号 or name of their own: a row with its own 子项名称 starts a sub-item,
 *       any other row continues the item (a hard-wrapped cell's further lines are appended);</li>
 *   <li>rows that repeat the item's 序号 and name: its merged cells written out into every row,
 *       read as the merged cells would be (a repeated 子项名称 starts its sub-item once);</li>
 *   <li>rows without a name of their own whose 序号 numbers a part of the item (4.5 after 4.1).</li>
 * </ul>
 * An item without sub-items is one record; an item with sub-items is one record per sub-item,
 * named as the item, its other cells its own row's where it has them and the item's otherwise.
 * A 子项名称 of 无 (or another filler) is no sub-item.
 */
final class ItemGroups {

    /** One item: its rows, and the rows at which its sub-items start. */
    private static final class Group {
        final List<Grid.Row> rows = new ArrayList<>();
        final List<Integer> subStarts = new ArrayList<>();
        final Set<Long> seqOrigins = new HashSet<>();
        final Set<Long> nameOrigins = new HashSet<>();
        String seq;
    }

    private final Grid grid;
    private final TableReader.Table table;
    private final ReadLog log;
    private final int seqCol, nameCol, subCol;

    ItemGroups(Grid grid, TableReader.Table table, ReadLog log) {
        this.grid = grid;
        this.table = table;
        this.log = log;
        this.seqCol = table.columns.indexOf(Field.SEQ);
        this.nameCol = table.columns.indexOf(Field.NAME);
        this.subCol = table.columns.indexOf(Field.SUB_ITEM);
    }

    List<RecordDraft> read() {
        List<Group> groups = new ArrayList<>();
        Group g = null;
        int repeated = 0;
        Grid.Row firstRepeat = null;
        for (Grid.Row r : table.body) {
            if (r.isBlank()) {
                log.rows.empty++;
                continue;
            }
            if (g != null && coveredBy(r, g)) {
                member(r, g);
                continue;
            }
            // Full-width digits (１２) read as the ASCII ones, so the item's key and 序号 are the same either way.
            String seq = TextClean.asciiDigits(ownText(r, seqCol));
            if (g != null && !seq.isEmpty() && repeatsItem(r, seq, g)) {
                if (repeated++ == 0) firstRepeat = r;
                member(r, g);
                continue;
            }
            if (g != null && subNumberOf(seq, g) && ownText(r, nameCol).isEmpty()) {
                member(r, g);
                continue;
            }
            if (!seq.isEmpty()) {
                if (!HeaderTableReader.isSeq(seq)) {
                    log.rows.skipped++;
                    log.skip(grid.partName(r), r.line(), "a row without a 序号 in its first cell inside a table");
                    continue;
                }
                g = start(r, groups);
                g.seq = seq.strip();
                continue;
            }
            if (!ownText(r, nameCol).isEmpty()) {
                g = start(r, groups);
                if (seqCol >= 0) log.remark(grid.partName(r), r.line(), "an item without a 序号: read as an item of its own");
                else if (groups.size() == 1) log.remark(grid.partName(r), r.line(), "the table has no 序号 column: "
                        + "each row with an item name of its own starts an item");
                continue;
            }
            if (g == null) {
                log.rows.skipped++;
                log.skip(grid.partName(r), r.line(), "a row without a 序号 or an item name before the table's first item");
                continue;
            }
            member(r, g);
        }
        if (firstRepeat != null) {
            log.remark(grid.partName(firstRepeat), firstRepeat.line(), InputLimits.fmt(repeated) + " row(s) of this table, from here on, "
                    + "repeat the 序号 and name of the row above: read as that item's merged cells written out into each row");
        }
        List<RecordDraft> out = new ArrayList<>();
        // Items keyed by their names: the second of one name (a list without 序号 may name two
        // items alike, under two power types) is keyed apart, not dropped as the first again.
        java.util.Map<String, Integer> named = new java.util.HashMap<>();
        for (Group x : groups) {
            String key = x.seq != null ? RecordDraft.keyOf(x.seq) : RecordDraft.nameKey(ownText(x.rows.getFirst(), nameCol));
            int n = x.seq != null ? 1 : named.merge(key, 1, Integer::sum);
            out.addAll(drafts(x, n == 1 ? key : key + "-" + n));
        }
        return out;
    }

    private Group start(Grid.Row r, List<Group> groups) {
        Group g = new Group();
        groups.add(g);
        g.rows.add(r);
        if (!ownText(r, subCol).isEmpty()) g.subStarts.add(0);
        note(r, g);
        log.rows.items++;
        return g;
    }

    /**
     * The row repeats the item's 序号 and its name (or leaves the name empty): the item's merged
     * cells written out into every row they covered, as some exports do, not a second item.
     */
    private boolean repeatsItem(Grid.Row r, String seq, Group g) {
        if (g.seq == null || !seq.strip().equals(g.seq)) return false;
        String name = ownText(r, nameCol);
        return name.isEmpty() || name.equals(ownText(g.rows.getFirst(), nameCol));
    }

    private static final java.util.regex.Pattern SUB_NUMBER = java.util.regex.Pattern.compile("\\s*(\\d{1,6})\\s*[.．\\-－]\\s*\\d{1,3}\\s*");
    private static final java.util.regex.Pattern LEADING_NUMBER = java.util.regex.Pattern.compile("\\s*(\\d{1,6}).*", java.util.regex.Pattern.DOTALL);

    /**
     * The row's 序号 numbers a part of the item (4.5 under item 4.1 or 4): where an office numbers
     * sub-items in the 序号 column, a sub-item row the item's merged name does not reach has no
     * name of its own, and is the item's all the same.
     */
    private static boolean subNumberOf(String seq, Group g) {
        if (g.seq == null) return false;
        java.util.regex.Matcher sub = SUB_NUMBER.matcher(seq), item = LEADING_NUMBER.matcher(g.seq);
        return sub.matches() && item.matches() && sub.group(1).equals(item.group(1));
    }

    /** A further row of the item: a sub-item's first row, or a continuation. */
    private void member(Grid.Row r, Group g) {
        g.rows.add(r);
        note(r, g);
        String sub = ownText(r, subCol);
        // A 子项名称 written again in each of its rows (a merged cell written out) starts it once.
        boolean again = !g.subStarts.isEmpty() && sub.equals(ownText(g.rows.get(g.subStarts.getLast()), subCol));
        if (!sub.isEmpty() && !again) {
            g.subStarts.add(g.rows.size() - 1);
            log.rows.subItems++;
        } else {
            log.rows.continuations++;
        }
    }

    private void note(Grid.Row r, Group g) {
        if (seqCol >= 0 && r.span(seqCol) != null) g.seqOrigins.add(r.span(seqCol).origin());
        if (nameCol >= 0 && r.span(nameCol) != null) g.nameOrigins.add(r.span(nameCol).origin());
    }

    /** The row's 序号 or name cell is the lower part of the item's merged 序号 or name cell. */
    private boolean coveredBy(Grid.Row r, Group g) {
        return covered(r, seqCol, g.seqOrigins) || covered(r, nameCol, g.nameOrigins);
    }

    private static boolean covered(Grid.Row r, int col, Set<Long> origins) {
        if (col < 0 || r.ownsCell(col)) return false;
        return origins.contains(r.span(col).origin());
    }

    /** The cell's text when the row owns it (not merged down from above), without fillers such as 无. */
    private static String ownText(Grid.Row r, int col) {
        if (col < 0 || !r.ownsCell(col)) return "";
        String t = TextClean.plain(r.cell(col));
        return HeaderNames.isFiller(t) ? "" : t;
    }

    private List<RecordDraft> drafts(Group g, String key) {
        RowDrafter drafter = new RowDrafter(grid, table.columns, table.besideFrom);
        if (g.subStarts.isEmpty()) {
            RecordDraft d = drafter.draft(g.rows, PowerRecord.POWER);
            d.key = key;
            d.role = RecordDraft.Role.ITEM;
            return List.of(d);
        }
        // The item's own values: its first row and the rows before its first sub-item.
        int firstSub = g.subStarts.getFirst();
        RecordDraft item = drafter.draft(g.rows.subList(0, Math.max(1, firstSub)), PowerRecord.POWER);
        List<RecordDraft> out = new ArrayList<>();
        for (int k = 0; k < g.subStarts.size(); k++) {
            int from = g.subStarts.get(k);
            int to = k + 1 < g.subStarts.size() ? g.subStarts.get(k + 1) : g.rows.size();
            RecordDraft d = drafter.draft(g.rows.subList(from, to), PowerRecord.POWER);
            d.inherit(item);
            // The first sub-item keeps the item's key, so an item that gains sub-items keeps its link.
            d.key = k == 0 ? key : key + "." + (k + 1);
            d.role = from == 0 ? RecordDraft.Role.ITEM : RecordDraft.Role.SUB_ITEM;
            out.add(d);
        }
        return out;
    }
}
