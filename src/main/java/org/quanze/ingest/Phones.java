package org.quanze.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phone numbers a record gives (its 监督电话 / 咨询电话 column), in one written form, so that
 * every reader of a record (page, export, command line) dials and groups them the same way:
 * a landline as area code, hyphen, local number ({@code 0825-5801815}, from 0825-5801815,
 * （0825）5801815, 0825 5801815 or 08255801815); a mobile number as its 11 digits; a service
 * number as written ({@code 12345}, {@code 400-123-4567}); a local number without area code as its
 * digits. Anything else in the text (labels, names, 转 extensions) is left out.
 */
public final class Phones {

    private static final String DASH = "[-－—–‐\\s]?";
    /** Area code: 010 and 02X are three digits, every other one four (0825). */
    private static final String AREA = "0(?:10|2\\d|[3-9]\\d{2})";
    private static final Pattern NUMBER = Pattern.compile(
            "(?<!\\d)(?:"
                    + "[（(](?<areaP>" + AREA + ")[）)]\\s?(?<localP>[2-9]\\d{6,7})"
                    + "|(?<area>" + AREA + ")" + DASH + "(?<local>[2-9]\\d{6,7})"
                    + "|(?<mobile>1[3-9]\\d{9})"
                    + "|(?<hotline>[48]00" + DASH + "\\d{3}" + DASH + "\\d{4})"
                    + "|(?<service>12\\d{3})"
                    + "|(?<bare>[2-9]\\d{6,7})"
                    + ")(?!\\d)");

    private Phones() {}

    /** The numbers in the text, each once, in the order they appear; empty for null or none. */
    public static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String n;
            if (m.group("areaP") != null) n = m.group("areaP") + "-" + m.group("localP");
            else if (m.group("area") != null) n = m.group("area") + "-" + m.group("local");
            else if (m.group("hotline") != null) n = m.group("hotline").replaceAll("[^0-9]", "").replaceFirst("(\\d{3})(\\d{3})(\\d{4})", "$1-$2-$3");
            else n = m.group();
            if (!out.contains(n)) out.add(n);
        }
        return out;
    }

    /** The area code of a landline in the written form above (0825 of 0825-5801815), or null. */
    public static String areaCode(String phone) {
        int dash = phone.indexOf('-');
        return dash > 0 && phone.startsWith("0") ? phone.substring(0, dash) : null;
    }

    /** The digits to dial, for a {@code tel:} link. */
    public static String dial(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }
}
