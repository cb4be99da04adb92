package org.quanze.ingest;

import java.util.List;
import java.util.Map;

/**
 * What an ingest did: per source its layout and counts, every skipped row or file with its reason,
 * the time taken, and the rows that were read with a remark (cut cells, missing or extra cells).
 */
public record IngestReport(List<SourceReport> sources, List<Skip> skipped, long millis, List<Remark> remarks) {

    public IngestReport {
        remarks = remarks == null ? List.of() : List.copyOf(remarks);
    }

    public IngestReport(List<SourceReport> sources, List<Skip> skipped, long millis) {
        this(sources, skipped, millis, List.of());
    }

    /** One source file's outcome; {@code layout} is null when the file could not be read. */
    public record SourceReport(String file, String layout, int powers, int duties,
                               Map<String, Integer> perType, String error) {}

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
