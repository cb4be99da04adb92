package org.quanze.ingest;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the grid rows of one sheet from its cells as a reader meets them, row by row (the .xlsx
 * stream, or the .xls workbook): hidden rows are skipped and reported, hidden columns left out
 * (the columns right of them move left), cell text capped as it arrives, and once the sheet is
 * read, merged regions are expanded: each covered cell carries the region's text and a
 * {@link Grid.Span}. Only rows with text are held, each as its cells with text, within the file's
 * {@link InputLimits.Budget}.
 *
 * <p>A sheet's physical rows run from its first row to its last row with text; rows after that
 * are outside the table however they are formatted.
 */
final class SheetAssembler {

    /** One row with text: its (visible) columns and texts in column order, and its last cell. */
    private record Stored(int row, int[] cols, String[] texts, int lastCell) {}

    private final String sheet;
    private final int part;
    private final List<CellRangeAddress> merges;
    private final BitSet hiddenColumns;
    private final ReadLog log;
    private final InputLimits.Budget budget;
    private final List<Stored> stored = new ArrayList<>();
    private final BitSet hiddenRows = new BitSet();
    private final BitSet hiddenColumnsWithText = new BitSet();
    private int lastTextRow = -1;
    /** The last row of the sheet: its last row with text, or below it, the last row under a merged cell with text. */
    private int lastRow = -1;

    // The row being read.
    private int row = -1;
    private boolean rowHidden;
    private final List<Integer> cols = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private int lastCell = -1;
    private boolean beyondRemarked;

    SheetAssembler(String sheet, int part, List<CellRangeAddress> merges, BitSet hiddenColumns, ReadLog log, InputLimits.Budget budget) {
        this.sheet = sheet;
        this.part = part;
        this.merges = merges;
        this.hiddenColumns = hiddenColumns;
        this.log = log;
        this.budget = budget;
    }

    void startRow(int r, boolean hidden) {
        row = r;
        rowHidden = hidden;
        if (hidden) hiddenRows.set(r);
        cols.clear();
        texts.clear();
        lastCell = -1;
        beyondRemarked = false;
    }

    /** A cell of the current row with its displayed text (null or empty for a cell without a value). */
    void cell(int col, String text) {
        cell(col, text, -1);
    }

    /**
     * As {@link #cell(int, String)}, for a reader that cut the text to the cell limit as it read
     * it: {@code length} is the text's real length (-1 when it was not cut).
     */
    void cell(int col, String text, int length) {
        if (col < 0) return;
        boolean hasText = text != null && !text.isBlank();
        if (hiddenColumns.get(col)) {
            if (hasText) hiddenColumnsWithText.set(col);
            return;
        }
        int c = visible(col);
        if (c >= InputLimits.MAX_CELLS_PER_ROW) {
            if (hasText && !beyondRemarked && !rowHidden) {
                log.remark(sheet, row + 1, "the row has text beyond column " + InputLimits.MAX_CELLS_PER_ROW + "; only the first "
                        + InputLimits.MAX_CELLS_PER_ROW + " columns are read");
                beyondRemarked = true;
            }
            return;
        }
        lastCell = Math.max(lastCell, c);
        if (!hasText) return;
        String t = CellRows.lines(text);
        if (t.length() > InputLimits.MAX_CELL_CHARS || length > InputLimits.MAX_CELL_CHARS) {
            log.remark(sheet, row + 1, "cell " + (c + 1) + " holds " + InputLimits.fmt(Math.max(length, t.length()))
                    + " characters; it was cut to the first " + InputLimits.fmt(InputLimits.MAX_CELL_CHARS));
            int end = Math.min(t.length(), InputLimits.MAX_CELL_CHARS);
            if (Character.isHighSurrogate(t.charAt(end - 1))) end--;
            t = t.substring(0, end);
        }
        budget.text(t.length());
        cols.add(c);
        texts.add(t);
    }

    void endRow() {
        if (texts.isEmpty()) return;
        lastTextRow = Math.max(lastTextRow, row);
        if (rowHidden) {
            log.rows.skipped++;
            log.readerSkipped++;
            log.skip(sheet, row + 1, "a hidden row (not shown in the published sheet)");
            return;
        }
        int[] c = cols.stream().mapToInt(Integer::intValue).toArray();
        budget.row(c[c.length - 1] + 1);
        stored.add(new Stored(row, c, texts.toArray(String[]::new), lastCell));
    }

    /** How many physical rows the sheet has: up to its last row with text (or under a merged cell with text); known once finished. */
    int physicalRows() {
        return Math.max(lastRow, lastTextRow) + 1;
    }

