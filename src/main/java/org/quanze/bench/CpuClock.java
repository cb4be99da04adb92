package org.quanze.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the process's Java threads, summed: a search's cost whatever threads it runs on
 * (the caller, and the search pool's for an index searched in slices), robust to other load on
 * the machine in a way that wall time is not. Threads that end between two readings take their
 * time with them, so it is read around work whose threads outlive it.
 */
final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuClock() {}

    static long nanos() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t > 0) sum += t;
        }
        return sum;
    }
}
