package org.quanze.search;

import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.junit.jupiter.api.Test;
import org.quanze.index.DocumentMapper;
import org.quanze.index.IndexHandle;
import org.quanze.index.Schema;
import org.quanze.model.PowerRecord;
import org.quanze.statute.LawLibrary;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text of the articles an item's legal basis cites is searched with the item
 * ({@link Schema#ARTICLES}): a list that cites 医疗保障基金使用监督管理条例第三十八条 is found by the
 * conduct that article lists, and the hit shows the clause that holds the words.
 */
class CitedArticlesTest {

    @Test
    void everyItemGroundedOnAnArticleTheLibraryHoldsHasItsText() throws IOException {
        SearchService service = BundledData.sharedEngine().search();
        IndexHandle h = service.index().acquire();
        try {
            LawLibrary laws = LawLibrary.read(h.path());
            int grounded = 0;
            for (PowerRecord r : ExactCountsTest.records(h)) if (!laws.basisArticles(r).isEmpty()) grounded++;
            Terms terms = MultiTerms.getTerms(h.reader(), Schema.ARTICLES);
            assertNotNull(terms);
            // 57 of the 86 records (powers and duties) cite an article of a law the bundled library holds.
            assertEquals(57, grounded);
            assertEquals(grounded, terms.getDocCount());
        } finally {
            service.index().release(h);
        }
    }

    /**
     * 返还现金 is in 条例 第三十八条 (五) and 第四十一条 (三); four of the five powers found hold
     * neither word in their own text. The total is every power whose own text or cited article holds
     * both words, counted by hand.
     */
    @Test
    void wordsOnlyACitedArticleHoldsFindTheItem() throws IOException {
        SearchService service = BundledData.sharedEngine().search();
        SearchResult r = service.search(new SearchRequest("返还现金", Map.of(), 1, 10, SearchRequest.RELEVANCE, false));
        IndexHandle h = service.index().acquire();
        Set<String> expected = new TreeSet<>();
        Set<String> byArticleOnly = new TreeSet<>();
        try {
            LawLibrary laws = LawLibrary.read(h.path());
            for (PowerRecord rec : ExactCountsTest.records(h)) {
                if (!PowerRecord.POWER.equals(rec.kind())) continue;
                String own = String.join("\n", DocumentMapper.texts(rec).values());
                String all = own + "\n" + String.join("\n", laws.basisArticles(rec));
                if (!all.contains("返还") || !all.contains("现金")) continue;
                expected.add(rec.id());
                if (!own.contains("返还") && !own.contains("现金")) byArticleOnly.add(rec.id());
            }
        } finally {
            service.index().release(h);
        }
        // The five that hold both words come first; the list, shorter than a page, is filled out
        // with the nine items that hold one of them.
        assertEquals(5L, r.matched());
        assertEquals(14, r.total());
        assertEquals(expected, first(r, 5));
        for (SearchResult.Hit later : r.hits().subList(5, r.hits().size())) assertEquals(1, later.missing().size(), later.id());
        assertEquals(Set.of("000_9151f9b4e62eb64c-5", "000_9151f9b4e62eb64c-9", "002_878c5c45273f98d5-1", "002_878c5c45273f98d5-4"), byArticleOnly);
        // The power that quotes 第四十一条 in its own basis ranks first.
        assertEquals("002_878c5c45273f98d5-2", r.hits().get(0).id());
    }

    @Test
    void theHitShowsTheClauseOfTheArticleThatHoldsTheWords() throws IOException {
        SearchResult r = BundledData.sharedEngine().search().search(
                new SearchRequest("返还现金", Map.of(), 1, 10, SearchRequest.RELEVANCE, false));
        SearchResult.Hit hit = r.hits().stream().filter(x -> x.id().equals("000_9151f9b4e62eb64c-5")).findFirst().orElseThrow();
        SearchResult.Highlight a = hit.highlights().stream().filter(x -> x.field().equals(Schema.ARTICLES)).findFirst().orElseThrow();
        assertEquals("所引条文：《医疗保障基金使用监督管理条例》第三十八条", a.label());
        // The clause, from its start to its end.
        assertEquals("…（五）为参保人员利用其享受医疗保障待遇的机会转卖药品，接受【返还】【现金】、实物或者获得其他非法利益提供便利；…",
                a.text("【", "】"));
        // Neither word is missing from the hit: the article holds both.
        assertEquals(List.of(), hit.missing());
        // The power that quotes the article itself marks it there and needs no clause of it.
        SearchResult.Hit quoting = r.hits().get(0);
        assertTrue(quoting.highlights().stream().anyMatch(x -> x.field().equals(Schema.BASIS)));
        assertNull(quoting.highlights().stream().filter(x -> x.field().equals(Schema.ARTICLES)).findFirst().orElse(null));
    }

    @Test
    void aSnippetStartsAtItsClauseAndPrefersTheLongerSpelling() {
        String text = "第一款说别的事情。" + "甲".repeat(80) + "；医疗保障基金被骗取的，责令退回。";
        List<SearchResult.Span> spans = ArticleSnippets.spans(text, List.of(List.of("医疗保障基金", "医疗"), List.of("退回")));
        StringBuilder shown = new StringBuilder();
        for (SearchResult.Span s : spans) shown.append(s.mark() ? "[" + s.text() + "]" : s.text());
        assertEquals("…[医疗保障基金]被骗取的，责令[退回]。", shown.toString());
    }

    private static Set<String> first(SearchResult r, int n) {
        Set<String> out = new TreeSet<>();
        for (SearchResult.Hit h : r.hits().subList(0, n)) out.add(h.id());
        return out;
    }
}
