package org.quanze.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.quanze.model.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Writes results.json (every run) and RESULTS.md (medians, targets met or missed) into the output folder. */
final class Report {

    /** One target of issue 6, as measured. */
    record Target(String name, String measured, boolean met, String margin) {}

    record Results(String date, String command, Machine atStart, Machine atEnd, Benchmark.Settings settings,
                   List<Benchmark.SizeResult> sizes, List<Target> targets) {}

    private Report() {}

    static void write(Path out, Results r) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.json"),
                Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r) + "\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("RESULTS.md"), markdown(r, out), StandardCharsets.UTF_8);
    }

    static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * The targets, judged where the run measured them: at the bundled lists, at 100k and 1M
     * generated items (in-process, against the plain-Lucene reference of the same run), and at
     * the largest size measured. A run without HTTP (--in-process-only) judges no HTTP target.
     */
    static List<Target> targets(List<Benchmark.SizeResult> sizes) {
        List<Target> t = new ArrayList<>();
        Benchmark.SizeResult small = sizes.stream().filter(s -> s.corpus().startsWith("bundled")).findFirst().orElse(null);
        if (small != null && small.http() != null) {
            HttpBench.Load j1 = load(small, "judged", 1);
            t.add(upTo("bundled lists: HTTP search p50 (1 connection)", j1.latency().p50(), 2, "ms"));
            t.add(upTo("bundled lists: HTTP search p99 (1 connection)", j1.latency().p99(), 10, "ms"));
            optionalLoad(small, "judged", 8).ifPresent(l -> t.add(atLeast("bundled lists: HTTP judged questions/s at 8 connections, each searched",
                    l.rps(), 2000, "/s")));
            optionalLoad(small, HttpBench.CACHED, 8).ifPresent(l -> t.add(atLeast("bundled lists: HTTP judged questions/s at 8 connections, repeated (answer cache)",
                    l.rps(), 2000, "/s")));
        }
        for (Benchmark.SizeResult x : sizes) {
            if (x.corpus().startsWith("bundled")) continue;
            String at = fmtItems(x.items()) + ": ";
            Stats.Latency judged = x.inProcess().get(QueryMix.Kind.judged);
            if (x.items() == 100_000) {
                t.add(upTo(at + "judged mean CPU ÷ plain-Lucene reference", x.cpuRatioToReference(), 2.0, "×"));
                t.add(upTo(at + "in-process judged p50", judged.p50(), 10, "ms"));
                t.add(upTo(at + "in-process judged p99", judged.p99(), 40, "ms"));
                if (x.http() != null) {
                    optionalLoad(x, "judged", 8).ifPresent(l -> t.add(atLeast(at + "HTTP judged questions/s at 8 connections, each searched", l.rps(), 100, "/s")));
                    optionalLoad(x, HttpBench.CACHED, 8).ifPresent(l -> t.add(atLeast(at + "HTTP judged questions/s at 8 connections, repeated (answer cache)", l.rps(), 100, "/s")));
                }
            }
            if (x.items() == 1_000_000) {
                t.add(upTo(at + "in-process judged p50", judged.p50(), 50, "ms"));
                t.add(upTo(at + "in-process judged p99", judged.p99(), 250, "ms"));
                t.add(upTo(at + "searches refused at the 2 s limit", x.inProcessRefused(), 0, "searches"));
            }
        }
        if (sizes.stream().allMatch(s -> s.http() != null)) {
            long errors = sizes.stream().mapToLong(s -> s.http().errors()).sum();
            // A run in which no request was answered has no errors either: it is counted apart.
            List<String> silent = new ArrayList<>();
            for (Benchmark.SizeResult s : sizes) {
                for (HttpBench.Load l : s.http().runs()) {
                    if (l.requests() == 0) silent.add(fmtItems(s.items()) + " " + l.kind() + " @ " + l.connections());
                }
            }
            boolean ok = errors == 0 && silent.isEmpty();
            t.add(new Target("zero errors, every HTTP run answered (all sizes, all runs)",
                    errors + " errors, " + silent.size() + " runs without an answer" + (silent.isEmpty() ? "" : " (" + String.join(", ", new java.util.LinkedHashSet<>(silent)) + ")"),
                    ok, ok ? "" : (errors + silent.size()) + " too many"));
        }
        Benchmark.SizeResult big = sizes.stream().filter(s -> !s.corpus().startsWith("bundled"))
                .max(java.util.Comparator.comparingLong(Benchmark.SizeResult::items)).orElse(null);
        if (big != null && big.http() != null) {
            String at = fmtItems(big.items()) + ": ";
            t.add(upTo(at + "HTTP suggest p99 (1 connection)", load(big, "suggest", 1).latency().p99(), 10, "ms"));
            double peak = Math.max(big.memory().steadyBeforeGc().usedMiB(), big.memory().afterLoad().usedMiB());
            t.add(new Target(at + "serving heap ≤ 1 GiB (server at -Xmx" + big.memory().serverHeap() + ")",
                    String.format(Locale.ROOT, "%.0f MiB live, %.0f MiB used before GC, %d errors", big.memory().steadyLive().usedMiB(), peak, big.http().errors()),
                    peak <= 1024 && big.http().errors() == 0, peak <= 1024 ? "" : String.format(Locale.ROOT, "%.0f MiB over", peak - 1024)));
            t.add(upTo(at + "start-up to first answered search, index on disk", big.startupMs(), 2000, "ms"));
        }
        return t;
    }

    private static java.util.Optional<HttpBench.Load> optionalLoad(Benchmark.SizeResult s, String kind, int connections) {
        return s.http().medians().stream().filter(l -> l.kind().equals(kind) && l.connections() == connections).findFirst();
    }

    private static Target upTo(String name, double v, double limit, String unit) {
        boolean ok = v <= limit;
        return new Target(name + " ≤ " + num(limit) + " " + unit, num(v) + " " + unit, ok,
                ok ? "" : num(v - limit) + " " + unit + " over (" + num(v / limit) + "×)");
    }

    private static Target atLeast(String name, double v, double limit, String unit) {
        boolean ok = v >= limit;
        return new Target(name + " ≥ " + num(limit) + " " + unit, num(v) + " " + unit, ok, ok ? "" : num(limit - v) + " " + unit + " short");
    }

    static HttpBench.Load load(Benchmark.SizeResult s, String kind, int connections) {
        return s.http().medians().stream().filter(l -> l.kind().equals(kind) && l.connections() == connections).findFirst()
                .orElseThrow(() -> new IllegalStateException("no HTTP run of " + kind + " at " + connections + " connections"));
    }

    private static String markdown(Results r, Path out) throws IOException {
        List<Benchmark.SizeResult> sz = r.sizes();
        StringBuilder b = new StringBuilder();
        b.append("# Benchmark results\n\n");
        b.append("Written by `").append(r.command()).append("` on ").append(r.date()).append(". Raw numbers, every run: `results.json`.\n\n");
        b.append("## Machine\n\n");
        Machine m = r.atStart();
        b.append("- ").append(m.cores()).append(" cores, ").append(m.memoryMiB()).append(" MiB memory, ").append(m.os()).append('\n');
        b.append("- JDK: ").append(m.jdk()).append('\n');
        b.append(String.format(Locale.ROOT, "- Load average (1/5/15 min) at start: %.2f / %.2f / %.2f; at end: %.2f / %.2f / %.2f; "
                        + "Maven processes running at start: %d, at end: %d\n",
                m.loadAverage()[0], m.loadAverage()[1], m.loadAverage()[2], r.atEnd().loadAverage()[0], r.atEnd().loadAverage()[1],
                r.atEnd().loadAverage()[2], m.otherBuilds(), r.atEnd().otherBuilds()));
        Benchmark.Settings s = r.settings();
        b.append(String.format(Locale.ROOT, "- Medians of %d runs (ingest repeated %d× up to %s items, once above); in-process %.0f s per kind per run; "
                        + "HTTP %.0f s per kind and connection count per run, driver %s; server `-Xmx%s`; seed %d\n",
                s.repeats(), s.repeats(), fmtItems(s.ingestRepeatsUpTo()), s.querySeconds(), s.httpSeconds(),
                sz.isEmpty() || sz.get(0).http() == null ? "none" : sz.get(0).http().driver(), s.serverHeap(), s.seed()));
        b.append("- Every HTTP search is sent with `Cache-Control: no-cache`, so it is searched, except `" + HttpBench.CACHED
                + "`: the judged questions repeated, answered from the server's answer cache\n\n");

        b.append("## Targets\n\n| Target | Measured | Met | Missed by |\n|---|---|---|---|\n");
        for (Target t : r.targets()) {
            b.append("| ").append(t.name()).append(" | ").append(t.measured()).append(" | ").append(t.met() ? "yes" : "**no**")
                    .append(" | ").append(t.margin()).append(" |\n");
        }

        b.append("\n## Summary\n\n");
        header(b, "", sz);
        row(b, "Corpus", sz, Benchmark.SizeResult::corpus);
        row(b, "Items (powers) / records", sz, x -> x.items() + " / " + x.records());
        row(b, "Ingest, records/s", sz, x -> num(x.ingest().recordsPerSecond()));
        row(b, "Ingest, MB/s of analysed text", sz, x -> num(x.ingest().mbPerSecond()));
        row(b, "Build wall time, s (generator share)", sz, x -> num(x.ingest().buildSeconds()) + " (" + num(x.ingest().generateSeconds()) + ")");
        row(b, "SmartCN alone, MB/s (limit)", sz, x -> num(x.ingest().limitMbPerSecond()));
        row(b, "Ingest ÷ limit", sz, x -> pct(x.ingest().ratio()));
        row(b, "Ingest ÷ limit by CPU time (MB per CPU s: build / SmartCN)", sz, x -> pct(x.ingest().cpuRatio()) + " ("
                + num(x.ingest().mbPerCpuSecond()) + " / " + num(x.ingest().limitMbPerCpuSecond()) + ")");
        row(b, "Index on disk", sz, x -> mib(x.indexBytes()) + " in " + x.segments() + " segment(s)");
        row(b, "Index bytes per record", sz, x -> num(x.indexBytesPerRecord()));
        for (QueryMix.Kind k : QueryMix.Kind.values()) {
            row(b, "In-process " + k + " p50 / p95 / p99, ms", sz, x -> lat(x.inProcess().get(k)));
        }
        row(b, "In-process judged mean CPU per question, ms", sz, x -> num(x.inProcess().get(QueryMix.Kind.judged).meanCpuMs()));
        row(b, "Plain-Lucene reference, judged p50 / p95 / p99, ms (same index, same run)", sz, x -> lat(x.reference().get("judged")));
        row(b, "Plain-Lucene reference, judged mean CPU per question, ms", sz, x -> num(x.reference().get("judged").meanCpuMs()));
        row(b, "Quanze ÷ reference, judged mean CPU", sz, x -> num(x.cpuRatioToReference()) + "×");
        row(b, "In-process searches refused at the 2 s limit, all runs", sz, x -> String.valueOf(x.inProcessRefused()));
        for (QueryMix.Kind k : QueryMix.Kind.values()) {
            row(b, "HTTP " + k + " 1 conn p50 / p95 / p99, ms", sz, x -> lat(load(x, k.name(), 1).latency()));
        }
        for (int c : s.connections()) {
            row(b, "HTTP judged search, req/s at " + c + " conn", sz, x -> num(load(x, "judged", c).rps()));
        }
        row(b, "HTTP judged questions repeated (answer cache), req/s at 8 conn", sz, x -> num(load(x, HttpBench.CACHED, 8).rps()));
        row(b, "HTTP /api/health, req/s at 16 conn", sz, x -> num(x.http().healthRps16()));
        row(b, "HTTP judged search, req/s at 16 conn (÷ health)", sz, x -> num(x.http().searchRps16()) + " (" + pct(x.http().searchToHealth()) + ")");
        row(b, "HTTP errors, all runs", sz, x -> String.valueOf(x.http().errors()));
        row(b, "Server warm-up before measuring (judged rounds at " + Benchmark.WARM_CONNECTIONS + " conn, until the JIT is quiet)", sz,
                x -> String.format(Locale.ROOT, "%d rounds, %.0f s%s", x.warmup().rounds(), x.warmup().seconds(), x.warmup().settled() ? "" : " (not settled)"));
        row(b, "Server heap after load (live after GC), MiB", sz, x -> num(x.memory().afterLoad().usedMiB()));
        row(b, "Server heap serving: used before GC / live after, MiB", sz,
                x -> num(x.memory().steadyBeforeGc().usedMiB()) + " / " + num(x.memory().steadyLive().usedMiB()));
        row(b, "Server resident memory after load runs, MiB", sz, x -> num(x.memory().steadyLive().rssMiB()));
        row(b, "Start-up to first answered search, ms", sz, x -> num(x.startupMs()));

        b.append("\n## HTTP per kind and connections\n\nreq/s · p50 / p95 / p99 ms · errors\n\n");
        header(b, "Kind @ connections", sz);
        if (!sz.isEmpty() && sz.get(0).http() != null) {
            for (HttpBench.Load l : sz.get(0).http().medians()) {
                row(b, l.kind() + " @ " + l.connections(), sz, x -> {
                    HttpBench.Load o = load(x, l.kind(), l.connections());
                    return num(o.rps()) + " · " + lat(o.latency()) + " · " + o.errors();
                });
            }
        }
        b.append("\n## Mean matching items per query (what facet counting scales with)\n\n");
        header(b, "Kind", sz);
        for (QueryMix.Kind k : QueryMix.Kind.values()) {
            if (k != QueryMix.Kind.suggest) row(b, k.name(), sz, x -> num(x.meanHits().get(k)));
        }
        b.append("""

                ## How it was measured

                - **Corpus.** The bundled lists are ingested from their files (reading and parsing included in the
                  ingest time). Larger sizes are generated: each list belongs to a real prefecture or county
                  (`src/main/resources/bench/places.txt`), holds 20–80 items, and each item recombines the name,
                  legal basis (with its statutes), duty steps, accountability text and other cells of different
                  real items; one name in three splices in a clause of another. Records stream from the generator
                  into `IndexStore.build` and are never all in memory.
                - **Ingest** is `IndexStore.build`: both analyzers, postings with offsets, stored record, facets,
                  the suggester, the final merge and commit. The generator's own time (measured in a separate pass)
                  is subtracted. MB/s counts the UTF-8 bytes of the text fields once. **The limit** is
                  SmartChineseAnalyzer alone tokenising the same field texts (the first records of the same
                  corpus, up to the sample size) on as many threads as the build uses.
                - **In-process** latency calls `SearchService` directly, one request at a time, cycling through
                  each kind's queries: *judged* (the relevance set's questions, facets and highlights), *browse*
                  (facet filters without words), *statute* (law, law/article, and with words), *deep* (the last
                  page the API allows: 10 000 results in), *suggest* (1–3 typed characters).
                - **HTTP** runs the real `serve` command in a child JVM and drives it on 127.0.0.1 with a closed
                  loop (each connection sends its next request when the answer arrives), cycling through the same
                  paths. Errors are non-2xx answers, socket errors and timeouts.
                - **Memory** is read with `jcmd GC.heap_info` from the server: after start-up and the first
                  search, after a full GC (live); at the end of the load runs, before and after a full GC.
                - **Start-up** is from launching the server's JVM to the first 200 answer of a search, with the
                  index already on disk (the JVM start included). The server starts as `./quanze serve` starts
                  it: with the Vector API and a class-data archive, written by one unmeasured start before.
                """);
        Path findings = out.resolve("FINDINGS.md");
        if (Files.isRegularFile(findings)) b.append('\n').append(Files.readString(findings, StandardCharsets.UTF_8));
        return b.toString();
    }

    private static void header(StringBuilder b, String first, List<Benchmark.SizeResult> sz) {
        b.append("| ").append(first).append(" |");
        for (Benchmark.SizeResult x : sz) b.append(' ').append(fmtItems(x.items())).append(" |");
        b.append("\n|---|");
        b.append("---|".repeat(sz.size())).append('\n');
    }

    private static void row(StringBuilder b, String label, List<Benchmark.SizeResult> sz, Function<Benchmark.SizeResult, String> f) {
        b.append("| ").append(label).append(" |");
        for (Benchmark.SizeResult x : sz) {
            String v;
            try {
                v = f.apply(x);
            } catch (RuntimeException e) {
                v = "–";
            }
            b.append(' ').append(v).append(" |");
        }
        b.append('\n');
    }

    static String fmtItems(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) return n / 1_000_000 + "M";
        if (n >= 1_000 && n % 1_000 == 0) return n / 1_000 + "k";
        return String.valueOf(n);
    }

    private static String lat(Stats.Latency l) {
        return num(l.p50()) + " / " + num(l.p95()) + " / " + num(l.p99());
    }

    private static String mib(long bytes) {
        return num(bytes / 1048576.0) + " MiB";
    }

    private static String pct(double ratio) {
        return num(ratio * 100) + " %";
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "–";
        double a = Math.abs(v);
        if (a >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
