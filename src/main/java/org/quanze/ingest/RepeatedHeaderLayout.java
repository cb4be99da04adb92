package org.quanze.ingest;

/**
 * The 000 layout: one table whose two-line header (group labels 权力清单 / 责任清单 over the column
 * labels) is repeated before every row, tab-separated, HTML fragments inside cells, 追责情形 and
 * 免责情形 sharing one cell.
 */
final class RepeatedHeaderLayout extends HeaderTableLayout {
    @Override
    public String name() {
        return "repeated-header table";
    }

    @Override
    boolean matches(HeaderTableReader.Shape s) {
        return s.groupRows() >= 1 && s.headers() >= 2;
    }

    @Override
    int score() {
        return 40;
    }
}
