package org.quanze.ingest;

import java.util.List;

/**
 * A file read as rows of text cells, the one shape every reader produces and every layout
 * recogniser consumes. Cells hold the text as published (HTML fragments included); cleaning is the
 * recogniser's job so that a reader never loses anything.
 *
 * @param file the file name the grid came from, for reports
 * @param rows rows in file order
 */
public record Grid(String file, List<Row> rows) {

    public Grid {
        rows = List.copyOf(rows);
    }

    /**
     * One row.
     *
     * @param line  1-based line (or row) number where the row starts, for reports
     * @param cells the cells; a row of a single cell outside any table is a title line
     */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
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
