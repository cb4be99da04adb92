package org.quanze.ingest;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a Word 97–2003 document (.doc, opened by {@link OfficeFiles}) into a {@link Grid}, as
 * {@link DocxGridReader} reads a .docx: every table row becomes a row, every non-empty paragraph
 * between tables a one-cell title row, a cell's paragraphs are joined with "\n", and a merged
 * cell has its text in every cell it covers. A .doc has no column grid: a cell merged across
 * columns is one wider cell, so each table's columns are the distinct edges of all its cells, and
 * a cell covers the columns between its left and right edge. A cell merged down is marked on each
 * row it covers (the first holds the text), as Word 97's cells merged across are. A table nested
 * in a cell stays in that cell's text, one line per paragraph. Numbers that Word draws for a
 * numbered list are not in the text of a .doc and are not read.
 */
final class DocGridReader {

    private static final int MAX_COLUMNS = 64;
    /** Edges closer than this (in twips, a twentieth of a point) are one column boundary: Word rounds widths. */
    private static final int SAME_EDGE = 30;

    private DocGridReader() {}

    static Grid read(String file, HWPFDocument doc) {
        Reader r = new Reader(new InputLimits.Budget(file));
        Range range = doc.getRange();
        int n = range.numParagraphs();
        for (int i = 0; i < n; i++) {
            Paragraph p = range.getParagraph(i);
            if (p.isInTable()) {
                Table t = range.getTable(p);
                r.table(t);
                // The table's paragraphs (its cells', nested tables' too) are read with it.
                i += Math.max(1, t.numParagraphs()) - 1;
            } else {
                r.title(text(p.text()));
            }
        }
        return new Grid(file, r.rows, List.of(), r.line);
    }

    /**
     * A paragraph's text as the other readers have it: field codes replaced by what they show,
     * Word's line break (vertical tab) a line end, its paragraph and cell marks gone.
     */
    static String text(String raw) {
        String s = Range.stripFields(raw);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u000b' || c == '\r') b.append('\n');
            else if (c == '\u0007' || c == '\u000c' || c == '\u0001' || c == '\u0008') continue;
            else b.append(c);
        }
        return b.toString().strip();
    }

    private static final class Reader {
        /** The workbook limits apply to a document's tables too: a .doc is read whole, up to the file size limit. */
        final InputLimits.Budget budget;
        final List<Grid.Row> rows = new ArrayList<>();
        int line;
        long origins;

        Reader(InputLimits.Budget budget) {
            this.budget = budget;
        }

        void title(String text) {
            line++;
            budget.text(text.length());
            if (!text.isBlank()) rows.add(new Grid.Row(line, List.of(text.strip())));
        }

        void table(Table t) {
            List<Integer> edges = edges(t);
            // Per column, the text and origin of the cell a vertical merge started in above.
            Map<Integer, CellRows.Cell> above = new HashMap<>();
            for (int r = 0; r < t.numRows(); r++) {
                TableRow row = t.getRow(r);
                line++;
                List<CellRows.Cell> cells = new ArrayList<>();
                for (int c = 0; c < row.numCells(); c++) {
                    TableCell tc = row.getCell(c);
                    int from = column(edges, tc.getLeftEdge()), to = Math.max(from + 1, column(edges, tc.getLeftEdge() + tc.getWidth()));
                    if (from >= MAX_COLUMNS) break;
                    to = Math.min(to, MAX_COLUMNS);
                    // A row that begins right of the table's first edge, or skips a column: empty cells there.
                    while (cells.size() < from) cells.add(CellRows.Cell.plain("", origins++));
                    int column = cells.size();
                    CellRows.Cell cell;
                    if (tc.isVerticallyMerged() && !tc.isFirstVerticallyMerged() && above.containsKey(column)) {
                        CellRows.Cell top = above.get(column);
                        cell = new CellRows.Cell(top.text(), top.origin(), true, false);
                    } else if (tc.isMerged() && !tc.isFirstMerged() && column > 0) {
                        // Word 97's horizontal merge: a continuing cell repeats the one on its left.
                        CellRows.Cell left = cells.get(column - 1);
                        cell = new CellRows.Cell(left.text(), left.origin(), true, left.firstRow(), false);
                    } else {
                        boolean merged = to - from > 1 || tc.isVerticallyMerged() || tc.isMerged();
                        cell = new CellRows.Cell(cellText(tc), origins++, merged, true);
                        budget.text(cell.text().length());
                    }
                    for (int k = column; k < Math.max(to, column + 1); k++) {
                        // The columns a wide cell covers after its first repeat it, as a merged cell's right-hand part.
                        cells.add(k == column ? cell : new CellRows.Cell(cell.text(), cell.origin(), true, cell.firstRow(), false));
                        if (tc.isVerticallyMerged()) above.put(k, cell);
                        else above.remove(k);
                    }
                }
                budget.row(cells.size());
                Grid.Row g = CellRows.toRow(line, cells);
                if (g != null) rows.add(g);
            }
        }

        /** A cell's paragraphs, one per line. */
        private static String cellText(TableCell tc) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < tc.numParagraphs(); i++) {
                String l = text(tc.getParagraph(i).text());
                if (!l.isEmpty()) lines.add(l);
            }
            return String.join("\n", lines);
        }

        /** The table's column boundaries: every cell's left and right edge, edges within {@link #SAME_EDGE} as one. */
        private static List<Integer> edges(Table t) {
            TreeSet<Integer> all = new TreeSet<>();
            for (int r = 0; r < t.numRows(); r++) {
                TableRow row = t.getRow(r);
                for (int c = 0; c < row.numCells(); c++) {
                    TableCell tc = row.getCell(c);
                    all.add(tc.getLeftEdge());
                    all.add(tc.getLeftEdge() + tc.getWidth());
                }
            }
            List<Integer> edges = new ArrayList<>();
            for (int e : all) if (edges.isEmpty() || e - edges.getLast() > SAME_EDGE) edges.add(e);
            return edges;
        }

        /** The column an edge begins: the index of the nearest boundary. */
        private static int column(List<Integer> edges, int edge) {
            int best = 0;
            for (int i = 1; i < edges.size(); i++) {
                if (Math.abs(edges.get(i) - edge) < Math.abs(edges.get(best) - edge)) best = i;
            }
            return best;
        }
    }
}
