package org.quanze.ingest;

import java.util.EnumMap;
import java.util.Map;

/**
 * A record as a layout read it: plain text per field, before normalisation. Layouts only fill
 * drafts; {@link Normaliser} turns every draft into the one model the same way.
 */
final class RecordDraft {
    final String kind;
    final int line;
    /** Key unique within the file, stable across re-ingests (table number and 序号, or 表2-3). */
    String key;
    String table;
    private final Map<Field, String> values = new EnumMap<>(Field.class);
    /** What the layout changed or guessed while reading this row, for the report. */
    final java.util.List<String> remarks = new java.util.ArrayList<>(0);

    RecordDraft(String kind, int line) {
        this.kind = kind;
        this.line = line;
    }

    /** Sets a field from a raw cell; text already present (a repeated cell) is kept once. */
    void put(Field f, String rawCell) {
        String plain = TextClean.plain(rawCell);
        if (plain.isEmpty()) return;
        values.merge(f, plain, (old, add) -> old.contains(add) ? old : add.contains(old) ? add : old + "\n" + add);
    }

    String get(Field f) {
        return values.get(f);
    }

    boolean has(Field f) {
        return values.containsKey(f);
    }
}
