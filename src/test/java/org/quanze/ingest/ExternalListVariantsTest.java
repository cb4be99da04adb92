package org.quanze.ingest;

import org.quanze.ingest.ListVariants.Variant;
import org.quanze.ingest.ListVariants.Variation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;
import org.quanze.model.PowerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The ten real 克拉玛依市 lists of {@code ../shared/external-lists} (see {@link ExternalListsTest}),
 * each rewritten with POI in layout variations other offices of the same city produce (blank rows,
 * no title, a footer, the 权力类型 column elsewhere, a leading empty column, other header words,
 * merged cells unmerged and filled down, the table split over two sheets, 序号 written 1. or （1） or
 * stored as number/text the other way, a 备注 column after the name, power types without 行政 or with
 * 类, header labels broken over two lines, an .xls converted to .xlsx under its own name, 序号 in
 * Chinese numerals or no 序号 column at all, a heading row before each power type's items, header
 * labels no list here uses), in the
 * file's own format (an .xls stays BIFF8 whatever its name, an .xlsx stays OOXML, but for the
 * conversion), must ingest to the records of the
 * unmodified file: as many, and each in order with the same name, sub-item, power type, units,
 * levels and start of the legal basis.
 *
 * <p>A variant is written by reading each data sheet (a visible sheet with a 序号 header cell) into
 * a model of its cells (a formula by its cached value), merged regions, row heights and hidden rows,
 * column widths and hidden columns; changing the model; and writing it back in place. The model
 * refuses a change that would cut a merged region. Every variant is read back with POI and checked
 * against the model before it is ingested, and a control case rewrites each file unchanged, so a
 * failure is the reader's, not the writer's. A variation that does not apply to a file (no title,
 * no 权力类型 column, several sheets already) is skipped with the reason.
 *
 * <p>The variation × file table, with each failure's and skip's first line, goes to
 * target/surefire-reports/org.quanze.ingest.ExternalListVariantsTest-output.txt. Two system
 * properties help look closer: {@code -Dvariants.only=LEADING_COLUMN,FILL_DOWN} runs those variations
 * only, and {@code -Dvariants.dump=DIR} writes each variant to DIR/VARIATION/file name.
 */
class ExternalListVariantsTest {

    private static final Path SOURCES = ExternalListsTest.DIR.resolve("sources");
    private static final Map<String, List<PowerRecord>> ORIGINALS = new ConcurrentHashMap<>();
    private static final Map<String, Map<Variation, String>> OUTCOMES = new ConcurrentHashMap<>();
    private static final Map<String, String> REASONS = new ConcurrentHashMap<>();

