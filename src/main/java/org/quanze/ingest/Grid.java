package org.quanze.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file read as rows of text cells, the one shape every reader produces and every layout
 * recogniser consumes. Cells hold the text as published (HTML fragments included); cleaning is the
 * recogniser's job so that a reader never loses anything.
 *
 * <p>Spreadsheet and Word readers also say how cells were merged ({@link Span}) and which sheet a
 * row belongs to ({@link #parts()}), so that the table reader can see an item spread over several
 * physical rows as one item. Text and CSV readers have neither.
 *
 * @param file         the file name the grid came from, for reports
 * @param rows         rows in file order
 * @param parts        the sheets of a workbook, in order (empty for other files)
 * @param physicalRows how many rows the file has: {@code rows} plus the empty rows the reader
 *                     left out (and, for sheets, its hidden rows, reported as skips)
 */
public record Grid(String file, List<Row> rows, List<Part> parts, int physicalRows) {

    public Grid {
        rows = List.copyOf(rows);
        parts = parts == null ? List.of() : List.copyOf(parts);
        physicalRows = Math.max(physicalRows, rows.size());
    }

    /** A grid whose every physical row is among its rows (text readers keep each line). */
    public Grid(String file, List<Row> rows) {
        this(file, rows, List.of(), rows.size());
    }

    /**
     * The grid without the columns left of all its text, each sheet apart (a file without sheets
     * as one), title lines aside: a blank column A before the table, in a sheet or in a text or CSV
     * export whose every line begins with an empty field. The layouts read a row's 序号 from its first cell, and such
     * a list was lost whole.
     */
    public Grid withoutBlankMargin() {
        Map<Integer, Integer> lead = new HashMap<>();
        for (Row r : rows) {
            // A title line is one cell wherever it stood (a merged title keeps no column): it has no margin.
            if (r.cells().size() < 2) continue;
            int first = 0;
            while (first < r.cells().size() && r.cells().get(first).isBlank()) first++;
            if (first < r.cells().size()) lead.merge(r.part(), first, Math::min);
        }
        if (lead.values().stream().allMatch(n -> n == 0)) return this;
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            int n = r.cells().size() < 2 ? 0 : Math.min(lead.getOrDefault(r.part(), 0), r.cells().size());
            List<Span> spans = r.spans().size() > n ? r.spans().subList(n, r.spans().size()) : List.of();
            out.add(n == 0 ? r : new Row(r.line(), r.cells().subList(n, r.cells().size()), spans, r.part()));
        }
        return new Grid(file, out, parts, physicalRows);
    }

    /**
     * The grid with each sheet's 序号 column first where its header puts another column before it
     * (权力类型 | 序号 | 事项名称, a type written once over its items): the layouts read a row's 序号
     * from its first cell, and such a list was lost whole. A sheet's first header holding 序号
     * decides ({@link HeaderTableReader#isHeader}); which column holds what is read from the header,
     * so moving one changes no field. Title lines (one cell) stay as they are.
     */
    public Grid withSeqFirst() {
        Map<Integer, Integer> seqAt = new HashMap<>();
        for (Row r : rows) {
            if (seqAt.containsKey(r.part()) || !HeaderTableReader.isHeader(r)) continue;
            for (int i = 0; i < r.cells().size(); i++) {
                if (Field.ofLabel(r.cell(i)) == Field.SEQ) {
                    seqAt.put(r.part(), i);
                    break;
                }
            }
        }
        if (seqAt.values().stream().allMatch(k -> k == 0)) return this;
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            int k = seqAt.getOrDefault(r.part(), 0);
            if (k == 0 || r.cells().size() <= k) {
                out.add(r);
                continue;
            }
            List<Span> spans = new ArrayList<>(r.cells().size());
            for (int i = 0; i < r.cells().size(); i++) spans.add(r.span(i));
            out.add(new Row(r.line(), first(r.cells(), k), first(spans, k), r.part()));
        }
        return new Grid(file, out, parts, physicalRows);
    }

    /** The list with its element {@code k} moved to the front. */
    private static <T> List<T> first(List<T> list, int k) {
        List<T> out = new ArrayList<>(list.size());
        out.add(list.get(k));
        for (int i = 0; i < list.size(); i++) if (i != k) out.add(list.get(i));
        return out;
    }

    /** The sheet a row belongs to, or null for files without sheets. */
    public String partName(Row r) {
        return r.part() >= 0 && r.part() < parts.size() ? parts.get(r.part()).name() : null;
    }

    /** One sheet of a workbook. */
    public record Part(String name) {}

    /**
     * How a merged cell covers a grid cell: cells expanded from one merged region share its
     * {@code origin}; {@code top} is true on the region's first row, {@code left} in its first
     * column. A cell that is not merged has no span (null).
     */
    public record Span(long origin, boolean top, boolean left) {}

    /**
     * One row.
     *
     * @param line  1-based line (or sheet row) number where the row starts, for reports
     * @param cells the cells; a row of a single cell outside any table is a title line
     * @param spans per cell, how a merged region covers it (null entries for unmerged cells); an
     *              empty list when the reader knows of no merges
     * @param part  index into {@link Grid#parts()}, or -1
     */
    public record Row(int line, List<String> cells, List<Span> spans, int part) {
        public Row {
            cells = List.copyOf(cells);
            spans = spans == null || spans.stream().allMatch(s -> s == null) ? List.of()
                    : Collections.unmodifiableList(new ArrayList<>(spans));
        }

        public Row(int line, List<String> cells) {
            this(line, cells, List.of(), -1);
        }

        public String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        /** The merged region covering cell i, or null. */
        public Span span(int i) {
            return i < spans.size() ? spans.get(i) : null;
        }

        /**
         * Whether cell i's text is this row's own: an unmerged cell, or the first row of a merged
         * region. The lower rows of a vertically merged cell only repeat the text above.
         */
        public boolean ownsCell(int i) {
            Span s = span(i);
            return s == null || s.top();
        }

        public boolean isBlank() {
            return cells.stream().allMatch(c -> c.isBlank());
        }

        /** The text of the row's only non-blank cell, or null when the row has several. */
        public String soleText() {
            String found = null;
            for (String c : cells) {
                if (c.isBlank()) continue;
                if (found != null) return null;
                found = c.strip();
            }
            return found;
        }
    }
}
