package org.quanze.ingest;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A separate JVM that ingests a sources folder (reading only, no index) and measures its heap: after
 * every garbage collection, the heap still in use, the most of which bounds what the ingest held at
 * once (garbage not yet collected is never counted, live data always is). Prints one line per file
 * and one line with the measurement.
 */
public final class IngestHeapChild {

    private static long maxAfterGc;
    private static int collections;

    private IngestHeapChild() {}

    public static void main(String[] args) throws Exception {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
                }
                synchronized (IngestHeapChild.class) {
                    maxAfterGc = Math.max(maxAfterGc, used);
                    collections++;
                }
            }, null, null);
        }
        Ingester.Result r = new Ingester(SourceCatalog.empty()).ingest(Path.of(args[0]));
        for (IngestReport.SourceReport s : r.report().sources()) {
            System.out.println("file " + s.file() + ": " + s.powers() + " powers, " + (s.error() == null ? "read" : "refused: " + s.error()));
        }
        Thread.sleep(500); // notifications arrive on their own thread
        synchronized (IngestHeapChild.class) {
            System.out.println("heap: most in use after a collection " + maxAfterGc / (1024 * 1024) + " MB over " + collections
                    + " collections; max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        }
    }
}
