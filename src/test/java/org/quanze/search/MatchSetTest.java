package org.quanze.search;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quanze.Engine;
import org.quanze.index.IndexHandle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchSetTest {

    static Path dir;
    static Engine engine;

    @BeforeAll
    static void indexTheBundledLists() throws IOException {
        dir = Files.createTempDirectory("quanze-matchset");
        Path src = Path.of("index-data");
        Files.createDirectories(dir.resolve("sources"));
        try (Stream<Path> s = Files.list(src.resolve("sources"))) {
            for (Path p : s.toList()) Files.copy(p, dir.resolve("sources").resolve(p.getFileName()));
        }
        for (String f : List.of("sources.json", "synonyms.txt", "query-stopwords.txt")) {
            if (Files.exists(src.resolve(f))) Files.copy(src.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        engine = Engine.open(dir, true, System.err);
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
    }

    static List<String> questions() {
        List<String> qs = new ArrayList<>(List.of("医保卡借给别人使用怎么处罚", "社会保险法第八十六条", "\"定点医药机构\" 处罚",
                "医疗救助 -监督", "信用记录 联合惩戒", "执法人员不得少于2人", "价格", "封存"));
        return qs;
    }

    @Test
    void matchesExactlyTheDocumentsOfEveryQuestionWithFarFewerClauses() throws IOException {
        IndexHandle h = engine.search().index().acquire();
        try {
            IndexSearcher s = h.searcher();
            for (String q : questions()) {
                Query base = engine.search().queries().build(UserQuery.parse(q), SearchService.knownLaws(h));
                Query simple = MatchSet.of(base);
                assertEquals(docs(s, base), docs(s, simple), q);
            }
        } finally {
            engine.search().index().release(h);
        }
    }

    @Test
    void theQuestionAboutALentCardKeepsUnderAThirdOfItsClauses() throws IOException {
        IndexHandle h = engine.search().index().acquire();
        try {
            Query base = engine.search().queries().build(UserQuery.parse("医保卡借给别人使用怎么处罚"), SearchService.knownLaws(h));
            int before = base.toString().split(" ").length;
            int after = MatchSet.of(base).toString().split(" ").length;
            assertTrue(after * 3 < before, before + " → " + after);
        } finally {
            engine.search().index().release(h);
        }
    }

    @Test
    void highlightingTheDistinctLeavesMarksTheSameFieldsAsTheWholeQuery() throws IOException {
        IndexHandle h = engine.search().index().acquire();
        try {
            IndexSearcher s = h.searcher();
            List<String> qs = new ArrayList<>(questions());
            for (var n : org.quanze.model.Json.MAPPER.readTree(Path.of("src/test/resources/relevance/judged-queries.json").toFile()).get("queries")) {
                qs.add(n.get("q").asText());
            }
            for (String q : qs) {
                Query base = engine.search().queries().build(UserQuery.parse(q), SearchService.knownLaws(h));
                org.apache.lucene.search.TopDocs top = s.search(base, 10);
                // The same fields are marked; the passage chosen may differ, since the exact query
                // counts a term once per copy of its clause when it ranks passages.
                List<List<SearchResult.Highlight>> exact = Highlighting.highlightExactly(s, base, top);
                List<List<SearchResult.Highlight>> fast = Highlighting.highlight(s, base, top);
                assertEquals(exact.size(), fast.size(), q);
                for (int i = 0; i < exact.size(); i++) {
                    assertEquals(exact.get(i).stream().map(SearchResult.Highlight::field).toList(),
                            fast.get(i).stream().map(SearchResult.Highlight::field).toList(), q);
                    for (SearchResult.Highlight hl : fast.get(i)) assertTrue(hl.spans().stream().anyMatch(SearchResult.Span::mark), q);
                }
                // Per hit, only the leaves that can match there are asked, and passages are scored
                // without Lucene's term hash: the snippets are exactly those of all distinct leaves
                // asked of every hit with Lucene's own passage scorer, for a first page and a long one.
                for (int n : new int[] {10, 60}) {
                    org.apache.lucene.search.TopDocs page = s.search(base, n);
                    assertEquals(Highlighting.highlightExactly(s, leavesAsOneQuery(base), page),
                            Highlighting.highlight(s, base, page), q);
                }
            }
        } finally {
            engine.search().index().release(h);
        }
    }

    /** Every distinct leaf of the query in one disjunction: what each hit was highlighted with before per-hit pruning. */
    private static Query leavesAsOneQuery(Query q) {
        List<Query> leaves = MatchSet.highlightLeaves(q, Highlighting.FIELDS[0]);
        if (leaves.isEmpty()) return q; // highlighted with the query itself, as Highlighting.highlight does
        org.apache.lucene.search.BooleanQuery.Builder b = new org.apache.lucene.search.BooleanQuery.Builder();
        for (Query l : leaves) b.add(l, org.apache.lucene.search.BooleanClause.Occur.SHOULD);
        return b.build();
    }

    private static Set<Integer> docs(IndexSearcher s, Query q) throws IOException {
        Set<Integer> out = new TreeSet<>();
        for (ScoreDoc sd : s.search(q, Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) out.add(sd.doc);
        return out;
    }
}
