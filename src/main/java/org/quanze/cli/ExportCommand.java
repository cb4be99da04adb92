package org.quanze.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quanze.index.IndexStore;
import org.quanze.index.OpenSearchExport;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.model.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Every normalised record (powers and duties) from DIR/sources to standard output;",
                "with --format opensearch, an index mapping and bulk NDJSON into --out (see docs/SCALING.md)."})
public final class ExportCommand implements Callable<Integer> {

    enum Format { jsonl, csv, opensearch }

    @Mixin
    DataOption data;
    @Option(names = "--format", required = true, description = "jsonl, csv or opensearch.")
    Format format;
    @Option(names = "--out", paramLabel = "DIR", description = "For opensearch: the folder for mapping.json and bulk.ndjson.")
    Path out;
    @Option(names = "--index", defaultValue = "quanze", description = "For opensearch: the index name in the bulk actions (default: ${DEFAULT-VALUE}).")
    String index;

    static final List<String> CSV_HEADER = List.of("id", "kind", "sourceId", "sourceFile", "sourceTitle", "seq", "table",
            "powerType", "powerTypeRaw", "name", "subItem", "authority", "units", "levels", "levelRaw", "basis",
            "responsibilities", "responsibilityBasis", "accountableParties", "accountability", "exemption", "supervision",
            "acceptanceConditions", "timeLimit", "place", "notes", "departmentDuty", "statutes");

    @Override
    public Integer call() throws Exception {
        if (format == Format.opensearch && out == null) {
            throw new IllegalArgumentException("--format opensearch writes two files: give the folder with --out DIR");
        }
        IndexStore store = new IndexStore(data.dir);
        Ingester.Result r = new Ingester(SourceCatalog.load(store.catalogFile())).ingest(store.sourcesDir());
        r.report().skipped().forEach(s -> System.err.println("skipped: " + s));
        if (format == Format.opensearch) return openSearch(r.records());
        Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (format == Format.jsonl) {
            for (PowerRecord rec : r.records()) w.write(Json.write(rec) + "\n");
        } else {
            csv(r.records(), w);
        }
        w.flush();
        return 0;
    }

    private int openSearch(List<PowerRecord> records) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("mapping.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(OpenSearchExport.mapping()) + "\n", StandardCharsets.UTF_8);
        long n;
        try (Writer w = Files.newBufferedWriter(out.resolve("bulk.ndjson"), StandardCharsets.UTF_8)) {
            n = OpenSearchExport.bulk(records, index, w);
        }
        System.err.println("Wrote " + out.resolve("mapping.json") + " and " + n + " records to " + out.resolve("bulk.ndjson")
                + "; load with PUT /" + index + " (the mapping) and POST /_bulk (the NDJSON), see docs/SCALING.md");
        return 0;
    }

    public static void csv(List<PowerRecord> records, Appendable out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get())) {
            for (PowerRecord r : records) p.printRecord(row(r));
            p.flush();
        }
    }

    /** One CSV row: lists joined with 、, steps numbered one per line, statutes as law/article (role). */
    public static List<String> row(PowerRecord r) {
        List<String> v = new ArrayList<>();
        v.add(r.id()); v.add(r.kind()); v.add(r.source().id()); v.add(r.source().file()); v.add(r.source().title());
        v.add(r.seq()); v.add(r.table()); v.add(r.powerType()); v.add(r.powerTypeRaw()); v.add(r.name()); v.add(r.subItem());
        v.add(r.authority()); v.add(String.join("、", r.units())); v.add(String.join("、", r.levels())); v.add(r.levelRaw());
        v.add(r.basis());
        List<String> steps = new ArrayList<>();
        int i = 1;
        for (Step s : r.responsibilities()) steps.add((i++) + "." + (s.title() == null ? "" : s.title() + "：") + s.text());
        v.add(String.join("\n", steps));
        v.add(r.responsibilityBasis()); v.add(r.accountableParties()); v.add(r.accountability()); v.add(r.exemption());
        v.add(r.supervision()); v.add(r.acceptanceConditions()); v.add(r.timeLimit()); v.add(r.place()); v.add(r.notes());
        v.add(r.departmentDuty());
        v.add(r.statutes().stream().map(s -> s.path() + " (" + s.role() + ")").collect(Collectors.joining("; ")));
        return v;
    }

}
