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

    /** The field a header label names, or {@link #UNKNOWN}. Whitespace inside labels is ignored. */
    public static Field ofLabel(String label) {
        return HeaderNames.lookup(label).field();
    }
}
