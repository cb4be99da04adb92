package org.quanze.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the bench stops warming the server up and starts measuring. */
class WarmupRuleTest {

    @Test
    void oneFlatRoundWhileStillRisingIsNotSettled() {
        // The bundled run that stopped too early: 1,099 then 1,102 looked flat, the server went on to 2,150.
        assertFalse(Benchmark.settled(List.of(403.0, 660.0, 832.0, 1099.0, 1102.0)));
        assertFalse(Benchmark.settled(List.of(403.0, 660.0, 832.0, 1099.0, 1102.0, 1500.0)));
    }

    @Test
    void twoRoundsInARowWithoutGainAreSettled() {
        assertTrue(Benchmark.settled(List.of(1100.0, 1700.0, 2150.0, 2100.0, 2180.0)));
        // A dip and a return within 3 % of the best: no gain either.
        assertTrue(Benchmark.settled(List.of(1000.0, 1500.0, 2000.0, 1800.0, 2060.0)));
    }

    @Test
    void aGainAboveThreePercentKeepsWarming() {
        assertFalse(Benchmark.settled(List.of(1000.0, 1500.0, 2000.0, 1990.0, 2070.0)));
    }

    @Test
    void tooFewRoundsAreNeverSettled() {
        assertFalse(Benchmark.settled(List.of(14.1, 14.0, 14.0)));
        assertTrue(Benchmark.settled(List.of(14.1, 14.5, 14.4, 14.4)));
    }
}
