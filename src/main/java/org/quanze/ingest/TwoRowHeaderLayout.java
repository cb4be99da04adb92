package org.quanze.ingest;

/**
 * The 004 layout: a wide header over two rows (事项名称 split into 项目 / 子项 in the second),
 * and rows that drop or add a cell (a missing 实施主体, a doubled 无明确规定), so their later
 * columns are shifted and must be aligned by content.
 */
final class TwoRowHeaderLayout extends HeaderTableLayout {
    @Override
    public String name() {
        return "two-row header table";
    }

    @Override
    boolean matches(HeaderTableReader.Shape s) {
        return s.subHeaders() >= 1;
    }

    @Override
    int score() {
        return 30;
    }
}
