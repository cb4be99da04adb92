package org.quanze.cli;

import org.quanze.Engine;
import org.quanze.export.ExportName;
import org.quanze.export.JsonLines;
import org.quanze.export.RecordTable;
import org.quanze.export.XlsxExport;
import org.quanze.index.IndexStore;
import org.quanze.index.OpenSearchExport;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Console;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Every normalised record (powers and duties) from DIR/sources, to standard output or --out FILE. "
                + "xlsx writes three sheets (powers, duties, statute citations) and needs --out or a redirected output.",
                "opensearch writes an index mapping and bulk NDJSON into the folder --out DIR (see docs/SCALING.md)."})
public final class ExportCommand implements Callable<Integer> {

    enum Format { jsonl, csv, xlsx, opensearch }

    @Mixin
    DataOption data;
    @Option(names = "--format", required = true, description = "jsonl, csv, xlsx or opensearch.")
    Format format;
    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output; an existing folder "
            + "gets a file named for its content, e.g. 权责清单-全部-2026-12-01.xlsx (for opensearch: the folder to write into).")
    Path out;
    @Option(names = "--index", defaultValue = "quanze", description = "For opensearch: the index name in the bulk actions (default: ${DEFAULT-VALUE}).")
    String index;

    @Override
    public Integer call() throws Exception {
        if (format == Format.opensearch && out == null) {
            throw new IllegalArgumentException("--format opensearch writes two files: give the folder with --out DIR");
        }
        if (format == Format.xlsx && out == null && stdoutIsTerminal()) {
            throw new IllegalArgumentException("xlsx is a binary file: give --out FILE, or redirect the output to a file");
        }
        IndexStore store = new IndexStore(data.dir);
        // The same records the index holds: every citation checked against the statute library.
        Engine.Checked r = Engine.read(store, store.sourcesDir());
        r.report().skipped().forEach(s -> System.err.println("skipped: " + s));
        List<PowerRecord> records = r.records();
        if (format == Format.opensearch) return openSearch(records, r.laws());
        if (out != null && Files.isDirectory(out)) out = out.resolve(ExportName.ofAll(java.time.LocalDate.now()) + "." + format);
        try (OutputStream os = out == null ? new UnclosedStream(System.out) : new BufferedOutputStream(Files.newOutputStream(out))) {
            write(records, format, os);
        }
        if (out != null) System.err.println("Wrote " + records.size() + " records to " + out);
        return 0;
    }

    private int openSearch(List<PowerRecord> records, org.quanze.statute.LawLibrary laws) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("mapping.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(OpenSearchExport.mapping()) + "\n", StandardCharsets.UTF_8);
        long n;
        try (Writer w = Files.newBufferedWriter(out.resolve("bulk.ndjson"), StandardCharsets.UTF_8)) {
            n = OpenSearchExport.bulk(records, laws::basisArticles, index, w);
        }
        System.err.println("Wrote " + out.resolve("mapping.json") + " and " + n + " records to " + out.resolve("bulk.ndjson")
                + "; load with PUT /" + index + " (the mapping) and POST /_bulk (the NDJSON), see docs/SCALING.md");
        return 0;
    }

    static void write(List<PowerRecord> records, Format format, OutputStream os) throws IOException {
        if (format == Format.xlsx) {
            XlsxExport.write(records, os);
            os.flush();
            return;
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
        if (format == Format.jsonl) {
            for (PowerRecord rec : records) w.write(JsonLines.line(rec) + "\n");
        } else {
            RecordTable.csv(records, w);
        }
        w.flush();
    }

    /**
     * Whether standard output is a terminal. Java 22+ answers with Console.isTerminal(); on 21 a
     * console exists only when both standard input and output are terminals.
     */
    static boolean stdoutIsTerminal() {
        Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException java21) {
            return true;
        }
    }

    /** Standard output stays open for whoever else writes to it. */
    private static final class UnclosedStream extends java.io.FilterOutputStream {
        UnclosedStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
