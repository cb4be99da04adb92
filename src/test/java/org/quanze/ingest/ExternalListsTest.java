package org.quanze.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The ten real 克拉玛依市 lists of {@code ../shared/external-lists} (spreadsheets exactly as the
 * offices published them) ingested together, against the counts and checks read off the sheets by
 * hand in its gold.json: every file read, every file's record count and sub-item count as the gold
 * says, every row of every file accounted for, and each hand-read check's name, sub-item, type,
 * offices, levels and start of the legal basis as read. Skipped with a loud message where the
 * folder is absent; under CI=true its absence fails.
 */
class ExternalListsTest {

    static final Path DIR = Path.of("..", "shared", "external-lists");
    private static Ingester.Result result;
    private static JsonNode gold;
    private static final Map<String, List<PowerRecord>> byFile = new LinkedHashMap<>();

    @BeforeAll
    static void ingestTheTenListsTogether() throws Exception {
        if (!Files.isDirectory(DIR.resolve("sources")) || !Files.isRegularFile(DIR.resolve("gold.json"))) {
            String why = "the real lists are not at " + DIR.toAbsolutePath().normalize() + " (sources/ and gold.json)";
            if ("true".equals(System.getenv("CI"))) fail(why + ": under CI they must be there");
            System.err.println("\n*** ExternalListsTest SKIPPED: " + why + " ***\n");
            Assumptions.abort(why);
        }
        gold = Json.MAPPER.readTree(DIR.resolve("gold.json").toFile());
        result = new Ingester(SourceCatalog.empty()).ingest(DIR.resolve("sources"));
        for (PowerRecord r : result.records()) byFile.computeIfAbsent(r.source().file(), k -> new ArrayList<>()).add(r);
    }

    private static List<String> goldFiles() {
        List<String> files = new ArrayList<>();
        gold.fieldNames().forEachRemaining(f -> { if (!f.startsWith("_")) files.add(f); });
        return files;
    }

    @Test
    void readsEveryFileWithTheRecordCountOfTheGold() {
        Map<String, Integer> want = new LinkedHashMap<>(), got = new LinkedHashMap<>();
        for (String f : goldFiles()) {
            want.put(f, gold.get(f).get("items").asInt());
            got.put(f, byFile.getOrDefault(f, List.of()).size());
        }
        assertEquals(want, got);
        assertEquals(List.of(), result.report().failed());
        assertEquals(1_373, result.report().powers());
    }

    @Test
    void readsAsManySubItemsAsTheGoldCounts() {
        Map<String, Integer> want = new LinkedHashMap<>(), got = new LinkedHashMap<>();
        for (String f : goldFiles()) {
            want.put(f, gold.get(f).get("subItems").asInt());
            got.put(f, (int) byFile.getOrDefault(f, List.of()).stream().filter(r -> r.subItem() != null).count());
        }
        assertEquals(want, got);
    }

    @Test
    void accountsForEveryRowOfEveryFile() {
        for (IngestReport.SourceReport s : result.report().sources()) {
            assertTrue(s.rows().addsUp(), s.file() + ": " + s.rows());
            // Here every record starts on a row of its own: an item's row, or a sub-item's.
            assertEquals(s.powers(), s.rows().items() + s.rows().subItems(), s.file() + ": " + s.rows());
        }
        // Every skipped row says why: here, only the hidden rows of one sheet.
        assertTrue(result.report().skipped().stream().allMatch(k -> k.reason().equals("a hidden row (not shown in the published sheet)")),
                result.report().skipped().toString());
    }

    @Test
    void readsEveryHandReadCheckAsTheGoldHasIt() {
        List<String> wrong = new ArrayList<>();
        int checks = 0;
        for (String f : goldFiles()) {
            for (JsonNode c : gold.get(f).get("checks")) {
                checks++;
                String label = f + " " + c.get("name").asText();
                List<PowerRecord> match = byFile.getOrDefault(f, List.of()).stream()
                        .filter(r -> norm(r.name()).equals(norm(c.get("name").asText())))
                        .filter(r -> c.get("subItem").isNull() || sub(r.subItem()).equals(sub(c.get("subItem").asText()))).toList();
                if (match.size() != 1) {
                    wrong.add(label + ": " + match.size() + " records match");
                    continue;
                }
                PowerRecord r = match.getFirst();
                if (!c.get("powerType").asText().equals(r.powerType())) wrong.add(label + ": type " + r.powerType());
                if (!units(c).contains(set(r.units()))) wrong.add(label + ": units " + r.units());
                if (!c.get("levelsCanonical").isNull() && !set(r.levels()).equals(set(strings(c.get("levelsCanonical"))))) {
                    wrong.add(label + ": levels " + r.levels());
                }
                if (!norm(r.basis()).startsWith(norm(c.get("basisStartsWith").asText()))) wrong.add(label + ": basis " + r.basis());
            }
        }
        assertEquals(57, checks);
        assertEquals(List.of(), wrong);
    }

    @Test
    void takesTheTypeOfRowsWithAnEmptyTypeCellFromTheirSheet() {
        List<String> remarks = result.report().remarks().stream().filter(r -> r.reason().startsWith("the 权力类型 cell is empty"))
                .map(r -> r.sheet() + ": " + r.reason().substring(r.reason().indexOf(':') + 2)).toList();
        assertEquals(4, remarks.size(), remarks.toString());
        assertTrue(remarks.stream().allMatch(r -> r.substring(0, r.indexOf(':')).contains(r.substring(r.indexOf(": ") + 2, r.indexOf(" is taken")))),
                "each type is its sheet's: " + remarks);
        assertFalse(result.records().stream().anyMatch(r -> r.powerType() == null));
    }

    private static Set<Set<String>> units(JsonNode check) {
        Set<Set<String>> out = new HashSet<>();
        out.add(set(strings(check.get("units"))));
        if (check.has("unitsAlt")) for (JsonNode alt : check.get("unitsAlt")) out.add(set(strings(alt)));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Set<String> set(List<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) out.add(norm(v));
        return out;
    }

    /** As the gold compares text: NFKC, without whitespace. */
    private static String norm(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /** A sub-item without a leading enumerator (1. 一、 ⑴), which a reader may keep or drop. */
    private static String sub(String s) {
        return norm(s).replaceFirst("^(?:[（(]?[0-9一二三四五六七八九十]+[)）.、．]|[⑴-⒇①-⑳])", "");
    }
}
