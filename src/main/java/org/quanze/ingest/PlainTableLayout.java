package org.quanze.ingest;

/**
 * The 001 layout, and any plain table: one header row, then one row per item. In the 001 export
 * every cell sits on its own line after a tab and spans several lines; {@link TextGridReader} has
 * already joined those into rows, so here it is an ordinary table.
 */
final class PlainTableLayout extends HeaderTableLayout {
    @Override
    public String name() {
        return "plain table";
    }

    @Override
    boolean matches(HeaderTableReader.Shape s) {
        return s.headers() >= 1;
    }

    @Override
    int score() {
        return 10;
    }
}
