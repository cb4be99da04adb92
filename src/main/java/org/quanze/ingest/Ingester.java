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

    /** Larger files are refused before reading, so one bad file cannot exhaust memory. */
    public static final long MAX_FILE_BYTES = InputLimits.MAX_FILE_BYTES;
    /** Marks a failure that is a bug of ours rather than a fault of the file; tests look for it. */
    static final String INTERNAL = "an internal error stopped the reader: ";

    /** Records and the report of one ingest. */
    public record Result(List<PowerRecord> records, IngestReport report) {}

    /** The records of one file, or why there are none; remarks name rows read with a change. */
    public record FileResult(List<PowerRecord> records, String layout, List<Skip> skips, String error,
                             List<Remark> remarks) {
        public FileResult {
            remarks = remarks == null ? List.of() : List.copyOf(remarks);
        }

        public FileResult(List<PowerRecord> records, String layout, List<Skip> skips, String error) {
            this(records, layout, skips, error, List.of());
        }
    }

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
        List<Remark> remarks = new ArrayList<>();
        for (Path f : files) {
            FileResult r = ingestFile(f);
            all.addAll(r.records());
            skipped.addAll(r.skips());
            remarks.addAll(r.remarks());
            Map<String, Integer> perType = new TreeMap<>();
            int duties = 0;
            for (PowerRecord rec : r.records()) {
                if (PowerRecord.DUTY.equals(rec.kind())) duties++;
                else perType.merge(rec.powerType(), 1, Integer::sum);
            }
            reports.add(new IngestReport.SourceReport(f.getFileName().toString(), r.layout(),
                    r.records().size() - duties, duties, perType, r.error()));
        }
        return new Result(all, new IngestReport(reports, skipped, (System.nanoTime() - t0) / 1_000_000, remarks));
    }

    public FileResult ingestFile(Path f) {
        String name = f.getFileName().toString();
        try {
            long size = Files.size(f);
            if (size > MAX_FILE_BYTES) return failed(name, InputLimits.tooLarge(size));
            return ingest(name, Files.readAllBytes(f));
        } catch (IOException e) {
            return failed(name, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Ingests one file's bytes, read by its name and content (see {@link GridReaders}: .xlsx,
     * .xls, .docx, .csv or text); never throws for bad content, it reports. The size is checked
     * before reading, a text file's line count before decoding, and cells are capped before any
     * layout sees them.
     */
    public FileResult ingest(String name, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) return failed(name, InputLimits.tooLarge(bytes.length));
        InputLimits.Bounded<Remark> remarks = new InputLimits.Bounded<>();
        try {
            return ingest(GridReaders.read(name, bytes, remarks), remarks);
        } catch (UnreadableFileException e) {
            return failed(name, e.reason());
        } catch (RuntimeException | StackOverflowError e) {
            // A reader bug must cost this file, not the whole ingest or the server.
            return failed(name, INTERNAL + e);
        }
    }

    public FileResult ingest(Grid grid) {
        return ingest(grid, new InputLimits.Bounded<>());
    }

    private FileResult ingest(Grid grid, InputLimits.Bounded<Remark> remarks) {
        grid = InputLimits.capped(grid, remarks);
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
        if (best == null) return failed(name, remarks, "no known list layout: no header row naming the columns (序号, 权力名称, …) and no 表 blocks were found");
        InputLimits.Bounded<Skip> skips = new InputLimits.Bounded<>();
        List<RecordDraft> drafts;
        try {
            drafts = best.read(grid, skips);
        } catch (RuntimeException e) {
            return failed(name, remarks, INTERNAL + "the " + best.name() + " reader failed: " + e);
        }
        SourceMeta meta = catalog.meta(name, heading(grid));
        meta = meta.withIdentity(ListIdentity.derive(meta, drafts));
        List<PowerRecord> records = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (RecordDraft d : drafts) {
            for (String why : d.remarks) remarks.add(new Remark(name, d.line, why));
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
        List<Skip> allSkips = new ArrayList<>(skips);
        if (skips.dropped() > 0) {
            allSkips.add(new Skip(name, 0, "and " + InputLimits.fmt(skips.dropped()) + " more rows skipped, not listed"));
        }
        List<Remark> allRemarks = new ArrayList<>(remarks);
        if (remarks.dropped() > 0) {
            allRemarks.add(new Remark(name, 0, "and " + InputLimits.fmt(remarks.dropped()) + " more remarks, not listed"));
        }
        if (records.isEmpty()) {
            return new FileResult(List.of(), best.name(), allSkips, "no item could be read in the " + best.name() + " layout", allRemarks);
        }
        return new FileResult(records, best.name(), allSkips, null, allRemarks);
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

    private static FileResult failed(String file, String reason) {
        return failed(file, List.of(), reason);
    }

    private static FileResult failed(String file, List<Remark> remarks, String reason) {
        return new FileResult(List.of(), null, List.of(new Skip(file, 0, reason)), reason, remarks);
    }
}
