package org.quanze.ingest;

/**
 * A row or file that did not become a record, with why. Every skip is reported; none is silent.
 *
 * @param file   the file
 * @param line   the 1-based line of the row, or 0 for the whole file
 * @param reason a sentence a person understands
 */
public record Skip(String file, int line, String reason) {
    @Override
    public String toString() {
        return line > 0 ? file + " line " + line + ": " + reason : file + ": " + reason;
    }
}
