package org.quanze.ingest;

import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every list in a sources folder into normalised records. Whatever goes wrong in one file
 * costs that file only: it is reported with its name and reason, and the other files ingest.
 * Start-up, reindex and upload all read through here, so the same limits apply to each.
 */
public final class Ingester {

    /** Larger files are refused before reading, so one bad file cannot exhaust memory. */
    public static final long MAX_FILE_BYTES = InputLimits.MAX_FILE_BYTES;
    /** Marks a failure that is a bug of ours rather than a fault of the file; tests look for it. */
    static final String INTERNAL = "an internal error stopped the reader: ";
    /** 附件, 附件1：: the attachment line above a document's title is not its title. */
    private static final Pattern ATTACHMENT = Pattern.compile("附[件表]\\s*[0-9０-９一二三四五六七八九十]*\\s*[:：]?");

    /** Records and the report of one ingest. */
    public record Result(List<PowerRecord> records, IngestReport report) {}

    /**
     * The records of one file, or why there are none; remarks name rows read with a change, and
     * {@code rows} accounts for every physical row (null when the file could not be read).
     */
    public record FileResult(List<PowerRecord> records, String layout, List<Skip> skips, String error,
                             List<Remark> remarks, IngestReport.Rows rows) {
        public FileResult {
            remarks = remarks == null ? List.of() : List.copyOf(remarks);
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
            String name = f.getFileName().toString();
            FileResult r = ingestFile(f);
            IngestReport.SourceReport report;
            try {
                report = report(name, r);
            } catch (RuntimeException e) {
                // Counting a file's records must not cost the other files either.
                r = failed(name, INTERNAL + "its report could not be made: " + e);
                report = report(name, r);
            }
            all.addAll(r.records());
            skipped.addAll(r.skips());
            remarks.addAll(r.remarks());
            reports.add(report);
        }
        return new Result(all, new IngestReport(reports, skipped, (System.nanoTime() - t0) / 1_000_000, remarks));
    }

    private static IngestReport.SourceReport report(String name, FileResult r) {
        Map<String, Integer> perType = new TreeMap<>();
        int duties = 0;
        for (PowerRecord rec : r.records()) {
            if (PowerRecord.DUTY.equals(rec.kind())) duties++;
            else perType.merge(rec.powerType() == null ? "其他行政权力" : rec.powerType(), 1, Integer::sum);
        }
        return new IngestReport.SourceReport(name, r.layout(), r.records().size() - duties, duties, perType, r.error(), r.rows());
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
     * Ingests one file's bytes, read by their content (see {@link GridReaders}: .xlsx, .xls, .docx,
     * .csv or text); never throws for bad content, it reports. The size is checked before reading,
     * an Office package's unpacked size before parsing, a text file's line count before decoding,
     * and cells are capped before any layout sees them.
     */
    public FileResult ingest(String name, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) return failed(name, InputLimits.tooLarge(bytes.length));
        ReadLog log = new ReadLog(name);
        try {
            return ingest(GridReaders.read(name, bytes, log), log);
        } catch (UnreadableFileException e) {
            return failed(name, log, e.reason());
        } catch (RuntimeException | StackOverflowError e) {
            // A reader bug must cost this file, not the whole ingest or the server.
            return failed(name, log, INTERNAL + e);
        }
    }

    public FileResult ingest(Grid grid) {
        return ingest(grid, new ReadLog(grid.file()));
    }

    private FileResult ingest(Grid grid, ReadLog log) {
        grid = InputLimits.capped(grid, log).withoutBlankMargin().withSeqFirst();
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
        if (best == null) {
            return failed(name, log, "no known list layout: no header row naming the columns (序号, 权力名称, …) and no 表 blocks were found");
        }
        List<RecordDraft> drafts;
        try {
            drafts = best.read(grid, log);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(name, log, INTERNAL + "the " + best.name() + " reader failed: " + e);
        }
        SourceMeta meta = catalog.meta(name, heading(grid));
        meta = meta.withIdentity(ListIdentity.derive(meta, drafts));
        List<PowerRecord> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RecordDraft d : drafts) {
            String why = null;
            PowerRecord rec = null;
            if (PowerRecord.POWER.equals(d.kind) && d.get(Field.NAME) == null) {
                why = "a row without a power name";
            } else {
                try {
                    rec = Normaliser.build(d, meta);
                    if (!ids.add(rec.id())) why = "a second row numbered " + rec.seq() + " in the same table";
                } catch (RuntimeException e) {
                    why = "cannot be normalised: " + e.getMessage();
                }
            }
            for (String remark : d.remarks) log.remark(d.sheet, d.line, remark);
            if (why != null) {
                log.skip(d.sheet, d.line, why);
                dropped(d, log.rows);
                continue;
            }
            records.add(rec);
        }
        // Rows the reader left out of the grid are empty ones (its hidden rows it counted as skipped).
        log.rows.empty += grid.physicalRows() - grid.rows().size() - log.readerSkipped;
        IngestReport.Rows rows = log.rows.total(grid.physicalRows());
        List<Skip> skips = closed(log.skips, name, "more rows skipped, not listed", (f, n) -> new Skip(f, 0, n));
        List<Remark> remarks = closed(log.remarks, name, "more remarks, not listed", (f, n) -> new Remark(f, 0, n));
        if (records.isEmpty()) {
            return new FileResult(List.of(), best.name(), skips, "no item could be read in the " + best.name() + " layout", remarks, rows);
        }
        return new FileResult(records, best.name(), skips, null, remarks, rows);
    }

    /** A draft that did not become a record: its row moves from items (or sub-item rows) to the skipped rows. */
    private static void dropped(RecordDraft d, ReadLog.RowTally t) {
        switch (d.role) {
            case ITEM -> t.items--;
            case SUB_ITEM -> t.subItems--;
            case NONE -> { return; }
        }
        t.skipped++;
    }

    private static <T> List<T> closed(InputLimits.Bounded<T> list, String file, String more,
                                      java.util.function.BiFunction<String, String, T> line) {
        List<T> out = new ArrayList<>(list);
        if (list.dropped() > 0) out.add(line.apply(file, "and " + InputLimits.fmt(list.dropped()) + " " + more));
        return out;
    }

    /** The document's own heading: its first title line (an 附件 line passed over), if it has one before any table. */
    static String heading(Grid g) {
        for (Grid.Row r : g.rows()) {
            String t = r.soleText();
            if (t == null || r.cells().size() != 1) return null;
            String plain = TextClean.plain(t).replaceFirst("^#+\\s*", "");
            if (plain.isEmpty() || ATTACHMENT.matcher(plain).matches()) continue;
            if (!plain.matches("表\\s*\\d.*")) return plain;
            return null;
        }
        return null;
    }

    private static FileResult failed(String file, String reason) {
        return failed(file, new ReadLog(file), reason);
    }

    private static FileResult failed(String file, ReadLog log, String reason) {
        List<Skip> skips = List.of(new Skip(file, 0, reason));
        return new FileResult(List.of(), null, skips, reason, List.copyOf(log.remarks), null);
    }
}
