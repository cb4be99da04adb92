package org.quanze.ingest;

import java.util.List;

/**
 * One published list layout: recognises itself in a grid and reads the grid into drafts.
 * Layouts are chosen by {@link #recognise} from content, never from file names.
 */
interface Layout {

    String name();

    /** 0 when the grid is not in this layout; otherwise higher means surer. */
    int recognise(Grid grid);

    /**
     * Reads the grid; rows that cannot be read go to the log's skips, and every row of the grid
     * is counted once in the log's row tally.
     */
    List<RecordDraft> read(Grid grid, ReadLog log);

    /** The layouts we know, most specific first. */
    static List<Layout> all() {
        return List.of(new VerticalBlockLayout(), new RepeatedHeaderLayout(), new TwoRowHeaderLayout(),
                new TitledTablesLayout(), new PlainTableLayout());
    }
}