    /** The sheet's grid rows: hard-wrapped lines joined, merged regions expanded. */
    List<Grid.Row> finish() {
        if (!hiddenColumnsWithText.isEmpty()) {
            List<String> letters = hiddenColumnsWithText.stream().limit(20).mapToObj(CellReference::convertNumToColString).toList();
            log.remark(sheet, 0, "hidden columns with text (" + String.join(", ", letters) + ") are not part of the published sheet and were not read");
        }
        lastRow = lastTextRow;
        if (stored.isEmpty()) return List.of();
        stored.sort(Comparator.comparingInt(Stored::row));
        int width = 0;
        for (Stored s : stored) width = Math.max(width, s.cols()[s.cols().length - 1] + 1);
        List<String[]> cellTexts = stored.stream().map(Stored::texts).toList();
        HardWraps.join(cellTexts, sheet, log);
        List<Region> regions = regions(width);
        // Rows under a merged cell belong to the sheet even below its last row with text of its own.
        for (Region g : regions) if (!g.text.isBlank()) lastRow = Math.max(lastRow, g.last());
        List<Grid.Row> out = new ArrayList<>();
        List<Region> active = new ArrayList<>();
        int next = 0, s = 0;
        for (int r = 0; r <= lastRow; r++) {
            while (next < regions.size() && regions.get(next).first() == r) active.add(regions.get(next++));
            final int at = r;
            active.removeIf(g -> g.last() < at);
            Stored own = s < stored.size() && stored.get(s).row() == r ? stored.get(s++) : null;
            if ((own == null && active.isEmpty()) || hiddenRows.get(r)) continue;
            int rowWidth = own == null ? 0 : Math.min(width, own.lastCell() + 1);
            for (Region g : active) rowWidth = Math.max(rowWidth, Math.min(width, g.lastCol() + 1));
            List<CellRows.Cell> cells = new ArrayList<>(rowWidth);
            for (int c = 0; c < rowWidth; c++) cells.add(CellRows.Cell.plain("", (long) r * width + c));
            if (own != null) {
                for (int i = 0; i < own.cols().length; i++) {
                    if (own.cols()[i] < rowWidth) cells.set(own.cols()[i], CellRows.Cell.plain(own.texts()[i], (long) r * width + own.cols()[i]));
                }
            }
            for (Region g : active) {
                for (int c = g.firstCol(); c <= Math.min(g.lastCol(), rowWidth - 1); c++) {
                    cells.set(c, new CellRows.Cell(g.text, g.origin, g.spanned(), r == g.first(), c == g.firstCol()));
                }
            }
            Grid.Row gr = CellRows.toRow(r + 1, cells, part);
            if (gr == null) continue;
            if (own == null) budget.row(gr.cells().size());
            out.add(gr);
        }
        return out;
    }

    /** A merged region in visible columns, clipped to the sheet's text, with its top-left cell's text. */
    private record Region(int first, int last, int firstCol, int lastCol, long origin, String text) {
        boolean spanned() {
            return last > first || lastCol > firstCol;
        }
    }

    private List<Region> regions(int width) {
        List<Region> out = new ArrayList<>();
        long covered = 0;
        for (CellRangeAddress m : merges) {
            int firstCol = visible(m.getFirstColumn());
            int lastCol = visible(m.getLastColumn() + 1) - 1;
            if (m.getFirstRow() > lastTextRow || firstCol >= width || lastCol < firstCol) continue;
            // Expanding costs a cell per covered cell; overlapping or huge regions, which Excel
            // itself never writes, must not cost more than the grid may hold.
            covered += (long) (m.getLastRow() - m.getFirstRow() + 1) * (Math.min(lastCol, width - 1) - firstCol + 1);
            if (covered > InputLimits.MAX_GRID_CELLS) {
                throw new InputLimits.LimitExceeded("", "its merged cells cover more than " + InputLimits.fmt(InputLimits.MAX_GRID_CELLS)
                        + " cells, over the limit, so it is not read");
            }
            out.add(new Region(m.getFirstRow(), m.getLastRow(), firstCol, Math.min(lastCol, width - 1),
                    -1L - out.size(), textAt(m.getFirstRow(), firstCol)));
        }
        out.sort(Comparator.comparingInt(Region::first));
        return out;
    }

    private String textAt(int r, int c) {
        int lo = 0, hi = stored.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int mr = stored.get(mid).row();
            if (mr < r) lo = mid + 1;
            else if (mr > r) hi = mid - 1;
            else {
                Stored s = stored.get(mid);
                for (int i = 0; i < s.cols().length; i++) if (s.cols()[i] == c) return s.texts()[i];
                return "";
            }
        }
        return "";
    }

    /** The column's index once the hidden columns left of it are left out. */
    private int visible(int col) {
        if (hiddenColumns.isEmpty()) return col;
        return col - hiddenColumns.get(0, Math.max(0, col)).cardinality();
    }
}
