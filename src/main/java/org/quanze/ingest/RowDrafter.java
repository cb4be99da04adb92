package org.quanze.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fills one {@link RecordDraft} from the rows of one item (or sub-item): the first row's cells,
 * then the text each further row holds of its own (a merged cell's lower rows repeat the text
 * above and add nothing). Cells are placed in their columns by {@link ColumnAligner}, so a row
 * that lost or gained a cell is still read right; text that fits no column goes to the notes.
 */
final class RowDrafter {

    private final Grid grid;
    private final Columns columns;
    private final List<Field> fields;
    /** Cells from here on are beside the table and not read. */
    private final int width;

    RowDrafter(Grid grid, Columns columns, int besideFrom) {
        this.grid = grid;
        this.columns = columns;
        this.fields = columns.fields();
        this.width = besideFrom;
    }

    RecordDraft draft(List<Grid.Row> rows, String kind) {
        Grid.Row first = rows.getFirst();
        RecordDraft d = new RecordDraft(kind, first.line());
        d.sheet = grid.partName(first);
        for (int i = 0; i < rows.size(); i++) {
            Grid.Row r = rows.get(i);
            List<String> raw = r.cells().size() > width ? r.cells().subList(0, width) : r.cells();
            if (i > 0) {
                // A further row adds only what is its own: not a merged cell's text from above,
                // nor the text of the row above written out again (a merged cell unmerged).
                List<String> above = rows.get(i - 1).cells();
                raw = new ArrayList<>(raw);
                for (int c = 0; c < raw.size(); c++) {
                    if (!r.ownsCell(c) || c < above.size() && !raw.get(c).isBlank() && raw.get(c).equals(above.get(c))) raw.set(c, "");
                }
            }
            place(raw, d);
        }
        remarkWidth(first, d);
        return d;
    }

    private void place(List<String> raw, RecordDraft d) {
        List<String> plain = raw.stream().map(TextClean::plain).toList();
        Field previous = null;
        for (ColumnAligner.Placement p : ColumnAligner.align(fields, plain)) {
            String cell = raw.get(p.cell());
            String text = plain.get(p.cell());
            if (p.column() >= 0) {
                Columns.Column col = columns.get(p.column());
                previous = fields.get(p.column());
                if (text.isBlank()) continue;
                switch (col.kind()) {
                    case NAMED -> d.put(col.field(), cell);
                    case EXTENSION -> d.putBeside(col.field(), col.label(), cell);
                    case OTHER -> d.put(Field.NOTES, col.label() + "：" + text);
                    case UNLABELLED -> d.put(Field.NOTES, cell);
                }
                continue;
            }
            if (text.isBlank() || HeaderNames.isFiller(text)) continue;
            Set<Field> sig = ContentSignature.of(text);
            Field target = previous != null && previous != Field.UNKNOWN && (sig.isEmpty() || sig.contains(previous)) ? previous
                    : sig.stream().filter(fields::contains).filter(f -> !d.has(f) || !ColumnAligner.SHAPED.contains(f))
                    .findFirst().orElse(Field.NOTES);
            d.put(target, cell);
        }
    }

    /**
     * Remarks a row whose cell count differs from its header's: cells missing (a truncated row,
     * a dropped cell) or extra text. The row is still read; cells are placed by content.
     */
    private void remarkWidth(Grid.Row r, RecordDraft d) {
        int cells = Math.min(width, r.cells().size());
        int filled = cells;
        while (filled > 0 && r.cell(filled - 1).isBlank()) filled--;
        if (filled > columns.size()) {
            d.remarks.add("the row has " + filled + " cells where its header names " + columns.size()
                    + " columns; the extra text was placed by its content or kept in notes");
        } else if (cells < columns.size()) {
            d.remarks.add("the row has " + cells + " cells where its header names " + columns.size()
                    + " columns; cells were placed by their content and the missing ones left empty");
        }
    }
}
