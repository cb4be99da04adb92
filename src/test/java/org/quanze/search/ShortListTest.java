package org.quanze.search;

import org.junit.jupiter.api.Test;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whether the answer is partial (no match holds every concept) is decided from the page's own hits
 * where the page holds every match, and by a search of the index where it does not; a short match
 * set (fewer than {@link SearchRun#WIDEN_BELOW}) is filled out whatever the page. Both ways must
 * agree: a question asked with a page of 10 and with a page of 3 gives the same total, the same
 * partial flag, the same {@code matched} and the same first three hits. Every question of the
 * judged and tuning sets, on the bundled lists.
 */
class ShortListTest {

    @Test
    void aPageHoldingEveryMatchDecidesAsASearchWould() throws IOException {
        SearchService service = BundledData.sharedEngine().search();
        List<String> questions = new ArrayList<>();
        for (String set : List.of("judged", "tuning", "tuning2")) questions.addAll(ExactCountsTest.questions(set));
        assertEquals(24 + 32 + 31, questions.size());
        int short3 = 0, shortPartial = 0;
        for (String q : questions) {
            SearchResult ten = service.search(new SearchRequest(q, Map.of(), 1, 10, SearchRequest.RELEVANCE, false));
            SearchResult three = service.search(new SearchRequest(q, Map.of(), 1, 3, SearchRequest.RELEVANCE, false));
            assertEquals(ten.total(), three.total(), q);
            assertEquals(ten.partial(), three.partial(), q);
            assertEquals(ten.matched(), three.matched(), q);
            assertEquals(ids(ten.hits()).subList(0, Math.min(3, ten.hits().size())), ids(three.hits()), q);
            if (ten.total() > 3 && ten.total() < SearchRun.WIDEN_BELOW) {
                short3++;
                if (ten.partial()) shortPartial++;
            }
        }
        // The questions that take the two ways apart: fewer than ten matches, more than a page of three.
        assertEquals(16, short3);
        assertEquals(4, shortPartial);
    }

    private static List<String> ids(List<SearchResult.Hit> hits) {
        return hits.stream().map(SearchResult.Hit::id).toList();
    }
}
