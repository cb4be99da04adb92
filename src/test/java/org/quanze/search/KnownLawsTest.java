package org.quanze.search;

import org.junit.jupiter.api.Test;
import org.quanze.index.IndexHandle;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownLawsTest {

    @Test
    void knownLawsAreTheLawsOfTheStatuteFacet() throws IOException {
        MatchSetTest.indexTheBundledLists();
        try {
            IndexHandle h = MatchSetTest.engine.search().index().acquire();
            try {
                Set<String> facet = MatchSetTest.engine.search().counts().get("statute").stream()
                        .map(SearchResult.FacetValue::value).collect(Collectors.toSet());
                Set<String> laws = SearchService.knownLaws(h);
                assertEquals(facet, laws);
                assertTrue(laws.contains("社会保险法"));
            } finally {
                MatchSetTest.engine.search().index().release(h);
            }
        } finally {
            MatchSetTest.close();
        }
    }
}
