package org.quanze.ingest;

/**
 * A row or file that was read, but not exactly as written: a cell cut to the size limit, a row
 * with fewer or more cells than its header, a file that ends in the middle of a character. The
 * records are kept; the remark says what changed, so nothing is altered silently.
 *
 * @param file   the file
 * @param line   the 1-based line of the row, or 0 for the whole file
 * @param reason a sentence a person understands
 */
public record Remark(String file, int line, String reason) {
    @Override
    public String toString() {
        return line > 0 ? file + " line " + line + ": " + reason : file + ": " + reason;
    }
}
