package org.quanze.ingest;

/**
 * The 002 layout: several tables in one file, each under its own title and date lines, numbering
 * restarting in each; rows of 14 or 15 cells where 部门职责 may be repeated or statute text may sit
 * where 追责对象范围 belongs, so columns are aligned by content.
 */
final class TitledTablesLayout extends HeaderTableLayout {
    @Override
    public String name() {
        return "titled tables";
    }

    @Override
    boolean matches(HeaderTableReader.Shape s) {
        return s.titlesBeforeHeaders() >= 2;
    }

    @Override
    int score() {
        return 20;
    }
}
