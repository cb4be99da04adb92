package org.quanze.search;

import org.junit.jupiter.api.Test;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quanze.testing.BundledData.S000;
import static org.quanze.testing.BundledData.S002;
import static org.quanze.testing.BundledData.S003;

/**
 * A question that names an article finds the items citing it, then the same powers where their
 * list gives no legal basis at all (list 003 gives none): each such hit says which article its
 * namesake cites. Items whose list gives a basis, another one, are never added.
 */
class SamePowerTest {

    private final SearchService search = BundledData.sharedEngine().search();

    @Test
    void theSamePowerWithoutABasisFollowsTheItemsCitingTheArticle() throws IOException {
        SearchResult r = search.search(SearchRequest.of("社会保险法第八十六条"));
        assertEquals(5, r.total());
        assertEquals(List.of(S000 + "-4", S000 + "-11", S000 + "-2", S003 + "-2-5", S003 + "-2-6"), ids(r));
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of("社会保险法/86"), List.of("社会保险法/86")),
                r.hits().stream().map(SearchResult.Hit::samePowerCites).toList());
        assertEquals(false, r.partial());

        SearchResult other = search.search(SearchRequest.of("劳动保障监察条例第11条"));
        assertEquals(List.of(S000 + "-13", S003 + "-2-8"), ids(other));
    }

    @Test
    void anArticleWhosePowersAllGiveABasisAddsNothing() throws IOException {
        SearchResult r = search.search(SearchRequest.of("医疗保障基金使用监督管理条例第四十条"));
        assertEquals(List.of(S000 + "-8", S002 + "-4", S002 + "-1"), ids(r));
        assertEquals(0, r.hits().stream().filter(h -> !h.samePowerCites().isEmpty()).count());
    }

    @Test
    void theStatuteFacetStillMeansTheItemsCitingIt() throws IOException {
        SearchRequest byFacet = new SearchRequest("", Map.of("statute", List.of("社会保险法/86")), 1, 10, SearchRequest.RELEVANCE, false);
        assertEquals(3, search.search(byFacet).total());
    }

    @Test
    void theExplanationSaysWhyTheHitIsThere() throws IOException {
        SearchRequest explained = new SearchRequest("社会保险法第八十四条", Map.of(), 1, 10, SearchRequest.RELEVANCE, true);
        SearchResult r = search.search(explained);
        assertEquals(List.of(S000 + "-1", S002 + "-3", S003 + "-2-1"), ids(r));
        SearchResult.Explanation.Contribution first = r.hits().get(2).explain().contributions().get(0);
        assertEquals("same-power", first.mechanism());
        assertEquals("社会保险法/84", first.detail());
        assertEquals(StatuteMatch.SAME_POWER_WEIGHT, first.score(), 1e-6f);
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }
}
