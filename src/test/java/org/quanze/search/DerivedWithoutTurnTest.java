package org.quanze.search;

import org.junit.jupiter.api.Test;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A value derived once per generation is worked out on a search's turn, and looked up afterwards
 * without one: every /api/search asks for the statute index, and it must not queue for it.
 */
class DerivedWithoutTurnTest {

    @Test
    void workingAValueOutTakesATurnAndLookingItUpDoesNot() throws IOException {
        SearchService shared = BundledData.sharedEngine().search();
        // The same index with no turn to give: every search is refused as busy after 20 ms.
        SearchService noTurn = new SearchService(shared.backend(), shared.planner(), SearchService.TIME_LIMIT, 0, Duration.ofMillis(20));
        String key = "derived-without-turn-test";
        AtomicInteger computed = new AtomicInteger();

        SearchRefused busy = assertThrows(SearchRefused.class, () -> noTurn.derived(key, g -> "never"));
        assertEquals(SearchRefused.Reason.BUSY, busy.reason());
        assertEquals(0, computed.get());

        String made = shared.derived(key, g -> {
            computed.incrementAndGet();
            return "items: " + g.items();
        });
        assertEquals("items: 86", made);
        assertEquals(1, computed.get());

        // Worked out once, it is the same value, with or without a turn to give.
        assertSame(made, noTurn.derived(key, g -> "never"));
        assertSame(made, shared.derived(key, g -> "again"));
        assertEquals(1, computed.get());
    }
}
