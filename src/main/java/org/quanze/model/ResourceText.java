package org.quanze.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The vocabularies shipped in the jar (header names, levels, law names, measure words, area codes), read as UTF-8 text. */
public final class ResourceText {

    private ResourceText() {}

    /**
     * Every line of the resource, resolved as {@link Class#getResourceAsStream} does for
     * {@code owner}; a missing one is a broken build, said as one.
     */
    public static List<String> lines(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry of a vocabulary: its line number in the file (for errors) and its columns. */
    public record Row(int line, String[] cols) {}

    /**
     * The entries of a tab-separated vocabulary: blank lines and {@code #} comments skipped, each
     * other line at least three columns, the third saying where the entry was seen (every entry of a
     * vocabulary names its source). {@code want} describes the columns for the error that names a
     * line without them.
     */
    public static List<Row> sourcedRows(Class<?> owner, String name, String want) {
        List<String> lines = lines(owner, name);
        List<Row> rows = new java.util.ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t");
            if (cols.length < 3 || cols[2].isBlank()) throw new IllegalStateException(name + " line " + n + ": want " + want);
            rows.add(new Row(n, cols));
        }
        return rows;
    }
}
