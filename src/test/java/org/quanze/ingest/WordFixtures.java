package org.quanze.ingest;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.quanze.ingest.OfficeFixtures.Merge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A list's text grid written as Word tables (.docx, with POI), and what a word processor makes of
 * those tables when it saves them as a .doc, for {@link OfficeRoundTripTest}.
 */
final class WordFixtures {

    private WordFixtures() {}

    /**
     * One table per run of multi-cell rows, each one-cell row a paragraph between tables (so 003
     * gets one two-column table per 表 block, its 表2-N title a paragraph before it). Merges
     * become gridSpan (across) and vMerge (down) on the cells.
     */
    static byte[] docx(Grid g, List<Merge> merges) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable table = null;
            java.util.Iterator<Table> tables = tables(g).iterator();
            for (int r = 0; r < g.rows().size(); r++) {
                List<String> cells = g.rows().get(r).cells();
                if (cells.size() == 1) {
                    table = null;
                    doc.createParagraph().createRun().setText(cells.get(0));
                    continue;
                }
                if (table == null) {
                    table = doc.createTable();
                    table.removeRow(0);
                    grid(table, tables.next().width);
                }
                XWPFTableRow row = table.insertNewTableRow(table.getNumberOfRows());
                for (int c = 0; c < cells.size(); c++) {
                    Merge m = OfficeFixtures.at(merges, r, c);
                    if (m != null && m.firstRow() == r && m.firstCol() != c) continue; // inside a gridSpan
                    if (m != null && m.firstRow() != r && m.firstCol() != c) continue;
                    XWPFTableCell cell = row.addNewTableCell();
                    CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                    CTTblWidth w = pr.addNewTcW();
                    w.setType(STTblWidth.DXA);
                    w.setW(BigInteger.valueOf(COLUMN_TWIPS * (m == null ? 1 : m.lastCol() - m.firstCol() + 1)));
                    if (m == null) {
                        write(cell, cells.get(c));
                        continue;
                    }
                    if (m.lastCol() > m.firstCol()) pr.addNewGridSpan().setVal(BigInteger.valueOf(m.lastCol() - m.firstCol() + 1));
                    if (m.lastRow() > m.firstRow()) {
                        if (m.firstRow() == r) pr.addNewVMerge().setVal(STMerge.RESTART);
                        else pr.addNewVMerge();
                    }
                    write(cell, m.firstRow() == r ? cells.get(c) : "");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** Each column's width in a Word table, in twips; a cell merged across is as wide as the columns it covers. */
    private static final int COLUMN_TWIPS = 600;

    /**
     * The table's column grid, as Word writes one: without it a word processor gives every cell
     * the same width, and a cell merged across no longer lines up with the columns it covers.
     */
    private static void grid(XWPFTable table, int columns) {
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
        for (int i = 0; i < columns; i++) grid.addNewGridCol().setW(BigInteger.valueOf(COLUMN_TWIPS));
    }

    /** A cell's lines as paragraphs, the way Word keeps a multi-line cell. */
    private static void write(XWPFTableCell cell, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            if (!lines[i].isEmpty()) p.createRun().setText(lines[i]);
        }
    }

    /**
     * The grid as a word processor saves its tables in a .doc: each table square, its short rows
     * filled with empty cells, which {@link #stretched} merges into the row's last cell.
     */
    static Grid squared(Grid g) {
        List<Grid.Row> out = new ArrayList<>(g.rows());
        for (Table t : tables(g)) {
            for (int r = t.start; r < t.end; r++) {
                Grid.Row row = out.get(r);
                if (row.cells().size() == t.width) continue;
                List<String> cells = new ArrayList<>(row.cells());
                while (cells.size() < t.width) cells.add("");
                out.set(r, new Grid.Row(row.line(), cells));
            }
        }
        return new Grid(g.file(), out);
    }

    /** Per short row of a table, its last cell merged across to the table's widest row's edge, as LibreOffice saves a .doc. */
    static List<Merge> stretched(Grid g) {
        List<Merge> out = new ArrayList<>();
        for (Table t : tables(g)) {
            for (int r = t.start; r < t.end; r++) {
                int n = g.rows().get(r).cells().size();
                if (n < t.width) out.add(new Merge(r, r, n - 1, t.width - 1));
            }
        }
        return out;
    }

    /** A Word table of the grid: rows {@code start} to {@code end} (exclusive), the widest {@code width} cells. */
    private record Table(int start, int end, int width) {}

    /** The grid's tables: each run of rows of several cells, between rows of one (titles). */
    private static List<Table> tables(Grid g) {
        List<Table> out = new ArrayList<>();
        List<Grid.Row> rows = g.rows();
        int start = 0;
        while (start < rows.size()) {
            if (rows.get(start).cells().size() == 1) {
                start++;
                continue;
            }
            int end = start, width = 0;
            while (end < rows.size() && rows.get(end).cells().size() > 1) width = Math.max(width, rows.get(end++).cells().size());
            out.add(new Table(start, end, width));
            start = end;
        }
        return out;
    }
}
