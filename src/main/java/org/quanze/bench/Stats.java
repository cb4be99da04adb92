package org.quanze.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Percentiles of one run, and medians over repeated runs. */
final class Stats {

    private Stats() {}

    /**
     * Latency percentiles in milliseconds over {@code n} timed requests, and where it was measured
     * (in-process runs) the mean CPU time of a request, every thread of the process counted.
     */
    record Latency(double p50, double p95, double p99, long n,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Double meanCpuMs) {
        static Latency of(long[] nanos, int n) {
            return of(nanos, n, null);
        }

        static Latency of(long[] nanos, int n, long[] cpuNanos) {
            long[] s = Arrays.copyOf(nanos, n);
            Arrays.sort(s);
            Double cpu = null;
            if (cpuNanos != null && n > 0) {
                long sum = 0;
                for (int i = 0; i < n; i++) sum += cpuNanos[i];
                cpu = sum / 1e6 / n;
            }
            return new Latency(ms(rank(s, 50)), ms(rank(s, 95)), ms(rank(s, 99)), n, cpu);
        }

        /** The median of each percentile over runs. */
        static Latency median(List<Latency> runs) {
            boolean cpu = runs.stream().allMatch(l -> l.meanCpuMs() != null);
            return new Latency(Stats.median(runs, Latency::p50), Stats.median(runs, Latency::p95),
                    Stats.median(runs, Latency::p99), (long) Stats.median(runs, Latency::n),
                    cpu && !runs.isEmpty() ? Stats.median(runs, Latency::meanCpuMs) : null);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static long rank(long[] sorted, double pct) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(pct / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static <T> double median(List<T> runs, ToDoubleFunction<T> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
