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

    // Office files are zip packages (.xlsx, .docx) or compound files (.xls) that unpack to far more
    // than their size: these bound what one file may cost before and while it is parsed.

    /** The most all parts of an Office package may unpack to, counted before anything is parsed. */
    public static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;
    /** The most one part of a workbook (a sheet, the shared strings) may unpack to; these are read as a stream. */
    public static final long MAX_STREAMED_PART_BYTES = 64L * 1024 * 1024;
    /**
     * The most the XML parts that are parsed whole may unpack to, all together: the Word document
     * with its styles and numbering, and every package's relationships. Parsed whole, 8 MB of Word
     * XML costs about 180 MB of heap (measured); a list of a thousand items is under 5 MB.
     */
    public static final long MAX_PARSED_BYTES = 8L * 1024 * 1024;
    /** Parts in one package; real lists have a few dozen. */
    public static final int MAX_PACKAGE_ENTRIES = 10_000;
    /**
     * Rows with text (or under a merged cell) in one workbook, all sheets together: the largest real
     * list has under 1,000. A workbook with more is refused with this limit named, never cut short.
     */
    public static final int MAX_ROWS = 100_000;
    /** Cell text one file may hold, in characters (the largest real list holds about 2 million). */
    public static final long MAX_TEXT_CHARS = 32_000_000;
    /** Cells in one file's table grid (rows × their width). */
    public static final long MAX_GRID_CELLS = 5_000_000;
    /** Distinct texts (shared strings) in one workbook. */
    public static final int MAX_SHARED_STRINGS = 1_000_000;
    /** Merged regions in one sheet (a real sheet has up to a few thousand). */
    public static final int MAX_MERGED_REGIONS = 100_000;

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

    /**
     * What one file may still hold as it is read: rows, cell text and grid cells, counted by the
     * readers as they go, so that a workbook far past the limits is refused partway, its memory
     * bounded by the limits rather than by the file.
     */
    static final class Budget {
        private final String file;
        private long rows, chars, cells;

        Budget(String file) {
            this.file = file;
        }

        void row(int width) {
            if (++rows > MAX_ROWS) {
                throw new LimitExceeded(file, "it has more than " + fmt(MAX_ROWS) + " rows with text, over the limit of "
                        + fmt(MAX_ROWS) + " (no published list comes near that), so it is not read");
            }
            cells += Math.max(1, width);
            if (cells > MAX_GRID_CELLS) {
                throw new LimitExceeded(file, "its tables have more than " + fmt(MAX_GRID_CELLS) + " cells, over the limit, so it is not read");
            }
        }

        void text(int length) {
            chars += length;
            if (chars > MAX_TEXT_CHARS) {
                throw new LimitExceeded(file, "it holds more than " + fmt(MAX_TEXT_CHARS) + " characters of text, over the limit, so it is not read");
            }
        }
    }

    /** A file over one of the limits, found while it was read; the reader reports it as unreadable. */
    static final class LimitExceeded extends RuntimeException {
        final String reason;

        LimitExceeded(String file, String reason) {
            super(file + ": " + reason, null, false, false);
            this.reason = reason;
        }
    }

    static String tooLarge(long bytes) {
        return "the file is " + megabytes(bytes) + ", over the limit of " + megabytes(MAX_FILE_BYTES);
    }

    /**
     * The grid with every row cut to {@link #MAX_CELLS_PER_ROW} cells and every cell to
     * {@link #MAX_CELL_CHARS} characters, each cut remarked with its line.
     */
    static Grid capped(Grid g, ReadLog log) {
        List<Grid.Row> rows = null;
        for (int i = 0; i < g.rows().size(); i++) {
            Grid.Row r = g.rows().get(i);
            Grid.Row c = capped(g.partName(r), r, log);
            if (c != r && rows == null) rows = new ArrayList<>(g.rows().subList(0, i));
            if (rows != null) rows.add(c);
        }
        return rows == null ? g : new Grid(g.file(), rows, g.parts(), g.physicalRows());
    }

    private static Grid.Row capped(String sheet, Grid.Row r, ReadLog log) {
        boolean changed = false;
        List<String> cells = r.cells();
        if (cells.size() > MAX_CELLS_PER_ROW) {
            log.remark(sheet, r.line(), "the row has " + fmt(cells.size()) + " cells; only the first "
                    + MAX_CELLS_PER_ROW + " are read");
            cells = cells.subList(0, MAX_CELLS_PER_ROW);
            changed = true;
        }
        List<String> out = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (c.length() > MAX_CELL_CHARS) {
                log.remark(sheet, r.line(), "cell " + (i + 1) + " holds " + fmt(c.length())
                        + " characters; it was cut to the first " + fmt(MAX_CELL_CHARS));
                int end = MAX_CELL_CHARS;
                if (Character.isHighSurrogate(c.charAt(end - 1))) end--; // never split a character
                c = c.substring(0, end);
                changed = true;
            }
            out.add(c);
        }
        return changed ? new Grid.Row(r.line(), out, r.spans(), r.part()) : r;
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
