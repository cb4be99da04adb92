package org.quanze;

import org.quanze.index.IndexStore;

import java.nio.file.Path;

/**
 * A separate JVM that ingests a data folder, for tests that kill it mid-build or limit its heap.
 * Prints one line when it starts and one with the outcome.
 */
public final class IngestChild {

    private IngestChild() {}

    public static void main(String[] args) throws Exception {
        System.out.println("ingest started");
        System.out.flush();
        Engine.Built b = Engine.ingest(new IndexStore(Path.of(args[0])));
        System.out.println("ingest finished: " + b.report().powers() + " powers, " + b.report().duties() + " duties, "
                + b.report().skipped().size() + " skipped, " + b.report().remarks().size() + " remarks, generation "
                + b.generation() + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        b.report().failed().forEach(s -> System.out.println("failed: " + s.file() + ": " + s.error()));
    }
}
