package org.quanze.index;

import org.quanze.model.PowerRecord;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The key under which a power is "the same power" in every list that names it: its power type and
 * its name without what lists write differently around the same matter. Lists name a power by
 * what is acted on, framed by 对 … 的 and the kind of power, long (行政处罚) or short (处罚):
 * 对用人单位未按时足额缴纳社会保险费的行政处罚 and 对用人单位未按时足额缴纳社会保险费的处罚 are one
 * power. The frame is taken from the item's own power type, not from a list of wordings, so
 * every type is treated alike; everything else in the name must be equal, so two different
 * matters never share a key.
 */
public final class NameKey {

    /** Separates the power type from the name in a key. */
    static final char SEPARATOR = '|';
    /** The prefix that power types share and lists often leave out at a name's end (行政处罚 → 处罚). */
    private static final String ADMINISTRATIVE = "行政";
    private static final Pattern IGNORED = Pattern.compile("[\\s\\p{P}\\p{S}]+");

    private NameKey() {}

    /** The record's key; null for a duty, an item with no power type, or a name that is only its frame. */
    public static String of(PowerRecord r) {
        if (!PowerRecord.POWER.equals(r.kind()) || r.powerType() == null || r.name() == null) return null;
        return of(r.powerType(), r.name());
    }

    static String of(String powerType, String name) {
        String n = IGNORED.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
        String type = IGNORED.matcher(Normalizer.normalize(powerType, Normalizer.Form.NFKC)).replaceAll("");
        if (n.startsWith("对")) n = n.substring(1);
        String shortType = type.startsWith(ADMINISTRATIVE) && type.length() > ADMINISTRATIVE.length() + 1
                ? type.substring(ADMINISTRATIVE.length()) : null;
        for (String end : shortType == null ? new String[] {type} : new String[] {type, shortType}) {
            if (n.endsWith(end)) {
                n = n.substring(0, n.length() - end.length());
                if (n.endsWith("的")) n = n.substring(0, n.length() - 1);
                break;
            }
        }
        return n.isEmpty() ? null : type + SEPARATOR + n;
    }
}
