package org.quanze.statute;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A laws folder's {@code laws.tsv}: per file its name, level, publication date and the date it
 * took effect, as the national law database states them (columns file, name, level, publish,
 * valid_from; further columns are ignored). Optional: without it a file's name gives the date.
 */
final class LawMetadata {

    record Row(String name, String level, String published, String validFrom) {}

    private final Map<String, Row> byFile;

    private LawMetadata(Map<String, Row> byFile) {
        this.byFile = byFile;
    }

    static LawMetadata empty() {
        return new LawMetadata(Map.of());
    }

    /** @throws IllegalArgumentException naming the line when a row is malformed */
    static LawMetadata parse(List<String> lines, String file) {
        Map<String, Row> rows = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || (i == 0 && line.startsWith("file\t"))) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 4 || !f[3].matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected file, name, level, publish date (yyyy-MM-dd) and valid_from");
            }
            String validFrom = f.length > 4 && f[4].matches("\\d{4}-\\d{2}-\\d{2}") ? f[4] : null;
            rows.put(f[0].strip(), new Row(f[1].strip(), f[2].isBlank() ? null : f[2].strip(), f[3], validFrom));
        }
        return new LawMetadata(rows);
    }

    /** The row for a file, by its path relative to the folder or, failing that, by its file name. */
    Row row(String relative) {
        Row r = byFile.get(relative);
        if (r != null) return r;
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        for (Map.Entry<String, Row> e : byFile.entrySet()) {
            if (e.getKey().endsWith("/" + name) || e.getKey().equals(name)) return e.getValue();
        }
        return null;
    }
}
