package org.quanze.ingest;

/**
 * A row or file that did not become a record, with why. Every skip is reported; none is silent.
 *
 * @param file   the file
 * @param sheet  the sheet of a workbook the row is on, or null
 * @param line   the 1-based line (or sheet row) of the row, or 0 for the whole file
 * @param reason a sentence a person understands
 */
public record Skip(String file, String sheet, int line, String reason) {

    public Skip(String file, int line, String reason) {
        this(file, null, line, reason);
    }

    @Override
    public String toString() {
        return Remark.where(file, sheet, line) + reason;
    }
}
