package org.quanze.statute;

import java.util.Map;

import org.quanze.model.StatuteCheck;

/** The 法律依据状态 facet's values as the page and the command line show them. */
public final class LawStatus {

    private static final Map<String, String> LABELS = Map.of(
            StatuteCheck.CURRENT, "现行有效",
            StatuteCheck.SUPERSEDED, "引用旧版本（条文已变）",
            StatuteCheck.REPEALED, "已废止",
            StatuteCheck.UNKNOWN, "法规库未收录",
            StatuteCheck.MISQUOTED, "引文与法律不符");

    private LawStatus() {}

    /** The label of a facet value, or the value itself for one this version does not know. */
    public static String label(String value) {
        return LABELS.getOrDefault(value, value);
    }
}
