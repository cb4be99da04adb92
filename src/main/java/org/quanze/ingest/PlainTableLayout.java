package org.quanze.ingest;

import java.util.List;

/**
 * The 001 layout, and any plain table: one header row, then one row per item. In the 001 export
 * every cell sits on its own line after a tab and spans several lines; {@link TextGridReader} has
 * already joined those into rows, so here it is an ordinary table.
 */
final class PlainTableLayout implements Layout {
    @Override
    public String name() {
        return "plain table";
    }

    @Override
    public int recognise(Grid grid) {
        HeaderTableReader.Shape s = HeaderTableReader.shape(grid);
        return s.headers() >= 1 && s.dataRows() > 0 ? 10 : 0;
    }

    @Override
    public List<RecordDraft> read(Grid grid, List<Skip> skips) {
        return HeaderTableReader.read(grid, skips);
    }
}
