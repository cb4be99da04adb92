package org.quanze.ingest;

import java.util.List;

/**
 * The 004 layout: a wide header over two rows (事项名称 split into 项目 / 子项 in the second),
 * and rows that drop or add a cell (a missing 实施主体, a doubled 无明确规定), so their later
 * columns are shifted and must be aligned by content.
 */
final class TwoRowHeaderLayout implements Layout {
    @Override
    public String name() {
        return "two-row header table";
    }

    @Override
    public int recognise(Grid grid) {
        HeaderTableReader.Shape s = HeaderTableReader.shape(grid);
        return s.subHeaders() >= 1 && s.dataRows() > 0 ? 30 : 0;
    }

    @Override
    public List<RecordDraft> read(Grid grid, List<Skip> skips) {
        return HeaderTableReader.read(grid, skips);
    }
}
