package org.quanze.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one table row of a spreadsheet, Word table or CSV file into a {@link Grid.Row}, so that
 * the office readers produce the same shape as {@link TextGridReader}: a title is a row of one
 * cell, and a merged cell's text is in every cell it covers (with a {@link Grid.Span} saying so).
 */
final class CellRows {

    private CellRows() {}

    /**
     * One cell of a row after merged cells were expanded.
     *
     * @param text      the displayed text
     * @param origin    identifies the physical cell the text came from: cells expanded from one
     *                  merged cell share it, every other cell has an origin of its own
     * @param spanned   the origin covers more than this one cell (a merged cell)
     * @param firstRow  this row is the first row the origin covers (false for the lower rows of a
     *                  vertically merged cell)
     * @param firstColumn this column is the first column the origin covers
     */
    record Cell(String text, long origin, boolean spanned, boolean firstRow, boolean firstColumn) {
        Cell(String text, long origin, boolean spanned, boolean firstRow) {
            this(text, origin, spanned, firstRow, true);
        }

        static Cell plain(String text, long origin) {
            return new Cell(text, origin, false, true, true);
        }
    }

    /**
     * The grid row, or null when the row says nothing of its own. A row whose text all comes from
     * one merged cell is a title spread across the table (a sheet's heading merged over A1:N1),
     * so it becomes a single cell, once, on the first row the merge covers. A row whose only text
     * is its own, in its first cell, is a title too, unless that text is a column label (a key of
     * a key/value table whose value is empty is still a key/value row).
     */
    static Grid.Row toRow(int line, List<Cell> cells, int part) {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).text().isBlank()) filled.add(i);
        }
        if (filled.isEmpty()) return null;
        Cell first = cells.get(filled.get(0));
        boolean oneOrigin = filled.stream().allMatch(i -> cells.get(i).origin() == first.origin());
        if (oneOrigin && first.spanned()) {
            return first.firstRow() ? new Grid.Row(line, List.of(first.text().strip()), List.of(), part) : null;
        }
        if (filled.size() == 1 && filled.get(0) == 0 && cells.size() > 1 && first.firstRow()
                && Field.ofLabel(first.text()) == Field.UNKNOWN) {
            return new Grid.Row(line, List.of(first.text().strip()), List.of(), part);
        }
        List<String> texts = new ArrayList<>(cells.size());
        List<Grid.Span> spans = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            texts.add(c.text());
            spans.add(c.spanned() ? new Grid.Span(c.origin(), c.firstRow(), c.firstColumn()) : null);
        }
        return new Grid.Row(line, texts, spans, part);
    }

    static Grid.Row toRow(int line, List<Cell> cells) {
        return toRow(line, cells, -1);
    }

    /** Line ends as the text reader has them: Office and CSV files keep CR LF inside cells. */
    static String lines(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
