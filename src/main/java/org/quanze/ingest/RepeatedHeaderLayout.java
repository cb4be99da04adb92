package org.quanze.ingest;

import java.util.List;

/**
 * The 000 layout: one table whose two-line header (group labels 权力清单 / 责任清单 over the column
 * labels) is repeated before every row, tab-separated, HTML fragments inside cells, 追责情形 and
 * 免责情形 sharing one cell.
 */
final class RepeatedHeaderLayout implements Layout {
    @Override
    public String name() {
        return "repeated-header table";
    }

    @Override
    public int recognise(Grid grid) {
        HeaderTableReader.Shape s = HeaderTableReader.shape(grid);
        return s.groupRows() >= 1 && s.headers() >= 2 && s.dataRows() > 0 ? 40 : 0;
    }

    @Override
    public List<RecordDraft> read(Grid grid, List<Skip> skips) {
        return HeaderTableReader.read(grid, skips);
    }
}
