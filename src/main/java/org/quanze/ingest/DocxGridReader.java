package org.quanze.ingest;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ICell;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFSDTCell;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Word document (.docx, opened by {@link OfficeFiles}) into a {@link Grid}, in document
 * order: every table row becomes a row, and every non-empty paragraph between tables becomes a
 * one-cell title row (表2-1, a table's heading, the document's own title), just as the text export
 * has them. A cell's paragraphs are joined with "\n"; a merged cell (gridSpan across columns,
 * vMerge down rows) has its text in every cell it covers; a table nested in a cell is flattened
 * into that cell's text, one line per nested row. A row's line is its ordinal among the
 * document's paragraphs and table rows.
 */
final class DocxGridReader {

    private static final int MAX_COLUMNS = 64;

    private DocxGridReader() {}

    static Grid read(String file, XWPFDocument doc) {
        Reader r = new Reader(new DocxNumbering(doc.getNumbering()));
        for (IBodyElement e : doc.getBodyElements()) r.body(e);
        // Physical rows: every paragraph and table row, the empty ones included.
        return new Grid(file, r.rows, List.of(), r.line);
    }

    private static final class Reader {
        final DocxNumbering numbering;
        final List<Grid.Row> rows = new ArrayList<>();
        int line;
        long origins;

        Reader(DocxNumbering numbering) {
            this.numbering = numbering;
        }

        void body(IBodyElement e) {
            if (e instanceof XWPFTable t) {
                table(t);
            } else if (e instanceof XWPFParagraph p) {
                title(paragraph(p));
            } else if (e instanceof XWPFSDT sdt) {
                // A content control around text: each of its lines is a paragraph.
                for (String l : CellRows.lines(sdt.getContent().getText()).split("\n")) title(l);
            }
        }

        private void title(String text) {
            line++;
            if (!text.isBlank()) rows.add(new Grid.Row(line, List.of(text.strip())));
        }

        private void table(XWPFTable t) {
            // Per grid column, the text and origin of the vMerge "restart" cell above.
            Map<Integer, CellRows.Cell> above = new HashMap<>();
            for (XWPFTableRow row : t.getRows()) {
                line++;
                List<CellRows.Cell> cells = new ArrayList<>();
                for (int i = 0; i < gridBefore(row); i++) cells.add(CellRows.Cell.plain("", origins++));
                for (ICell ic : row.getTableICells()) {
                    int column = cells.size();
                    if (ic instanceof XWPFSDTCell sdt) {
                        cells.add(CellRows.Cell.plain(CellRows.lines(sdt.getContent().getText()), origins++));
                        above.remove(column);
                        continue;
                    }
                    if (!(ic instanceof XWPFTableCell c)) continue;
                    CTTcPr pr = c.getCTTc().getTcPr();
                    // Word tables have at most 63 columns; a larger span is damage, not a wider table.
                    int span = pr != null && pr.isSetGridSpan() ? Math.clamp(pr.getGridSpan().getVal().longValue(), 1, MAX_COLUMNS) : 1;
                    String merge = pr != null && pr.isSetVMerge()
                            ? (pr.getVMerge().isSetVal() && pr.getVMerge().getVal() == STMerge.RESTART ? "restart" : "continue")
                            : null;
                    CellRows.Cell cell;
                    if ("continue".equals(merge) && above.containsKey(column)) {
                        CellRows.Cell top = above.get(column);
                        cell = new CellRows.Cell(top.text(), top.origin(), true, false);
                    } else if (pr != null && pr.isSetHMerge() && !(pr.getHMerge().isSetVal()
                            && pr.getHMerge().getVal() == STMerge.RESTART) && column > 0) {
                        // Word 97's horizontal merge: a continuing cell repeats the one on its left.
                        CellRows.Cell left = cells.get(column - 1);
                        cell = new CellRows.Cell(left.text(), left.origin(), true, left.firstRow(), false);
                    } else {
                        cell = new CellRows.Cell(text(c), origins++, span > 1 || merge != null || (pr != null && pr.isSetHMerge()), true);
                    }
                    for (int k = 0; k < span; k++) {
                        // The columns a gridSpan covers after its first repeat it, as a merged cell's right-hand part.
                        cells.add(k == 0 ? cell : new CellRows.Cell(cell.text(), cell.origin(), true, cell.firstRow(), false));
                        if ("restart".equals(merge) || "continue".equals(merge)) above.put(column + k, cell);
                        else above.remove(column + k);
                    }
                }
                Grid.Row g = CellRows.toRow(line, cells);
                if (g != null) rows.add(g);
            }
        }

        private static int gridBefore(XWPFTableRow row) {
            CTTrPr pr = row.getCtRow().getTrPr();
            if (pr == null || pr.sizeOfGridBeforeArray() == 0) return 0;
            return Math.clamp(pr.getGridBeforeArray(0).getVal().longValue(), 0, MAX_COLUMNS);
        }

        /** A cell's paragraphs one per line; a nested table one line per row, its cells spaced. */
        private String text(XWPFTableCell c) {
            List<String> out = new ArrayList<>();
            for (IBodyElement e : c.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    out.add(paragraph(p));
                } else if (e instanceof XWPFTable nested) {
                    for (XWPFTableRow r : nested.getRows()) {
                        List<String> parts = new ArrayList<>();
                        for (ICell ic : r.getTableICells()) {
                            String t = ic instanceof XWPFTableCell nc ? text(nc)
                                    : ic instanceof XWPFSDTCell sc ? CellRows.lines(sc.getContent().getText()) : "";
                            if (!t.isBlank()) parts.add(t.strip());
                        }
                        if (!parts.isEmpty()) out.add(String.join(" ", parts));
                    }
                } else if (e instanceof XWPFSDT sdt) {
                    out.add(CellRows.lines(sdt.getContent().getText()));
                }
            }
            return String.join("\n", out);
        }

        private String paragraph(XWPFParagraph p) {
            return CellRows.lines(numbering.label(p) + p.getText());
        }
    }
}
