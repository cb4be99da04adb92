package org.quanze.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.Engine;
import org.quanze.TestData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random query strings through {@link UserQuery#parse} and {@link SearchService#search}:
 * Lucene's syntax characters, quotes of every kind, lone surrogates, control characters, NFKC
 * expansions, words from the lists, facet filters with real and made-up values. The service
 * answers or refuses with {@link SearchRefused}; no other exception escapes.
 */
class QueryFuzzTest {

    static final long SEED = 20261123L;
    static final int PARSES = 20_000;
    static final int SEARCHES = 1500;

    static final String[] PIECES = {"+", "-", "&&", "||", "!", "(", ")", "{", "}", "[", "]", "^", "\"", "~", "*", "?", ":", "\\",
            "/", "AND", "OR", "NOT", "TO", "“", "”", "「", "」", "'", "‘", "’", "《", "》", "-\"", " -", "--", "*:*", "\u0000", "\u001B",
            "\u202E", "\uFEFF", "\u3000", "\uD800", "\uDC00", "\uD83D\uDE00", "\uFDFA", "㈱", "ｱ", "Ａ", "a\u0301", "\t", "\n", "\r",
            "医疗", "保障", "行政处罚", "社会保险法", "第八十四条", "第", "条", "法", "《社会保险法》第八十六条", "对", "的", "检查", "怎么",
            "如何", "谁", "哪里", "医保局", "骗保", "欺诈", "0825", "84", "1", "x", "abc", " ", "  "};
    static final Map<String, List<String>> FACET_VALUES = Map.of(
            "type", List.of("行政处罚", "行政检查", "不存在的类型", "*", "\""),
            "level", List.of("市级", "乡级", "县级", "？"),
            "statute", List.of("社会保险法", "社会保险法/87", "社会保险法/abc", "/", "//", "法/", "/87"),
            "unit", List.of("基金监管科", "医保服务中心", "x"),
            "source", List.of("000_9151f9b4e62eb64c", "nope"),
            "kind", List.of("power", "duty", "other"));

    @TempDir
    static Path tmp;
    static Engine engine;

    @BeforeAll
    static void open() throws Exception {
        engine = Engine.open(TestData.copy(tmp), true, TestData.QUIET);
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    static String query(Random rnd, int maxPieces) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(12) == 0) b.append((char) rnd.nextInt(0x10000)); // any UTF-16 unit, lone surrogates included
            else b.append(PIECES[rnd.nextInt(PIECES.length)]);
            if (rnd.nextBoolean()) b.append(' ');
        }
        return b.length() > 1000 ? b.substring(0, 1000) : b.toString();
    }

    @Test
    void parsingNeverThrows() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < PARSES; i++) {
            String q = query(rnd, 60);
            try {
                UserQuery uq = UserQuery.parse(q);
                assertNotNull(uq.text());
            } catch (RuntimeException e) {
                fail("parse #" + i + " threw on " + escape(q), e);
            }
        }
    }

    @Test
    void searchAnswersOrRefusesEveryQuery() {
        Random rnd = new Random(SEED + 1);
        int answered = 0, refused = 0;
        List<String> facets = new ArrayList<>(FACET_VALUES.keySet());
        for (int i = 0; i < SEARCHES; i++) {
            String q = rnd.nextInt(20) == 0 ? query(rnd, 400) : query(rnd, 8);
            Map<String, List<String>> filters = new LinkedHashMap<>();
            if (rnd.nextInt(3) == 0) {
                String f = facets.get(rnd.nextInt(facets.size()));
                List<String> values = FACET_VALUES.get(f);
                filters.put(f, List.of(values.get(rnd.nextInt(values.size()))));
            }
            int size = 1 + rnd.nextInt(20);
            int page = 1 + rnd.nextInt(5);
            String sort = rnd.nextBoolean() ? SearchRequest.RELEVANCE : SearchRequest.BY_SOURCE;
            SearchRequest req = new SearchRequest(q, filters, page, size, sort, rnd.nextInt(10) == 0);
            try {
                SearchResult r = engine.search().search(req);
                assertTrue(r.total() >= 0 && r.hits().size() <= size);
                answered++;
            } catch (SearchRefused e) {
                refused++;
            } catch (Exception e) {
                fail("search #" + i + " threw on q=" + escape(q) + " filters=" + filters, e);
            }
            if (i % 50 == 0) {
                try {
                    engine.search().suggest(q.length() > 100 ? q.substring(0, 100) : q, 10);
                } catch (Exception e) {
                    fail("suggest #" + i + " threw on " + escape(q), e);
                }
            }
        }
        System.out.println("QueryFuzzTest: " + answered + " answered, " + refused + " refused as too complex or too slow");
        assertTrue(answered > SEARCHES * 9 / 10, "answered " + answered);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
