package org.quanze.ingest;

/**
 * What happened while one file was read: the rows skipped and the remarks (each list bounded, see
 * {@link InputLimits.Bounded}), and how every physical row was accounted for. Readers, layouts and
 * the {@link Ingester} all write to the one log of the file they read.
 */
final class ReadLog {

    final String file;
    final InputLimits.Bounded<Skip> skips = new InputLimits.Bounded<>();
    final InputLimits.Bounded<Remark> remarks = new InputLimits.Bounded<>();
    final RowTally rows = new RowTally();
    /** Rows the reader itself skipped (hidden rows), which are not among the grid's rows. */
    int readerSkipped;

    ReadLog(String file) {
        this.file = file;
    }

    void skip(String sheet, int line, String reason) {
        skips.add(new Skip(file, sheet, line, reason));
    }

    void remark(String sheet, int line, String reason) {
        remarks.add(new Remark(file, sheet, line, reason));
    }

    /** How the physical rows of a file were read; the parts add up to {@code physical}. */
    static final class RowTally {
        int items, subItems, continuations, headers, empty, skipped;

        IngestReport.Rows total(int physical) {
            return new IngestReport.Rows(physical, items, subItems, continuations, headers, empty, skipped);
        }
    }
}
