package org.quanze.statute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a citation's note names: "（2017年9月1日第二次修正）", "（1996年3月17日通过，2021年1月22日修订，
 * 2021年7月15日起施行）", "（2010年通过）", "（2011年7月1日施行）". The version is the latest date of
 * adoption, publication or amendment; a note giving only the date a law took effect names the
 * version in force from then.
 *
 * @param date    the date named, at its precision ("2017-09-01", "2017-09", "2010")
 * @param inForce true when the note only says when the version took effect
 */
record VersionNote(String date, boolean inForce) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*年(?:\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?)?");
    /** Words after a date that make it a version's own date rather than its in-force date. */
    private static final Pattern ENACTED = Pattern.compile("通过|公布|发布|颁布|修正|修订|修改|令");
    private static final Pattern IN_FORCE = Pattern.compile("施行|实施|生效");
    private static final int LOOK_AHEAD = 40;
    /** A State Council regulation is adopted at a meeting and published weeks later (国务院令). */
    private static final int ADOPTION_TO_PUBLICATION_DAYS = 120;

    /** The version a note names, or null when it names no date. */
    static VersionNote parse(String note) {
        if (note == null) return null;
        Matcher m = DATE.matcher(note);
        String enacted = null;
        String inForce = null;
        List<int[]> spans = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            dates.add(format(m));
        }
        for (int i = 0; i < dates.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : note.length();
            String after = note.substring(spans.get(i)[1], Math.min(end, spans.get(i)[1] + LOOK_AHEAD));
            boolean enactedHere = ENACTED.matcher(after).find();
            boolean inForceHere = IN_FORCE.matcher(after).find();
            if (inForceHere && !enactedHere) inForce = later(inForce, dates.get(i));
            else enacted = later(enacted, dates.get(i));
        }
        if (enacted != null) return new VersionNote(enacted, false);
        return inForce == null ? null : new VersionNote(inForce, true);
    }

    private static String later(String a, String b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    /** The date at the precision written; a day or month that does not exist (2019年4月36日) is dropped. */
    private static String format(Matcher m) {
        int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) return m.group(1);
        String ym = String.format(Locale.ROOT, "%s-%02d", m.group(1), month);
        if (m.group(3) == null) return ym;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), month, Integer.parseInt(m.group(3))).toString();
        } catch (java.time.DateTimeException e) {
            return ym;
        }
    }

    /**
     * The library's version this note names, among a law's versions (oldest first), or null when
     * the library holds no version matching it. A version's date is matched at the note's
     * precision; an adoption date matches the version published up to four months later.
     */
    LawVersion pick(List<LawVersion> versions) {
        if (inForce) {
            for (LawVersion v : versions) if (v.validFrom() != null && v.validFrom().startsWith(date)) return v;
            LawVersion best = null;
            for (LawVersion v : versions) if (v.published().compareTo(endOf(date)) <= 0) best = v;
            // In force from a date: the latest version published by then, unless a later one matches exactly.
            return best;
        }
        for (LawVersion v : versions) if (v.published().startsWith(date)) return v;
        if (date.length() == 10) {
            LocalDate d = LocalDate.parse(date);
            for (LawVersion v : versions) {
                LocalDate p = LocalDate.parse(v.published());
                if (!p.isBefore(d) && !p.isAfter(d.plusDays(ADOPTION_TO_PUBLICATION_DAYS))) return v;
            }
        }
        return null;
    }

    /** True when the note names a date before this version was published. */
    boolean before(LawVersion v) {
        return endOf(date).compareTo(v.published()) < 0;
    }

    /** The last day the date stands for: 2010 → 2010-12-31. */
    private static String endOf(String date) {
        if (date.length() == 4) return date + "-12-31";
        if (date.length() == 7) return date + "-31";
        return date;
    }
}
