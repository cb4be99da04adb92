package org.quanze.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an ingest did: per source its layout, counts and how its rows were read, every skipped row
 * or file with its reason, the time taken, and the rows that were read with a remark.
 */
public record IngestReport(List<SourceReport> sources, List<Skip> skipped, long millis, List<Remark> remarks) {

    public IngestReport {
        remarks = remarks == null ? List.of() : List.copyOf(remarks);
    }

    public IngestReport(List<SourceReport> sources, List<Skip> skipped, long millis) {
        this(sources, skipped, millis, List.of());
    }

    /**
     * One source file's outcome; {@code layout} is null when the file could not be read.
     * {@code rows} says what became of each of its physical rows (null when it was not read).
     */
    public record SourceReport(String file, String layout, int powers, int duties,
                               Map<String, Integer> perType, String error, Rows rows) {}

    /**
     * The accounting of one file's physical rows (sheet rows, table rows and paragraphs, or
     * lines): {@code physical = items + subItems + continuations + headers + empty + skipped}.
     *
     * @param items         rows an item starts on (its 序号 and name)
     * @param subItems      further rows of an item that each start one of its sub-items (子项)
     * @param continuations further rows of an item that continue it (a cell hard-wrapped or merged over several rows)
     * @param headers       header, title and footnote rows
     * @param empty         rows without text
     * @param skipped       rows not read, each with its line and reason among the skips (hidden rows among them)
     */
    public record Rows(int physical, int items, int subItems, int continuations, int headers, int empty, int skipped) {

        public boolean addsUp() {
            return physical == items + subItems + continuations + headers + empty + skipped;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d rows = %d items + %d sub-item rows + %d continuation rows + %d header/title/footnote rows"
                    + " + %d empty + %d skipped", physical, items, subItems, continuations, headers, empty, skipped);
        }
    }

    public int powers() {
        return sources.stream().mapToInt(SourceReport::powers).sum();
    }

    public int duties() {
        return sources.stream().mapToInt(SourceReport::duties).sum();
    }

    public List<SourceReport> failed() {
        return sources.stream().filter(s -> s.error() != null).toList();
    }
}
