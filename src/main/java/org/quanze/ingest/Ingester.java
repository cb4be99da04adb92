package org.quanze.ingest;

import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads every list in a sources folder into normalised records. A file that cannot be read or
 * whose layout is unknown is reported and skipped; the other files still ingest.
 */
public final class Ingester {

    /** Larger files are refused before reading, so one bad upload cannot exhaust memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** Records and the report of one ingest. */
    public record Result(List<PowerRecord> records, IngestReport report) {}

    /** The records of one file, or why there are none. */
    public record FileResult(List<PowerRecord> records, String layout, List<Skip> skips, String error) {}

    private final SourceCatalog catalog;

    public Ingester(SourceCatalog catalog) {
        this.catalog = catalog;
    }

    public Result ingest(Path sourcesDir) throws IOException {
        long t0 = System.nanoTime();
        List<Path> files;
        try (Stream<Path> s = Files.list(sourcesDir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    // "~$list.xlsx" is the lock file Office keeps beside an open document, not a list.
                    .filter(p -> !p.getFileName().toString().startsWith("~$"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        List<PowerRecord> all = new ArrayList<>();
        List<IngestReport.SourceReport> reports = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        for (Path f : files) {
            FileResult r = ingestFile(f);
            all.addAll(r.records());
            skipped.addAll(r.skips());
            Map<String, Integer> perType = new TreeMap<>();
            int duties = 0;
            for (PowerRecord rec : r.records()) {
                if (PowerRecord.DUTY.equals(rec.kind())) duties++;
                else perType.merge(rec.powerType(), 1, Integer::sum);
            }
            reports.add(new IngestReport.SourceReport(f.getFileName().toString(), r.layout(),
                    r.records().size() - duties, duties, perType, r.error()));
        }
        return new Result(all, new IngestReport(reports, skipped, (System.nanoTime() - t0) / 1_000_000));
    }

    public FileResult ingestFile(Path f) {
        String name = f.getFileName().toString();
        try {
            long size = Files.size(f);
            if (size > MAX_FILE_BYTES) return tooLarge(name, size);
            return ingest(name, Files.readAllBytes(f));
        } catch (IOException e) {
            return failed(name, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Ingests one file's bytes, read by its name and content (see {@link GridReaders}: .xlsx,
     * .xls, .docx, .csv or text); never throws for bad content, it reports.
     */
    public FileResult ingest(String name, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) return tooLarge(name, bytes.length);
        Grid grid;
        try {
            grid = GridReaders.read(name, bytes);
        } catch (UnreadableFileException e) {
            return failed(name, e.reason());
        }
        return ingest(grid);
    }

    public FileResult ingest(Grid grid) {
        String name = grid.file();
        Layout best = null;
        int bestScore = 0;
        for (Layout l : Layout.all()) {
            int s = l.recognise(grid);
            if (s > bestScore) {
                best = l;
                bestScore = s;
            }
        }
        if (best == null) return failed(name, "no known list layout: no header row naming the columns (序号, 权力名称, …) and no 表 blocks were found");
        List<Skip> skips = new ArrayList<>();
        List<RecordDraft> drafts;
        try {
            drafts = best.read(grid, skips);
        } catch (RuntimeException e) {
            return failed(name, "the " + best.name() + " reader failed: " + e);
        }
        SourceMeta meta = catalog.meta(name, heading(grid));
        List<PowerRecord> records = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (RecordDraft d : drafts) {
            if (PowerRecord.POWER.equals(d.kind) && d.get(Field.NAME) == null) {
                skips.add(new Skip(name, d.line, "a row without a power name"));
                continue;
            }
            PowerRecord rec;
            try {
                rec = Normaliser.build(d, meta);
            } catch (RuntimeException e) {
                skips.add(new Skip(name, d.line, "cannot be normalised: " + e.getMessage()));
                continue;
            }
            if (!ids.add(rec.id())) {
                skips.add(new Skip(name, d.line, "a second row numbered " + rec.seq() + " in the same table"));
                continue;
            }
            records.add(rec);
        }
        if (records.isEmpty()) {
            return new FileResult(List.of(), best.name(), skips, "no item could be read in the " + best.name() + " layout");
        }
        return new FileResult(records, best.name(), skips, null);
    }

    /** The document's own heading: its first title line, if it has one before any table. */
    static String heading(Grid g) {
        for (Grid.Row r : g.rows()) {
            String t = r.soleText();
            if (t == null || r.cells().size() != 1) return null;
            String plain = TextClean.plain(t).replaceFirst("^#+\\s*", "");
            if (!plain.isEmpty() && !plain.matches("表\\s*\\d.*")) return plain;
            return null;
        }
        return null;
    }

    private static FileResult tooLarge(String file, long size) {
        return failed(file, "the file is " + size / (1024 * 1024) + " MB, over the limit of "
                + MAX_FILE_BYTES / (1024 * 1024) + " MB");
    }

    private static FileResult failed(String file, String reason) {
        return new FileResult(List.of(), null, List.of(new Skip(file, 0, reason)), reason);
    }
}
