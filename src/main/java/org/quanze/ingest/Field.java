package org.quanze.ingest;

/**
 * The columns a 权责清单 table can have. Which header labels name which column is data, read off
 * real lists: {@code header-names.tsv} beside this class (see {@link HeaderNames}); a new list that
 * names a column differently needs one line there.
 */
public enum Field {
    SEQ, POWER_TYPE, NAME, SUB_ITEM, AUTHORITY, UNITS, LEVEL, BASIS, DEPARTMENT_DUTY, RESPONSIBILITIES,
    RESPONSIBILITY_BASIS, ACCOUNTABLE_PARTIES, ACCOUNTABILITY, ACCOUNTABILITY_AND_EXEMPTION, EXEMPTION,
    SUPERVISION, ACCEPTANCE_CONDITIONS, TIME_LIMIT, PLACE, NOTES,
    /** 主体责任 of a department (表1 of the vertical layout). */
    MAIN_DUTIES,
    DUTY_BOUNDARY,
    /** Group headings over several columns, such as 权力清单 / 责任清单. */
    GROUP,
    UNKNOWN;

    /**
     * The field a listed header label names, or {@link #UNKNOWN}. Whitespace inside labels is
     * ignored. A label read by its head word alone (行使依据) is not one here: what a row is (a
     * header, a sub-header, a block's label) is told by listed labels, so that a data cell ending
     * in 依据 or 机构 is never taken for one; {@link Columns} reads head words once the header is found.
     */
    public static Field ofLabel(String label) {
        HeaderNames.Entry e = HeaderNames.lookup(label);
        return e.byHeadWord() ? UNKNOWN : e.field();
    }
}
