package org.quanze.ingest;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bounds that keep one hostile file from exhausting memory or time. Published lists are a few
 * hundred kilobytes, a few thousand lines, a few dozen cells per row and cells of at most a couple
 * of thousand characters; each limit is far above that and far below what would hurt.
 */
public final class InputLimits {

    /** Larger files are refused before they are read; also the upload limit. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** More lines than this are refused before decoding (counted on the bytes). */
    public static final int MAX_LINES = 100_000;
    /** Cells past this in a row are dropped with a remark; real rows have under 30. */
    public static final int MAX_CELLS_PER_ROW = 200;
    /** A longer cell is cut to this many characters with a remark; real cells stay under 2,000. */
    public static final int MAX_CELL_CHARS = 10_000;
    /** Skips and remarks listed per file; past this they are counted in one closing line. */
    public static final int MAX_REPORTED = 100;

    private InputLimits() {}

    /**
     * Refuses a text or CSV file of more than {@link #MAX_LINES} lines, counted on the bytes before
     * anything is decoded or split (a line break is the same byte in UTF-8 and GB18030).
     */
    static void checkLines(String file, byte[] bytes) throws UnreadableFileException {
        int lf = 0, cr = 0;
        for (byte b : bytes) {
            if (b == '\n') lf++;
            else if (b == '\r') cr++;
        }
        int lines = Math.max(lf, cr) + 1;
        if (lines > MAX_LINES) {
            throw new UnreadableFileException(file, "the file has " + fmt(lines) + " lines, over the limit of " + fmt(MAX_LINES)
                    + "; no published list comes near that, so it is not read");
        }
    }

    static String tooLarge(long bytes) {
        return "the file is " + megabytes(bytes) + ", over the limit of " + megabytes(MAX_FILE_BYTES);
    }

    /**
     * The grid with every row cut to {@link #MAX_CELLS_PER_ROW} cells and every cell to
     * {@link #MAX_CELL_CHARS} characters, each cut remarked with its line.
     */
    static Grid capped(Grid g, List<Remark> remarks) {
        List<Grid.Row> rows = null;
        for (int i = 0; i < g.rows().size(); i++) {
            Grid.Row r = g.rows().get(i);
            Grid.Row c = capped(g.file(), r, remarks);
            if (c != r && rows == null) rows = new ArrayList<>(g.rows().subList(0, i));
            if (rows != null) rows.add(c);
        }
        return rows == null ? g : new Grid(g.file(), rows);
    }

    private static Grid.Row capped(String file, Grid.Row r, List<Remark> remarks) {
        boolean changed = false;
        List<String> cells = r.cells();
        if (cells.size() > MAX_CELLS_PER_ROW) {
            remarks.add(new Remark(file, r.line(), "the row has " + fmt(cells.size()) + " cells; only the first "
                    + MAX_CELLS_PER_ROW + " are read"));
            cells = cells.subList(0, MAX_CELLS_PER_ROW);
            changed = true;
        }
        List<String> out = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (c.length() > MAX_CELL_CHARS) {
                remarks.add(new Remark(file, r.line(), "cell " + (i + 1) + " holds " + fmt(c.length())
                        + " characters; it was cut to the first " + fmt(MAX_CELL_CHARS)));
                int end = MAX_CELL_CHARS;
                if (Character.isHighSurrogate(c.charAt(end - 1))) end--; // never split a character
                c = c.substring(0, end);
                changed = true;
            }
            out.add(c);
        }
        return changed ? new Grid.Row(r.line(), out) : r;
    }

    /**
     * A list that keeps the first {@link #MAX_REPORTED} entries and counts the rest, so a file of
     * a million bad rows reports a hundred of them and a count, not a million objects.
     */
    static final class Bounded<T> extends AbstractList<T> {
        private final List<T> kept = new ArrayList<>();
        private long dropped;

        @Override
        public boolean add(T t) {
            if (kept.size() < MAX_REPORTED) kept.add(t);
            else dropped++;
            return true;
        }

        @Override
        public T get(int i) { return kept.get(i); }

        @Override
        public int size() { return kept.size(); }

        long dropped() { return dropped; }
    }

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
