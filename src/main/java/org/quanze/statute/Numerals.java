package org.quanze.statute;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as the lists and the laws write them: Arabic digits (half- or full-width) and Chinese
 * numerals (一…九, 十, 百, 千, 万, 零/〇, 两). One grammar for citations in the lists, references
 * typed in a question and article headings in the official texts.
 */
public final class Numerals {

    /** A number as a regular-expression fragment (no group): digits, or a run of Chinese numerals. */
    public static final String NUMBER = "(?:[0-9０-９]{1,6}|[零〇一二两三四五六七八九十百千万]{1,12})";

    private static final String DIGITS = "零一二三四五六七八九";

    private Numerals() {}

    /**
     * The value of {@code text}, or -1 when it is not one well-formed number: 5, ５, 十, 十一,
     * 二十, 一百零四, 一百一十, 两百, 一千零一, 一万二千. 零 stands only for a skipped unit
     * (一百零四); "一二" or "十百" are not numbers.
     */
    public static int parse(String text) {
        if (text == null || text.isEmpty()) return -1;
        if (isDigit(text.charAt(0))) return parseDigits(text);
        int total = 0;        // everything above the current 万 section
        int section = 0;      // the current section below 万
        int digit = -1;
        int lastUnit = Integer.MAX_VALUE;
        boolean zero = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = c == '〇' ? 0 : c == '两' ? 2 : DIGITS.indexOf(c);
            if (value == 0) {
                if (digit != -1 || (total == 0 && section == 0)) return -1;
                zero = true;
            } else if (value > 0) {
                if (digit != -1) return -1;
                digit = value;
            } else if (c == '万') {
                int here = section + (digit == -1 ? 0 : digit);
                if (here == 0 || total != 0) return -1;
                total = here * 10_000;
                section = 0;
                digit = -1;
                lastUnit = Integer.MAX_VALUE;
                zero = false;
            } else {
                int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : -1;
                // A bare 十 is 一十 (十一, 一百十), but only at the start of a section.
                if (unit < 0 || unit >= lastUnit || (digit == -1 && (unit != 10 || zero))) return -1;
                section += (digit == -1 ? 1 : digit) * unit;
                digit = -1;
                lastUnit = unit;
                zero = false;
            }
        }
        return total + section + (digit == -1 ? 0 : digit);
    }

    private static int parseDigits(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) return -1;
            n = n * 10 + Character.digit(c, 10);  // Character.digit reads full-width digits too
            if (n > Integer.MAX_VALUE) return -1;
        }
        return (int) n;
    }

    private static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    /** An article number with its 之N suffix, as in 第二十条之一 (20, 1); {@code sub} is 0 for a plain article. */
    public record Article(int number, int sub) {
        /** The official heading: 第二十条, 第二十条之一. */
        public String label() {
            return "第" + chinese(number) + "条" + (sub == 0 ? "" : "之" + chinese(sub));
        }
    }

    /** An article from its number and the numeral of its 之N suffix (null or empty for none); null when malformed. */
    public static Article article(String number, String sub) {
        int n = parse(number);
        if (n <= 0) return null;
        int s = sub == null || sub.isEmpty() ? 0 : parse(sub);
        return s < 0 ? null : new Article(n, s);
    }

    /** The number in Chinese numerals as the laws write article numbers: 1 → 一, 10 → 十, 104 → 一百零四, 110 → 一百一十. */
    public static String chinese(int n) {
        if (n < 0) throw new IllegalArgumentException("negative: " + n);
        if (n == 0) return "零";
        if (n >= 10_000) {
            int rest = n % 10_000;
            return chinese(n / 10_000) + "万" + (rest == 0 ? "" : (rest < 1000 ? "零" : "") + below10k(rest, false));
        }
        return below10k(n, true);
    }

    private static String below10k(int n, boolean leading) {
        StringBuilder b = new StringBuilder();
        int[] units = {1000, 100, 10, 1};
        String[] names = {"千", "百", "十", ""};
        boolean pendingZero = false;
        for (int i = 0; i < units.length; i++) {
            int d = n / units[i] % 10;
            if (d == 0) {
                if (b.length() > 0) pendingZero = true;
                continue;
            }
            if (pendingZero) b.append('零');
            pendingZero = false;
            // 十一, not 一十一, when 十 leads the number.
            if (!(d == 1 && units[i] == 10 && b.length() == 0 && leading)) b.append(DIGITS.charAt(d));
            b.append(names[i]);
        }
        return b.toString();
    }

    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9０-９]{1,6}");

    /**
     * The text with every run of Arabic digits written in Chinese numerals and 两 as 二, so that
     * "处2倍以上5倍以下" and "处二倍以上五倍以下", "不得少于2人" and "不得少于两人" compare equal.
     */
    public static String toChinese(String text) {
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder b = new StringBuilder(text.length());
        while (m.find()) {
            int n = parseDigits(m.group());
            m.appendReplacement(b, n < 0 ? m.group() : chinese(n));
        }
        m.appendTail(b);
        return b.toString().replace('两', '二');
    }
}
