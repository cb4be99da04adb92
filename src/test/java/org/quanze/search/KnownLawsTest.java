package org.quanze.search;

import org.junit.jupiter.api.Test;
import org.quanze.index.IndexHandle;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownLawsTest {

    @Test
    void knownLawsAreTheLawsOfTheStatuteFacet() throws IOException {
        SearchService search = BundledData.sharedEngine().search();
        IndexHandle h = search.index().acquire();
        try {
            Set<String> facet = search.counts().get("statute").stream()
                    .map(SearchResult.FacetValue::value).collect(Collectors.toSet());
            Set<String> laws = QueryPlanner.knownLaws(new LuceneGeneration(h));
            assertEquals(facet, laws);
            assertTrue(laws.contains("社会保险法"));
        } finally {
            search.index().release(h);
        }
    }
}
