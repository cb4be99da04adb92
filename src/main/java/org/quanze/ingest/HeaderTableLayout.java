package org.quanze.ingest;

import java.util.List;

/**
 * A horizontal-table layout: all of them read with {@link HeaderTableReader}; they differ only in
 * the structure they recognise themselves by, which is what decides between them.
 */
abstract class HeaderTableLayout implements Layout {

    @Override
    public final int recognise(Grid grid) {
        HeaderTableReader.Shape s = HeaderTableReader.shape(grid);
        return s.dataRows() > 0 && matches(s) ? score() : 0;
    }

    /** Whether a grid of this shape is in this layout. */
    abstract boolean matches(HeaderTableReader.Shape shape);

    /** How specific the layout is: the most specific matching layout wins. */
    abstract int score();

    @Override
    public final List<RecordDraft> read(Grid grid, ReadLog log) {
        return HeaderTableReader.read(grid, log);
    }
}
