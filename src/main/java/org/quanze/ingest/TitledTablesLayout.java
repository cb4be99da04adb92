package org.quanze.ingest;

import java.util.List;

/**
 * The 002 layout: several tables in one file, each under its own title and date lines, numbering
 * restarting in each; rows of 14 or 15 cells where 部门职责 may be repeated or statute text may sit
 * where 追责对象范围 belongs, so columns are aligned by content.
 */
final class TitledTablesLayout implements Layout {
    @Override
    public String name() {
        return "titled tables";
    }

    @Override
    public int recognise(Grid grid) {
        HeaderTableReader.Shape s = HeaderTableReader.shape(grid);
        return s.titlesBeforeHeaders() >= 2 && s.dataRows() > 0 ? 20 : 0;
    }

    @Override
    public List<RecordDraft> read(Grid grid, List<Skip> skips) {
        return HeaderTableReader.read(grid, skips);
    }
}