    static Stream<Arguments> cases() throws IOException {
        if (!Files.isDirectory(SOURCES)) return Stream.of(Arguments.of("(the lists are absent)", Variation.REWRITE));
        List<String> files;
        try (Stream<Path> s = Files.list(SOURCES)) {
            files = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
        String only = System.getProperty("variants.only", "");
        return files.stream().flatMap(f -> Stream.of(Variation.values())
                .filter(v -> only.isBlank() || List.of(only.split(",")).contains(v.name()))
                .map(v -> Arguments.of(f, v)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cases")
    void ingestsTheVariantAsTheOriginal(String file, Variation variation) throws Exception {
        if (!Files.isDirectory(SOURCES)) {
            String why = "the real lists are not at " + SOURCES.toAbsolutePath().normalize();
            if ("true".equals(System.getenv("CI"))) fail(why + ": under CI they must be there");
            Assumptions.abort(why);
        }
        String outcome = "ERROR";
        try {
            byte[] original = Files.readAllBytes(SOURCES.resolve(file));
            List<PowerRecord> want = ORIGINALS.computeIfAbsent(file, f -> ingest(f, original).records());
            Variant variant = Variant.of(original, variation);
            String dump = System.getProperty("variants.dump", "");
            if (!dump.isBlank()) {
                Path dir = Path.of(dump, variation.name());
                Files.createDirectories(dir);
                Files.write(dir.resolve(file), variant.bytes());
            }
            Ingester.FileResult got = ingest(file, variant.bytes());
            String difference = difference(want, got.records());
            if (difference != null) {
                outcome = "FAIL";
                fail(file + " × " + variation + " (" + variant.how() + "): " + difference
                        + (got.error() == null ? "" : "; the variant's error: " + got.error())
                        + (got.layout() == null ? "" : "; read as " + got.layout())
                        + skips(got));
            }
            outcome = "pass";
        } catch (TestAbortedException e) {
            outcome = "skip";
            REASONS.put(file + " × " + variation, "skipped: " + e.getMessage());
            throw e;
        } catch (Throwable e) {
            String why = e instanceof AssertionError && e.getMessage() != null ? e.getMessage() : e.toString();
            REASONS.put(file + " × " + variation, why.lines().findFirst().orElse(""));
            throw e;
        } finally {
            OUTCOMES.computeIfAbsent(file, f -> Collections.synchronizedMap(new TreeMap<>())).put(variation, outcome);
        }
    }

    @AfterAll
    static void printTheTable() {
        // Goes to target/surefire-reports/…-output.txt: variation × file at a glance.
        StringBuilder b = new StringBuilder("\nvariation × file\n");
        List<String> files = new ArrayList<>(new TreeSet<>(OUTCOMES.keySet()));
        for (int i = 0; i < files.size(); i++) b.append(String.format(Locale.ROOT, "  F%d = %s%n", i + 1, files.get(i)));
        b.append(String.format(Locale.ROOT, "%-36s", ""));
        for (int i = 0; i < files.size(); i++) b.append(String.format(Locale.ROOT, "%-6s", "F" + (i + 1)));
        b.append('\n');
        for (Variation v : Variation.values()) {
            b.append(String.format(Locale.ROOT, "%-36s", v.label));
            for (String f : files) b.append(String.format(Locale.ROOT, "%-6s", OUTCOMES.get(f).getOrDefault(v, "-")));
            b.append('\n');
        }
        new TreeMap<>(REASONS).forEach((k, why) -> b.append(k).append(": ").append(why).append('\n'));
        System.out.println(b);
    }

    private static Ingester.FileResult ingest(String file, byte[] bytes) {
        return new Ingester(SourceCatalog.empty()).ingest(file, bytes);
    }

    // ---------------------------------------------------------------- comparison

    private static final Map<String, Function<PowerRecord, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", PowerRecord::name);
        FIELDS.put("subItem", PowerRecord::subItem);
        FIELDS.put("powerType", PowerRecord::powerType);
        FIELDS.put("units", PowerRecord::units);
        FIELDS.put("levels", PowerRecord::levels);
        FIELDS.put("basis (first 20 characters)", r -> head(r.basis()));
    }

    private static String head(String s) {
        return s == null ? null : s.substring(0, s.offsetByCodePoints(0, Math.min(20, s.codePointCount(0, s.length()))));
    }

    /** Null when the variant's records are the original's; else the counts and the first record that differs, with both values. */
    static String difference(List<PowerRecord> want, List<PowerRecord> got) {
        String counts = want.size() + " records from the original, " + got.size() + " from the variant";
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            for (Map.Entry<String, Function<PowerRecord, Object>> f : FIELDS.entrySet()) {
                Object w = f.getValue().apply(want.get(i)), g = f.getValue().apply(got.get(i));
                if (!Objects.equals(w, g)) {
                    return counts + "; first difference at record " + (i + 1) + " (序号 " + want.get(i).seq() + " in the original, "
                            + got.get(i).seq() + " in the variant): " + f.getKey() + " expected «" + w + "» but was «" + g + "»"
                            + "\n    expected " + summary(want.get(i)) + "\n    got      " + summary(got.get(i));
                }
            }
        }
        if (want.size() == got.size()) return null;
        int i = Math.min(want.size(), got.size());
        return counts + "; the first " + i + " agree, then " + (want.size() > got.size()
                ? "the variant lacks record " + (i + 1) + ": " + summary(want.get(i))
                : "the variant has an extra record " + (i + 1) + ": " + summary(got.get(i)));
    }

    private static String summary(PowerRecord r) {
        return "[序号 " + r.seq() + " | " + r.name() + " | sub " + r.subItem() + " | " + r.powerType() + " | " + r.units()
                + " | " + r.levels() + " | " + head(r.basis()) + "]";
    }

    private static String skips(Ingester.FileResult r) {
        if (r.skips().isEmpty()) return "";
        return "; its skips: " + r.skips().stream().limit(4).map(s -> s.line() + ": " + s.reason()).toList()
                + (r.skips().size() > 4 ? " and " + (r.skips().size() - 4) + " more" : "");
    }

}
