package org.quanze.ingest;

/**
 * A row or file that was read, but not exactly as written: a cell cut to the size limit, a row
 * with fewer or more cells than its header, a file read as what it is rather than what its name
 * says. The records are kept; the remark says what changed, so nothing is altered silently.
 *
 * @param file   the file
 * @param sheet  the sheet of a workbook the row is on, or null
 * @param line   the 1-based line (or sheet row) of the row, or 0 for the whole file
 * @param reason a sentence a person understands
 */
public record Remark(String file, String sheet, int line, String reason) {

    public Remark(String file, int line, String reason) {
        this(file, null, line, reason);
    }

    @Override
    public String toString() {
        return where(file, sheet, line) + reason;
    }

    /** "file line 5: ", "file sheet 行政许可 row 5: " or "file: ". */
    static String where(String file, String sheet, int line) {
        if (sheet != null) return file + " sheet " + sheet + (line > 0 ? " row " + line : "") + ": ";
        return line > 0 ? file + " line " + line + ": " : file + ": ";
    }
}
