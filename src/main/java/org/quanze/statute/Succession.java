package org.quanze.statute;

import java.util.ArrayList;
import java.util.List;

/**
 * A change that takes a law, or the numbering of its articles, out of force.
 *
 * @param law              the canonical name of the law affected
 * @param event            {@link #REPEALED}: the law is no longer in force; {@link #RENUMBERED}: a
 *                         revision renumbered its articles, so numbers cited from earlier versions
 *                         point at other provisions
 * @param date             the date the change took effect (yyyy-MM-dd)
 * @param successor        what replaced the law (its canonical name); for a renumbering the law itself
 * @param successorVersion the publication date of the successor's version that made the change, where known
 * @param source           where the change is stated: an article of the successor, an order number
 */
public record Succession(String law, String event, String date, String successor, String successorVersion, String source) {

    public static final String REPEALED = "repealed";
    public static final String RENUMBERED = "renumbered";
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    /**
     * Reads {@code successions.tsv}: law, event, date, successor, successor version (may be
     * empty) and source, tab-separated; # starts a comment.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed row
     */
    static List<Succession> parse(List<String> lines, String file) {
        List<Succession> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            String where = file + " line " + (i + 1) + ": ";
            if (f.length != 6) throw new IllegalArgumentException(where + "expected 6 tab-separated columns (law, event, date, successor, successor version, source), found " + f.length);
            if (!f[1].equals(REPEALED) && !f[1].equals(RENUMBERED)) throw new IllegalArgumentException(where + "the event must be repealed or renumbered, not '" + f[1] + "'");
            if (!f[2].matches(DATE)) throw new IllegalArgumentException(where + "the date must be yyyy-MM-dd, not '" + f[2] + "'");
            if (!f[4].isEmpty() && !f[4].matches(DATE)) throw new IllegalArgumentException(where + "the successor version must be yyyy-MM-dd or empty, not '" + f[4] + "'");
            if (f[0].isBlank() || f[3].isBlank() || f[5].isBlank()) throw new IllegalArgumentException(where + "law, successor and source must not be empty");
            out.add(new Succession(LawNames.normalise(f[0]), f[1], f[2], LawNames.normalise(f[3]), f[4].isEmpty() ? null : f[4], f[5].strip()));
        }
        return out;
    }
}
