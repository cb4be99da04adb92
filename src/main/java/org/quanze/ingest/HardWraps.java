package org.quanze.ingest;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Joins the lines of cells that were hard-wrapped: some sheets are typed (or converted from PDF)
 * with a line break wherever the narrow column ended, inside words ("政策法\n规科", "行政\n处罚").
 * Such a sheet shows itself by its many cells of three or more lines of one width, broken mid-word.
 * In such a sheet every break inside a sentence is removed; a break after a sentence or before a
 * numbered step, a 【tag】 or 第…条 stays. A sheet without that evidence is left as it is, so two
 * offices written on two lines of a normal sheet stay two offices.
 */
final class HardWraps {

    /** A line that starts something of its own: a step number, an enumerator, a 【tag】, an article. */
    private static final Pattern STARTS = Pattern.compile(
            "^\\s*(\\d{1,3}\\s*[.、．)）]|[（(][一二三四五六七八九十\\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[【《]|第[一二三四五六七八九十百千零〇\\d]+[条款章节项])");
    private static final String ENDS = "。；;：:！!？?";
    /** The widest a line of a wrapped column is, in half-width units: wider lines are paragraphs. */
    private static final int NARROW = 40;

    private HardWraps() {}

    /** Joins the hard-wrapped lines of every cell of a sheet (the arrays are changed in place) when the sheet is wrapped. */
    static void join(List<String[]> rows, String sheet, ReadLog log) {
        int candidates = 0, wrapped = 0;
        for (String[] cells : rows) {
            for (String c : cells) {
                if (c == null) continue;
                String[] lines = lines(c);
                if (lines.length < 3) continue;
                candidates++;
                if (looksWrapped(lines)) wrapped++;
            }
        }
        if (wrapped < 3 || wrapped * 2 < candidates) return;
        int changed = 0;
        for (String[] cells : rows) {
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] == null || cells[i].indexOf('\n') < 0) continue;
                String j = joined(cells[i]);
                if (!j.equals(cells[i])) changed++;
                cells[i] = j;
            }
        }
        if (changed > 0) {
            log.remark(sheet, 0, "the sheet's cells are hard-wrapped (line breaks inside words, as a narrow column ended): "
                    + InputLimits.fmt(changed) + " cells were read with those breaks removed");
        }
    }

    private static String[] lines(String cell) {
        return cell.strip().split("\\s*\\n\\s*");
    }

    /** All lines but the last of one width (within one character), narrow, and broken mostly inside sentences. */
    private static boolean looksWrapped(String[] lines) {
        int min = Integer.MAX_VALUE, max = 0, mid = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            int w = width(lines[i]);
            min = Math.min(min, w);
            max = Math.max(max, w);
            if (!structural(lines[i], lines[i + 1])) mid++;
        }
        return max <= NARROW && max - min <= 2 && mid * 2 >= lines.length - 1;
    }

    static String joined(String cell) {
        String[] lines = cell.split("\\n", -1);
        StringBuilder out = new StringBuilder(cell.length());
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (i > 0 && !out.isEmpty() && !l.isEmpty()) {
                String before = out.toString();
                if (structural(before, l)) out.append('\n');
            }
            out.append(l);
        }
        return out.toString();
    }

    private static boolean structural(String before, String after) {
        String b = before.strip();
        if (b.isEmpty()) return true;
        return ENDS.indexOf(b.charAt(b.length() - 1)) >= 0 || STARTS.matcher(after).find();
    }

    /** Display width: a Chinese character or full-width sign is two, anything else one. */
    private static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) w += TextClean.isChinese(s.charAt(i)) || s.charAt(i) >= 0xFF00 ? 2 : 1;
        return w;
    }
}
