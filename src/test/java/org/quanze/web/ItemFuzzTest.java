package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.Engine;
import org.quanze.TestData;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/items/{id}} for items whose names are list text no one checked: thousands of
 * characters, the vocabulary's words strung together (the synonym graph at its widest), scripts and
 * symbols of every kind. Each must answer 200 with its related items, never 400 or 500. The names
 * are generated from a fixed seed ({@value #SEED}), so a failure names its item and reproduces.
 * Two lists share names, so related items are found across lists for long names too.
 */
class ItemFuzzTest {

    static final long SEED = 14;
    static final int RANDOM_NAMES = 60;
    static final String HEADER = "序号\t权力类型\t权力名称\t设定依据\t实施主体\n";
    /** A bundled power's name, which three bundled lists have (000-16, 001-6, 002-t2-5). */
    static final String KNOWN = "对医疗救助的监督检查";
    static final String[] TYPES = {"行政处罚", "行政检查", "行政强制", "行政给付", "其他行政权力"};

    @TempDir
    static Path tmp;
    static LiveServer server;
    static List<String> names;

    @BeforeAll
    static void start() throws Exception {
        Path data = TestData.copy(tmp);
        names = names(data, new Random(SEED));
        // The same names in two lists, in other orders: each long name has a twin in the other list.
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        Files.writeString(data.resolve("sources/fuzz-a.txt"), list(names), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("sources/fuzz-b.txt"), list(reversed), StandardCharsets.UTF_8);
        server = LiveServer.start(data, null, false, List.of(), Engine::search);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String list(List<String> names) {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < names.size(); i++) {
            b.append(i + 1).append('\t').append(TYPES[i % TYPES.length]).append('\t').append(names.get(i))
                    .append("\t《中华人民共和国社会保险法》第八十七条\t基金监管科\n");
        }
        return b.toString();
    }

    /** The fixed cases of the issue, then seeded random names; each has a Han character, so none is blank after cleaning. */
    static List<String> names(Path data, Random rnd) throws Exception {
        List<String> out = new ArrayList<>();
        out.add(KNOWN.repeat(50));                 // 500 characters: was 400 query_too_complex
        out.add(KNOWN.repeat(300));                // 3,000: was 500 "Exceeded maximum recursion level"
        out.add(KNOWN.repeat(999));                // 9,990: just under the cell limit
        out.add("医保卡".repeat(2000));             // a word with synonyms, over and over
        out.add("对" + "a".repeat(5000));          // one endless Latin word
        out.add("对 " + "x ".repeat(2000));         // thousands of one-letter words
        out.add("处罚" + "，".repeat(3000));        // punctuation, which the word analyzer makes tokens of
        out.add("𠀀".repeat(1500));                 // Extension B: surrogate pairs
        List<String> words = vocabulary(data);
        String[] odd = {"\"", "*", "?", "~", "\\", ":", "-", "+", "(", ")", "[", "]", "{", "}", "^", "/", "&&", "||", "AND", "OR", "NOT",
                "<b>", "&amp;", "%00", "%2e%2e", "😀", "👨‍👩‍👧", "é", "é", "ㄱ", "한국어", "ひらがな", "カタカナ", "ｆｕｌｌ", "١٢٣", "עברית",
                "\u202E", "\u200B", "\u200D", "\uFEFF", "∑∫√", "Ⅻ", "①", "〇", "　", "。", "《", "》", "第八十七条", "社会保险法", "0", "123456789012345678901234567890"};
        for (int i = 0; i < RANDOM_NAMES; i++) {
            int target = 1 + (int) Math.pow(4000, rnd.nextDouble()); // most short, some thousands of characters
            StringBuilder b = new StringBuilder(words.get(rnd.nextInt(words.size())));
            while (b.length() < target) {
                int kind = rnd.nextInt(10);
                if (kind < 5) b.append(words.get(rnd.nextInt(words.size())));
                else if (kind < 8) b.append(odd[rnd.nextInt(odd.length)]);
                else if (kind < 9) b.append(' ');
                else b.appendCodePoint(randomCodePoint(rnd));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Any assigned code point outside controls, surrogates and private use: the characters a cell may hold. */
    static int randomCodePoint(Random rnd) {
        while (true) {
            int cp = rnd.nextInt(0x30000);
            int t = Character.getType(cp);
            if (t != Character.UNASSIGNED && t != Character.CONTROL && t != Character.SURROGATE && t != Character.PRIVATE_USE
                    && t != Character.LINE_SEPARATOR && t != Character.PARAGRAPH_SEPARATOR) {
                return cp;
            }
        }
    }

    /** Every word of the vocabulary (both sides of every rule). */
    static List<String> vocabulary(Path data) throws Exception {
        Set<String> words = new HashSet<>();
        for (String line : Files.readAllLines(data.resolve("synonyms.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            for (String w : line.split(",|=>")) if (!w.isBlank()) words.add(w.strip());
        }
        List<String> sorted = new ArrayList<>(words);
        java.util.Collections.sort(sorted);
        return sorted;
    }

    static JsonNode item(String id) throws Exception {
        HttpResponse<String> r = server.get("/api/items/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        assertEquals(200, r.statusCode(), () -> id + " (name " + names.get(Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) - 1)
                .length() + " characters): " + r.body());
        return LiveServer.json(r);
    }

    @Test
    void everyItemOpensWithItsRelatedItems() throws Exception {
        for (String list : List.of("fuzz-a", "fuzz-b")) {
            JsonNode all = LiveServer.json(server.get("/api/search?sort=source&size=100&source=" + list));
            // Every row the ingest read is served. It skips, with a reason, the rows whose name it takes
            // for an office (a name ending in 所 or 部门 goes to the 实施主体 column); those are counted here.
            Ingester.FileResult read = new Ingester(SourceCatalog.load(server.data.resolve("sources.json")))
                    .ingestFile(server.data.resolve("sources").resolve(list + ".txt"));
            for (var skip : read.skips()) assertEquals("a row without a power name", skip.reason(), skip.toString());
            assertEquals(names.size() - read.skips().size(), all.get("total").asInt());
            assertTrue(read.skips().size() <= 5, read.skips().toString());
            for (JsonNode hit : all.get("hits")) {
                String id = hit.get("id").asText();
                JsonNode body = item(id);
                assertEquals(id, body.get("id").asText());
                assertEquals(list, body.get("source").get("id").asText());
                JsonNode related = body.get("related");
                assertTrue(related.isArray() && related.size() <= Api.RELATED, body.toString());
                for (JsonNode r : related) {
                    assertTrue(!r.get("source").get("id").asText().equals(list), "related items come from other lists: " + r);
                    assertTrue(r.get("score").floatValue() > 0, r.toString());
                }
            }
        }
    }

    @Test
    void longNamesFindTheSameMatterInOtherListsByTheirFirstWords() throws Exception {
        for (int row = 1; row <= 3; row++) {
            JsonNode body = item("fuzz-a-" + row);
            assertEquals(KNOWN.repeat(new int[] {50, 300, 999}[row - 1]), body.get("name").asText());
            List<String> related = new ArrayList<>();
            for (JsonNode r : body.get("related")) related.add(r.get("id").asText());
            // First the other list's three names that begin the same way (its own twin among them), then
            // the bundled items of that name (two of three: five related at most).
            int n = names.size();
            assertEquals(Set.of("fuzz-b-" + n, "fuzz-b-" + (n - 1), "fuzz-b-" + (n - 2)), Set.copyOf(related.subList(0, 3)));
            assertEquals(List.of("000_9151f9b4e62eb64c-16", "001_5b333ea7bdafe129-6"), related.subList(3, 5));
        }
    }

    @Test
    void oddIdsAreNotFoundNeverAnError() throws Exception {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 200; i++) {
            StringBuilder id = new StringBuilder();
            int len = 1 + rnd.nextInt(i < 150 ? 40 : 2000);
            while (id.length() < len) id.appendCodePoint(rnd.nextInt(4) == 0 ? randomCodePoint(rnd) : 0x20 + rnd.nextInt(0x5f));
            String path = "/api/items/" + URLEncoder.encode(id.toString(), StandardCharsets.UTF_8).replace("+", "%20");
            HttpResponse<String> r = server.get(path);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400 || r.statusCode() == 414, path + " → " + r.statusCode() + " " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path + " → " + r.body());
        }
    }
}
