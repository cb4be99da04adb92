package org.quanze.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quanze.index.IndexStore;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Every normalised record (powers and duties) from DIR/sources to standard output.")
public final class ExportCommand implements Callable<Integer> {

    enum Format { jsonl, csv }

    @Mixin
    DataOption data;
    @Option(names = "--format", required = true, description = "jsonl or csv.")
    Format format;

    static final List<String> CSV_HEADER = List.of("id", "kind", "sourceId", "sourceFile", "sourceTitle", "seq", "table",
            "powerType", "powerTypeRaw", "name", "subItem", "authority", "units", "levels", "levelRaw", "basis",
            "responsibilities", "responsibilityBasis", "accountableParties", "accountability", "exemption", "supervision",
            "acceptanceConditions", "timeLimit", "place", "notes", "departmentDuty", "statutes");

    @Override
    public Integer call() throws Exception {
        IndexStore store = new IndexStore(data.dir);
        Ingester.Result r = new Ingester(SourceCatalog.load(store.catalogFile())).ingest(store.sourcesDir());
        r.report().skipped().forEach(s -> System.err.println("skipped: " + s));
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (format == Format.jsonl) {
            for (PowerRecord rec : r.records()) out.write(Json.write(rec) + "\n");
        } else {
            csv(r.records(), out);
        }
        out.flush();
        return 0;
    }

    /** Writes the CSV to {@code out} and flushes it; {@code out} stays open, as it belongs to the caller. */
    public static void csv(List<PowerRecord> records, Appendable out) throws IOException {
        // Not closed: closing the printer closes out, which for the command is standard output.
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get());
        for (PowerRecord r : records) p.printRecord(row(r));
        p.flush();
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
