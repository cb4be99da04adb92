package org.quanze.ingest;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Word's automatic paragraph numbers ("1." "（一）"), which are not in a paragraph's text: lists
 * number their duty steps and duties this way, and the recognisers split on those numbers. Counts
 * per list in document order, the way Word shows them; bullets are left out.
 */
final class DocxNumbering {

    private static final String CHINESE = "零一二三四五六七八九";
    private static final String HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
    private static final int LEVELS = 9;
    private static final String WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private final XWPFNumbering numbering;
    private final Map<BigInteger, int[]> counters = new HashMap<>();

    DocxNumbering(XWPFNumbering numbering) {
        this.numbering = numbering;
    }

    /** The number Word shows before this paragraph, with its separator, or "" when it has none. */
    String label(XWPFParagraph p) {
        if (numbering == null || p.getNumID() == null) return "";
        try {
            int ilvl = p.getNumIlvl() == null ? 0 : p.getNumIlvl().intValue();
            CTLvl[] levels = levels(p.getNumID());
            if (ilvl < 0 || ilvl >= LEVELS || levels == null || levels[ilvl] == null) return "";
            CTLvl lvl = levels[ilvl];
            String fmt = format(lvl);
            if (fmt.equals("bullet") || fmt.equals("none") || !lvl.isSetLvlText()) return "";
            int[] count = counters.computeIfAbsent(p.getNumID(), k -> new int[LEVELS]);
            count[ilvl] = count[ilvl] == 0 ? start(lvl, p) : count[ilvl] + 1;
            for (int deeper = ilvl + 1; deeper < LEVELS; deeper++) count[deeper] = 0;
            String text = lvl.getLvlText().getVal();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '%' && i + 1 < text.length() && text.charAt(i + 1) >= '1' && text.charAt(i + 1) <= '9') {
                    int k = text.charAt(++i) - '1';
                    int n = k == ilvl ? count[k] : Math.max(count[k], levels[k] == null ? 1 : start(levels[k], null));
                    out.append(number(n, levels[k] == null ? "decimal" : format(levels[k])));
                } else {
                    out.append(ch);
                }
            }
            return out + (suffix(lvl).equals("nothing") ? "" : " ");
        } catch (RuntimeException malformedNumbering) {
            // A numbering definition POI cannot follow costs the number, never the paragraph.
            return "";
        }
    }

    private CTLvl[] levels(BigInteger numId) {
        XWPFNum num = numbering.getNum(numId);
        if (num == null || num.getCTNum().getAbstractNumId() == null) return null;
        XWPFAbstractNum abs = numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
        if (abs == null) return null;
        CTLvl[] out = new CTLvl[LEVELS];
        for (CTLvl l : abs.getCTAbstractNum().getLvlArray()) {
            int i = l.getIlvl().intValue();
            if (i >= 0 && i < LEVELS) out[i] = l;
        }
        return out;
    }

    /**
     * The w:suff after the number (tab, space or nothing), read from the XML: POI's slimmed schema
     * jar has no class for it. A tab or space becomes one space, as the text export has it.
     */
    private static String suffix(CTLvl lvl) {
        for (org.w3c.dom.Node n = lvl.getDomNode().getFirstChild(); n != null; n = n.getNextSibling()) {
            if ("suff".equals(n.getLocalName()) && n instanceof org.w3c.dom.Element e) {
                String v = e.getAttributeNS(WORD_NS, "val");
                return v.isEmpty() ? "tab" : v;
            }
        }
        return "tab";
    }

    private static int start(CTLvl lvl, XWPFParagraph p) {
        if (p != null && p.getNumStartOverride() != null) return p.getNumStartOverride().intValue();
        return lvl.isSetStart() ? ((BigInteger) lvl.getStart().getVal()).intValue() : 1;
    }

    private static String format(CTLvl lvl) {
        return lvl.isSetNumFmt() ? lvl.getNumFmt().getVal().toString() : "decimal";
    }

    static String number(int n, String format) {
        return switch (format) {
            case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
                 "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand" -> chinese(n);
            case "ideographTraditional" -> n >= 1 && n <= 10 ? String.valueOf(HEAVENLY_STEMS.charAt(n - 1)) : chinese(n);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" -> n >= 1 && n <= 20 ? String.valueOf((char) ('①' + n - 1)) : String.valueOf(n);
            case "decimalFullWidth", "decimalFullWidth2" -> fullWidth(n);
            case "decimalZero" -> n < 10 ? "0" + n : String.valueOf(n);
            case "upperLetter" -> letters(n).toUpperCase(java.util.Locale.ROOT);
            case "lowerLetter" -> letters(n);
            case "upperRoman" -> roman(n);
            case "lowerRoman" -> roman(n).toLowerCase(java.util.Locale.ROOT);
            default -> String.valueOf(n);
        };
    }

    /** 1 → 一, 10 → 十, 13 → 十三, 20 → 二十, 105 → 一百零五, as Word's chineseCounting writes them. */
    static String chinese(int n) {
        if (n <= 0 || n >= 10000) return String.valueOf(n);
        String[] units = {"", "十", "百", "千"};
        StringBuilder out = new StringBuilder();
        String digits = String.valueOf(n);
        boolean zero = false;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            int unit = digits.length() - 1 - i;
            if (d == 0) {
                zero = true;
                continue;
            }
            if (zero) out.append('零');
            zero = false;
            if (!(d == 1 && unit == 1 && out.isEmpty())) out.append(CHINESE.charAt(d));
            out.append(units[unit]);
        }
        return out.toString();
    }

    private static String fullWidth(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(n).toCharArray()) out.append((char) ('０' + (c - '0')));
        return out.toString();
    }

    private static String letters(int n) {
        if (n <= 0) return String.valueOf(n);
        // Word repeats the letter: 27 → aa, 28 → bb.
        return String.valueOf((char) ('a' + (n - 1) % 26)).repeat((n - 1) / 26 + 1);
    }

    private static String roman(int n) {
        if (n <= 0 || n >= 4000) return String.valueOf(n);
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] s = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            while (n >= v[i]) {
                out.append(s[i]);
                n -= v[i];
            }
        }
        return out.toString();
    }
}
