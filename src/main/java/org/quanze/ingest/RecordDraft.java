package org.quanze.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A record as a layout read it: plain text per field, before normalisation. Layouts only fill
 * drafts; {@link Normaliser} turns every draft into the one model the same way.
 */
final class RecordDraft {

    /** The row a draft stands for in the file's row accounting. */
    enum Role { ITEM, SUB_ITEM, NONE }

    final String kind;
    final int line;
    /** The sheet the draft's first row is on, or null. */
    String sheet;
    /**
     * Key unique within the file, stable across re-ingests and independent of the rest of the
     * file: the 序号 (t2-5 in a file's second table, 4.2 for item 4's second sub-item), or 2-3 for 表2-3.
     */
    String key;
    String table;
    /** Titles that may name the power type when the row does not (the table's titles, nearest first, then its sheet). */
    List<String> titles = List.of();
    Role role = Role.NONE;
    private final Map<Field, String> values = new EnumMap<>(Field.class);
    /** What the layout changed or guessed while reading this row, for the report. */
    final java.util.List<String> remarks = new java.util.ArrayList<>(0);

    RecordDraft(String kind, int line) {
        this.kind = kind;
        this.line = line;
    }

    /** Sets a field from a raw cell; text already present (a repeated cell) is kept once. */
    void put(Field f, String rawCell) {
        if (TextClean.hasBidiControls(rawCell) && remarks.stream().noneMatch(r -> r.startsWith(BIDI))) {
            remarks.add(BIDI + " were removed from the text (they make text display in another order than it is written)");
        }
        String plain = TextClean.plain(rawCell);
        if (plain.isEmpty()) return;
        values.merge(f, plain, (old, add) -> old.contains(add) ? old : add.contains(old) ? add : old + "\n" + add);
    }

    private static final String BIDI = "bidi control characters (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F)";

    /**
     * Text of a second column under the label of {@code f} (实施层级及权限 over two columns): kept
     * in the notes under the label, unless it only repeats what {@code f} already holds.
     */
    void putBeside(Field f, String label, String rawCell) {
        String plain = TextClean.plain(rawCell);
        if (plain.isEmpty() || HeaderNames.isFiller(plain)) return;
        String main = values.get(f);
        if (main != null && main.contains(plain)) return;
        if (main == null) {
            put(f, rawCell);
            return;
        }
        put(Field.NOTES, (label == null ? "" : label + "：") + plain);
    }

    /** Fills every field this draft lacks from {@code item}: a sub-item takes its item's values where its own row has none. */
    void inherit(RecordDraft item) {
        for (Map.Entry<Field, String> e : item.values.entrySet()) values.putIfAbsent(e.getKey(), e.getValue());
    }

    String get(Field f) {
        return values.get(f);
    }

    boolean has(Field f) {
        return values.containsKey(f);
    }

    /** A 序号 as a key: "2,3" and "2、3" become "2-3"; no character that needs escaping in a URL. */
    static String keyOf(String seq) {
        String k = seq.strip().replaceAll("[^0-9A-Za-z]+", "-").replaceAll("^-|-$", "");
        return k.isEmpty() ? nameKey(seq) : k;
    }

    /** The key of an item without a 序号: from its name, so that it does not depend on where the item stands. */
    static String nameKey(String name) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "n" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
