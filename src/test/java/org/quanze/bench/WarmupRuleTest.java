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
    void whereTheCompileTimeIsKnownItDecides() {
        // The bundled server's rounds: the compilers busy for seven rounds, then quiet.
        List<Double> rps = List.of(167.0, 471.0, 788.0, 985.0, 1137.0, 1433.0, 1595.0, 1971.0, 1961.0, 2005.0);
        List<Double> jit = List.of(9.1, 7.3, 5.4, 5.4, 5.2, 5.0, 2.9, 0.8, 0.29, 0.12);
        for (int n = 4; n <= 9; n++) assertFalse(Benchmark.settled(rps.subList(0, n), jit.subList(0, n), 5.0), n + " rounds");
        assertTrue(Benchmark.settled(rps, jit, 5.0));
        // A slow rise of under 3 % a round while the compilers still work is not settled.
        assertFalse(Benchmark.settled(List.of(1108.0, 1146.0, 1406.0, 1512.0, 1540.0, 1571.0), List.of(3.0, 2.5, 2.1, 1.4, 0.9, 0.6), 5.0));
        // Quiet compilers settle it even where throughput wobbles.
        assertTrue(Benchmark.settled(List.of(1900.0, 2000.0, 1950.0, 2080.0), List.of(4.0, 0.5, 0.1, 0.2), 5.0));
    }

    @Test
    void withoutTheCompileTimeThroughputDecides() {
        List<Double> rps = List.of(1100.0, 1700.0, 2150.0, 2100.0, 2180.0);
        List<Double> unknown = List.of(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        assertTrue(Benchmark.settled(rps, unknown, 5.0));
        assertFalse(Benchmark.settled(List.of(1000.0, 1500.0, 2000.0, 1990.0, 2070.0), unknown, 5.0));
    }

    @Test
    void tooFewRoundsAreNeverSettled() {
        assertFalse(Benchmark.settled(List.of(14.1, 14.0, 14.0)));
        assertFalse(Benchmark.settled(List.of(14.1, 14.0, 14.0), List.of(0.1, 0.1, 0.1), 5.0));
        assertTrue(Benchmark.settled(List.of(14.1, 14.5, 14.4, 14.4)));
    }
}
