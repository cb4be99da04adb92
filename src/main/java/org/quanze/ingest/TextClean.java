package org.quanze.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw list cell into plain text. The five source layouts mix HTML fragments (from web
 * exports) with Word artefacts and irregular spacing (from .docx exports); everything downstream
 * (statute extraction, display, indexing) wants one tidy form. Never depends on the default locale.
 */
public final class TextClean {

    private TextClean() {
    }

    /** Word field codes that leak into the text export, e.g. {@code [bookmark: _GoBack]}. */
    private static final Pattern WORD_ARTEFACT =
            Pattern.compile("\\[(?:bookmark|footnoteRef|endnoteRef|commentRef):[^\\]\\n]*]", Pattern.CASE_INSENSITIVE);
    /** Tags that start or end a visual line; they become line breaks so paragraphs survive. */
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "<\\s*(?:br|/?p|/?div|/?li|/?ol|/?ul|/?tr|/?h[1-6]|/?table)(?:\\s[^<>]*)?/?\\s*>", Pattern.CASE_INSENSITIVE);
    /**
     * Any other tag or comment. Requires a letter, '/' or '!' after '<' so that a literal
     * comparison such as "a < b" in the text is left alone.
     */
    private static final Pattern ANY_TAG = Pattern.compile("<!--.*?-->|<[/!]?[A-Za-z][^<>]*>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));");
    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("nbsp", "\u00A0"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("amp", "&"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("ensp", "\u2002"), Map.entry("emsp", "\u2003"),
            Map.entry("thinsp", "\u2009"), Map.entry("middot", "·"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("mdash", "—"), Map.entry("ndash", "–"),
            Map.entry("hellip", "…"), Map.entry("times", "×"));
    /** Digit/hyphen groups separated by single spaces: a candidate for a phone number split by Word. */
    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<![\\w.\\-])[0-9][0-9\\-]*(?: [0-9\\-]+)+(?![\\w\\-])");
    /** Complete phone numbers: area code + local number, mobile, and 400/800 service numbers. */
    private static final Pattern PHONE = Pattern.compile(
            "0\\d{2,3}-?[2-9]\\d{6,7}|1[3-9]\\d{9}|[2-9]\\d{6,7}|[48]00-?\\d{3}-?\\d{4}");
    /** Without an area code a 7–8 digit group is only a phone number when labelled as one. */
    private static final Pattern PHONE_LABEL = Pattern.compile("(?:电话|热线|手机|传真|联系方式|Tel|TEL|tel)\\S{0,3}\\s*$");

    /**
     * Plain text of a cell: tags removed, entities decoded, paragraph breaks kept as "\n",
     * Word artefacts dropped, each line trimmed with runs of blanks collapsed, empty lines
     * dropped, spaces inside Chinese text removed and split phone numbers joined.
     *
     * @param cell raw cell text, may be null
     * @return the cleaned text, never null
     */
    public static String plain(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        String s = WORD_ARTEFACT.matcher(cell).replaceAll("");
        s = BLOCK_TAG.matcher(s).replaceAll("\n");
        s = ANY_TAG.matcher(s).replaceAll("");
        // Entities after tags: an encoded "&lt;p&gt;" is text, not markup.
        s = decodeEntities(s);
        s = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            String tidy = joinPhoneNumbers(dropCjkSpaces(collapseBlanks(line)));
            if (!tidy.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(tidy);
            }
        }
        return out.toString();
    }

    /**
     * A title (an item's or a sub-item's name) on one line. Offices break long names inside
     * their cells (Alt+Enter) to fit a narrow column: 麻醉药品、精神\n药品邮寄许可. The break is
     * layout, not text, so it goes, leaving one space only where it parted two Latin words or
     * numbers (ISO 9001), which would otherwise run together.
     *
     * @param text plain text as {@link #plain} gives it, may be null
     */
    public static String oneLine(String text) {
        if (text == null || text.indexOf('\n') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n') {
                sb.append(c);
                continue;
            }
            int before = sb.isEmpty() ? ' ' : sb.codePointBefore(sb.length());
            int after = i + 1 < text.length() ? text.codePointAt(i + 1) : ' ';
            if (!isChinese(before) && Character.isLetterOrDigit(before) && !isChinese(after) && Character.isLetterOrDigit(after)) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /** Full-width digits (０–９) as ASCII ones, everything else as it is; null stays null. */
    public static String asciiDigits(String text) {
        if (text == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                if (sb == null) sb = new StringBuilder(text);
                sb.setCharAt(i, (char) (c - '０' + '0'));
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String replacement = m.group();
            if (m.group(1) != null || m.group(2) != null) {
                int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                if (Character.isValidCodePoint(cp) && cp != 0) {
                    replacement = new String(Character.toChars(cp));
                }
            } else {
                replacement = NAMED_ENTITIES.getOrDefault(m.group(3), replacement);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** One space for any run of blanks (tab, NBSP, en space, ideographic space…), trimmed; zero-width marks dropped. */
    private static String collapseBlanks(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD' || isBidiControl(c)) {
                continue;
            }
            if (isBlank(c)) {
                pendingSpace = !sb.isEmpty();
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Word exports put spaces between Chinese characters and around full-width punctuation,
     * where Chinese typography has none. Spaces between Latin words or digits, and between a
     * Chinese character and a digit (e.g. before a list marker "条 2."), are kept.
     */
    private static String dropCjkSpaces(String line) {
        if (line.indexOf(' ') < 0) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' && i > 0 && i + 1 < line.length()) {
                int before = line.codePointBefore(i);
                int after = line.codePointAt(i + 1);
                boolean bothChinese = isChinese(before) && isChinese(after);
                if (bothChinese || isCjkPunctuation(before) || isCjkPunctuation(after)) {
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Joins digit groups that Word split with spaces, but only as far as they form one phone
     * number: "0825-5801 815" is joined and stops there, so a following list marker "2" is not
     * swallowed; years or counts without a phone shape or label are left alone.
     */
    private static String joinPhoneNumbers(String line) {
        Matcher m = DIGIT_GROUPS.matcher(line);
        if (!m.find()) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        int last = 0;
        do {
            sb.append(line, last, m.start());
            String[] groups = m.group().split(" ");
            boolean labelled = PHONE_LABEL.matcher(line.substring(0, m.start())).find();
            int i = 0;
            while (i < groups.length) {
                int end = completePhoneEnd(groups, i, labelled);
                if (end > i) {
                    for (int k = i; k <= end; k++) {
                        sb.append(groups[k]);
                    }
                    i = end + 1;
                } else {
                    sb.append(groups[i]);
                    i++;
                }
                if (i < groups.length) {
                    sb.append(' ');
                }
                labelled = false;
            }
            last = m.end();
        } while (m.find());
        sb.append(line, last, line.length());
        return sb.toString();
    }

    /** Index of the first group after {@code from} at which the joined groups make a phone number, or -1. */
    private static int completePhoneEnd(String[] groups, int from, boolean labelled) {
        String first = groups[from];
        boolean phoneShaped = labelled || first.startsWith("0") || first.startsWith("1")
                || first.startsWith("400") || first.startsWith("800");
        if (!phoneShaped || PHONE.matcher(first).matches()) {
            return -1;
        }
        StringBuilder joined = new StringBuilder(first);
        for (int k = from + 1; k < groups.length; k++) {
            joined.append(groups[k]);
            if (PHONE.matcher(joined).matches()) {
                return k;
            }
            if (joined.length() > 13) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The invisible characters that reorder the text around them (U+202A–U+202E embeddings and
     * overrides, U+2066–U+2069 isolates, U+200E/U+200F and U+061C marks): a cell holding U+202E
     * shows "exe.txt" for "txt.exe". No list needs them, so {@link #plain} drops them.
     */
    public static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    /** Whether the text holds a {@linkplain #isBidiControl bidi control}. */
    public static boolean hasBidiControls(String s) {
        if (s == null) return false;
        for (int i = 0; i < s.length(); i++) if (isBidiControl(s.charAt(i))) return true;
        return false;
    }

    /** The text without {@linkplain #isBidiControl bidi controls}, for output that may still hold them. */
    public static String withoutBidiControls(String s) {
        if (!hasBidiControls(s)) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) if (!isBidiControl(s.charAt(i))) b.append(s.charAt(i));
        return b.toString();
    }

    static boolean isBlank(char c) {
        return c != '\n' && (Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** A Han character or full-width/CJK punctuation. */
    static boolean isChinese(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || isCjkPunctuation(cp);
    }

    /** CJK symbols and punctuation, and the full-width punctuation (not digits or letters) of the FF00 block. */
    static boolean isCjkPunctuation(int cp) {
        return (cp >= 0x3000 && cp <= 0x303F && cp != 0x3007)
                || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20)
                || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
    }
}
