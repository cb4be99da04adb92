package org.quanze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.testing.BundledData.S000;
import static org.quanze.testing.BundledData.S001;
import static org.quanze.testing.BundledData.S002;
import static org.quanze.testing.BundledData.S003;
import static org.quanze.testing.BundledData.S004;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quanze.testing.BundledData;
import org.quanze.Main;
import org.quanze.model.Json;

/** The command line as a user runs it, through {@link Main#run}, with standard output and error captured. */
class CommandLineTest {

    /** The export's field names, in order: tools read them. */
    private static final List<String> FIELDS = List.of("id", "kind", "source", "seq", "table", "powerType", "powerTypeRaw",
            "name", "subItem", "authority", "units", "levels", "levelRaw", "basis", "responsibilities",
            "responsibilityBasis", "accountableParties", "accountability", "exemption", "supervision",
            "acceptanceConditions", "timeLimit", "place", "notes", "departmentDuty", "statutes", "phones");

    @TempDir
    static Path data;

    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        String firstErrLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    @BeforeAll
    static void copyTheBundledLists() throws Exception {
        BundledData.copyTo(data);
    }

    static synchronized Run run(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            System.out.flush();
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Map<String, JsonNode> exportedJson() throws Exception {
        Run r = run("export", "--format", "jsonl", "--data", data.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : r.outLines()) {
            JsonNode n = Json.MAPPER.readTree(line);
            byId.put(n.get("id").asText(), n);
        }
        return byId;
    }

    @Test
    void exportsSeventyThreePowersAndThirteenDutiesAsOneJsonObjectPerLine() throws Exception {
        Run r = run("export", "--format", "jsonl", "--data", data.toString());
        assertEquals(0, r.exit());
        assertEquals("", r.err(), "the bundled lists have no skipped row to report");
        List<String> kinds = new ArrayList<>();
        for (String line : r.outLines()) kinds.add(Json.MAPPER.readTree(line).get("kind").asText());
        assertEquals(86, kinds.size());
        assertEquals(73, kinds.stream().filter("power"::equals).count());
        assertEquals(13, kinds.stream().filter("duty"::equals).count());
        assertFalse(Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>").matcher(r.out()).find(), "HTML in the export");
    }

    @Test
    void writesTheFixedFieldNamesInOrderOnEveryLine() throws Exception {
        for (JsonNode n : exportedJson().values()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            assertEquals(FIELDS, names, n.get("id").asText());
        }
    }

    @Test
    void exportsTheExamplesOfIssue2InJson() throws Exception {
        Map<String, JsonNode> byId = exportedJson();
        JsonNode item8 = byId.get(S004 + "-8");
        assertEquals("[\"医疗保障服务中心\"]", item8.get("units").toString());
        assertEquals("自治区、盟、地、州、县级机构", item8.get("levelRaw").asText());
        assertEquals("[\"省级\",\"市级\",\"县级\"]", item8.get("levels").toString());
        JsonNode t2i1 = byId.get(S002 + "-t2-1");
        assertEquals("医疗稽核核", t2i1.get("name").asText());
        assertEquals("[\"综合业务科\",\"待遇保障科\"]", t2i1.get("units").toString());
        assertEquals("[\"县级\"]", t2i1.get("levels").toString());
        String statutes6 = byId.get(S000 + "-6").get("statutes").toString();
        // Each citation carries the statute library's check after its law, article and role.
        for (String s : List.of("{\"law\":\"社会保险法\",\"article\":87,\"role\":\"basis\",\"check\":{\"status\":\"current\"",
                "{\"law\":\"基本医疗卫生与健康促进法\",\"article\":104,\"role\":\"basis\",\"check\":{\"status\":\"current\"",
                "{\"law\":\"医疗保障基金使用监督管理条例\",\"article\":37,\"role\":\"basis\",\"check\":{\"status\":\"current\"")) {
            assertTrue(statutes6.contains(s), s);
        }
        JsonNode steps5 = byId.get(S000 + "-5").get("responsibilities");
        assertEquals(9, steps5.size());
        assertEquals("立案责任", steps5.get(0).get("title").asText());
        assertEquals("其他责任", steps5.get(8).get("title").asText());
    }

    @Test
    void exportsAByteOrderMarkChineseHeadersAndEightySixRecordsAsCsvThatParsesBack() throws Exception {
        Run r = run("export", "--format", "csv", "--data", data.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("\uFEFF编号,类别,来源编号,来源文件,来源清单,部门,地区,序号,"), r.out().substring(0, 40));
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser p = CSVParser.parse(new StringReader(r.out().substring(1)), format)) {
            assertEquals(org.quanze.export.RecordTable.CSV_HEADER, p.getHeaderNames());
            List<CSVRecord> rows = p.getRecords();
            assertEquals(86, rows.size());
            Map<String, CSVRecord> byId = new HashMap<>();
            for (CSVRecord row : rows) byId.put(row.get("编号"), row);
            assertEquals(86, byId.size());
            CSVRecord item8 = byId.get(S004 + "-8");
            assertEquals("医疗保障服务中心", item8.get("承办机构"));
            assertEquals("省级、市级、县级", item8.get("层级"));
            assertEquals("综合业务科、待遇保障科", byId.get(S002 + "-t2-1").get("承办机构"));
            List<String> steps = byId.get(S000 + "-5").get("责任事项").lines().toList();
            assertEquals(9, steps.size());
            assertTrue(steps.get(0).startsWith("1.立案责任："), steps.get(0));
            assertTrue(steps.get(8).startsWith("9.其他责任："), steps.get(8));
            assertEquals("duty", byId.get(S003 + "-duty-13").get("类别"));
            CSVRecord lentCard = byId.get(S000 + "-9");
            assertEquals("市医保局", lentCard.get("部门"));
            assertEquals("四川省遂宁市", lentCard.get("地区"));
            assertEquals("0825-5801815", lentCard.get("电话号码"));
        }
    }

    @Test
    void showPrintsOneItemAsTheItemViewLaysItOut() {
        Run r = run("show", S000 + "-9", "--data", data.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertEquals("对个人将本人的医疗保障凭证交由他人冒名使用等违法使用医保基金行为的行政处罚", lines.get(0));
        assertEquals("[行政处罚]  " + S000 + "-9", lines.get(1));
        assertEquals("权力类型：行政处罚", lines.get(3));
        assertEquals("所属部门与地区：市医保局 · 四川省遂宁市", lines.get(4));
        assertTrue(lines.contains("监督电话：0825-5801815"), r.out());
        assertTrue(lines.contains("责任主体/承办机构：基金和大数据科"), r.out());
        assertTrue(lines.contains("  设定依据：《社会保险法》 第88条"), r.out());

        Run none = run("show", S004 + "-8", "--data", data.toString());
        assertTrue(none.outLines().contains("监督电话：本清单未公布电话"), none.out());

        Run untitled = run("show", S003 + "-2-5", "--data", data.toString());
        assertTrue(untitled.outLines().contains("设定依据：本清单未列法律依据"), untitled.out());
        assertTrue(untitled.outLines().contains("来源：未具名清单 003"), untitled.out());

        Run missing = run("show", "no-such-item", "--data", data.toString());
        assertEquals(1, missing.exit());
        assertEquals("quanze show: no item has the id 'no-such-item'; 'quanze search WORDS' lists items with their ids",
                missing.firstErrLine());
    }

    @Test
    void aFacetValueNoItemHasIsNamedWithTheValuesThereAre() {
        Run type = run("search", "处罚", "--type", "行政处分", "--data", data.toString());
        assertEquals(1, type.exit());
        assertEquals("quanze search: --type 行政处分 matches no item; the values are: 行政检查, 行政处罚, 行政强制, "
                + "其他行政权力, 行政奖励, 行政给付, 行政确认", type.firstErrLine());
        assertEquals("", type.out());
        Run level = run("search", "--level", "区级", "--data", data.toString());
        assertEquals("quanze search: --level 区级 matches no item; the values are: 市级, 县级, 省级, 乡级", level.firstErrLine());
        Run article = run("search", "--statute", "社会保险法/999", "--data", data.toString());
        assertTrue(article.firstErrLine().startsWith("quanze search: --statute 社会保险法/999 matches no item; the values are: 社会保险法, "),
                article.firstErrLine());
        assertTrue(article.firstErrLine().endsWith("; an article as LAW/NUMBER, e.g. 社会保险法/86"), article.firstErrLine());
        Run ok = run("search", "--statute", "社会保险法/86", "--level", "市级", "--data", data.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().startsWith("3 items ("), ok.out());
    }

    @Test
    void aHitOfAnUntitledListNamesItAsThePageDoes() {
        Run r = run("search", "劳动保障监督检查", "--source", S003, "--data", data.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertEquals(" 1. 劳动保障监督检查", lines.get(2));
        assertEquals("    [行政检查] 稽核稽查科、医疗保障事务中心 · 市级 · 未具名清单 003", lines.get(3));
        assertFalse(r.out().contains("null"), r.out());
    }

    @Test
    void ingestExitsZeroAndPrintsTheCountsOfEverySource() {
        Run r = run("ingest", "--data", data.toString());
        assertEquals(0, r.exit(), r.err());
        Pattern row = Pattern.compile("^(\\S+\\.txt)\\s+(.+?)\\s+(\\d+)\\s+(\\d+)\\s+\\{.*}$");
        Map<String, List<Integer>> counts = new HashMap<>();
        for (String line : r.outLines()) {
            Matcher m = row.matcher(line);
            if (m.matches()) counts.put(m.group(1), List.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        }
        assertEquals(Map.of(S000 + ".txt", List.of(20, 0), S001 + ".txt", List.of(9, 0), S002 + ".txt", List.of(18, 0),
                S003 + ".txt", List.of(9, 13), S004 + ".txt", List.of(17, 0)), counts);
        assertTrue(r.out().contains("Skipped: 0"), r.out());
        assertTrue(r.out().contains("Ingested 73 powers and 13 duties from 5 files"), r.out());
    }

    @Test
    void anUnknownCommandExitsNonZeroNamingItInTheFirstLine() {
        Run r = run("frobnicate");
        assertNotEquals(0, r.exit());
        assertEquals("Unmatched argument at index 0: 'frobnicate'", r.firstErrLine());
        assertEquals("", r.out());
    }

    @Test
    void exportWithoutFormatExitsNonZeroNamingTheMissingOption() {
        Run r = run("export", "--data", data.toString());
        assertNotEquals(0, r.exit());
        assertEquals("Missing required option: '--format=<format>'", r.firstErrLine());
        assertEquals("", r.out());
    }

    @Test
    void exportWithAnUnknownFormatExitsNonZeroListingTheFormatsItKnows() {
        Run r = run("export", "--format", "xml", "--data", data.toString());
        assertNotEquals(0, r.exit());
        assertTrue(r.firstErrLine().contains("expected one of [jsonl, csv, xlsx, opensearch]"), r.firstErrLine());
    }

    @Test
    void aFailingCommandPrintsOneLineAndNoStackTrace() {
        Run r = run("ingest", "--data", data.resolve("no-such-folder").toString());
        assertEquals(1, r.exit());
        assertEquals(List.of("quanze ingest: no sources folder at " + data.resolve("no-such-folder").resolve("sources")),
                r.err().lines().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "ingest", "search", "show", "export", "stats", "eval"})
    void helpOnEveryCommandExitsZeroAndShowsItsUsage(String command) {
        Run r = run(command, "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: quanze " + command + " "), r.out());
        assertTrue(r.out().contains("--data=DIR"), r.out());
    }

    @Test
    void helpOnTheProgramListsEveryCommand() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        for (String c : List.of("serve", "ingest", "search", "show", "export", "stats", "eval")) {
            assertTrue(r.out().contains("\n  " + c + " "), c + " missing from\n" + r.out());
        }
    }
}
