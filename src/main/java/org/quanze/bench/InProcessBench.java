package org.quanze.bench;

import org.quanze.index.IndexHandle;
import org.quanze.search.SearchRefused;
import org.quanze.search.SearchService;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Query latency in the process that holds the index: the search service's own cost, no HTTP, no JSON. */
final class InProcessBench {

    /**
     * Per kind: latency percentiles and mean CPU per request (a refused search counts with the
     * time it took to be refused), the mean number of matching items of the answered ones (the
     * work facets scale with), and how many the service refused (past its time limit). With a
     * reference, {@code reference} holds plain Lucene's figures for the judged questions, run
     * interleaved with Quanze's: each question by Quanze, then by the reference, in turn.
     */
    record Result(Map<QueryMix.Kind, Stats.Latency> latency, Map<QueryMix.Kind, Double> meanHits, long refused,
                  Stats.Latency reference) {}

    private InProcessBench() {}

    /**
     * Runs each kind's queries in turn, one at a time, for at least {@code seconds} and at least
     * {@code minSamples} requests (at most ten times the seconds).
     */
    static Result run(SearchService service, Map<QueryMix.Kind, List<QueryMix.Query>> mix, double seconds,
                      int minSamples, ReferenceSearch reference) throws IOException {
        Map<QueryMix.Kind, Stats.Latency> lat = new EnumMap<>(QueryMix.Kind.class);
        Map<QueryMix.Kind, Double> hits = new EnumMap<>(QueryMix.Kind.class);
        Stats.Latency ref = null;
        long refused = 0;
        for (var e : mix.entrySet()) {
            List<QueryMix.Query> qs = e.getValue();
            boolean compare = reference != null && e.getKey() == QueryMix.Kind.judged;
            int cap = 1 << 16;
            long[] nanos = new long[cap];
            long[] cpu = new long[cap];
            long[] refNanos = compare ? new long[cap] : null;
            long[] refCpu = compare ? new long[cap] : null;
            int n = 0;
            int answered = 0;
            long hitSum = 0;
            long start = System.nanoTime();
            long minEnd = start + (long) (seconds * 1e9);
            long maxEnd = start + (long) (seconds * 10e9);
            IndexHandle h = compare ? service.index().acquire() : null;
            try {
                while (n < cap) {
                    long now = System.nanoTime();
                    if ((now >= minEnd && n >= minSamples) || now >= maxEnd) break;
                    QueryMix.Query q = qs.get(n % qs.size());
                    long c0 = CpuClock.nanos();
                    long t0 = System.nanoTime();
                    long found = once(service, q);
                    nanos[n] = System.nanoTime() - t0;
                    cpu[n] = CpuClock.nanos() - c0;
                    if (compare) {
                        long rc0 = CpuClock.nanos();
                        long rt0 = System.nanoTime();
                        reference.search(h, q.search().q());
                        refNanos[n] = System.nanoTime() - rt0;
                        refCpu[n] = CpuClock.nanos() - rc0;
                    }
                    n++;
                    if (found < 0) {
                        refused++;
                    } else {
                        hitSum += found;
                        answered++;
                    }
                }
            } finally {
                if (h != null) service.index().release(h);
            }
            lat.put(e.getKey(), Stats.Latency.of(nanos, n, cpu));
            if (compare) ref = Stats.Latency.of(refNanos, n, refCpu);
            hits.put(e.getKey(), answered == 0 ? 0 : (double) hitSum / answered);
        }
        return new Result(lat, hits, refused, ref);
    }

    /** Runs every query of the mix (to warm up, and to fail early on a broken query; a slow one may be refused). */
    static void warmUp(SearchService service, Map<QueryMix.Kind, List<QueryMix.Query>> mix, int rounds,
                       ReferenceSearch reference) throws IOException {
        for (int i = 0; i < rounds; i++) {
            for (List<QueryMix.Query> qs : mix.values()) for (QueryMix.Query q : qs) once(service, q);
            if (reference != null) {
                IndexHandle h = service.index().acquire();
                try {
                    for (QueryMix.Query q : mix.get(QueryMix.Kind.judged)) reference.search(h, q.search().q());
                } finally {
                    service.index().release(h);
                }
            }
        }
    }

    /** Matching items, or -1 when the service refused the search (its time limit; busy). */
    private static long once(SearchService service, QueryMix.Query q) throws IOException {
        if (q.kind() == QueryMix.Kind.suggest) return service.suggest(q.prefix(), 10).size();
        try {
            return service.search(q.search()).total();
        } catch (SearchRefused r) {
            if (r.reason() == SearchRefused.Reason.TOO_COMPLEX) throw r;
            return -1;
        }
    }
}
