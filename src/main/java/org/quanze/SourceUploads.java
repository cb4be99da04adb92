package org.quanze;

import org.quanze.index.IndexStore;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.InputLimits;
import org.quanze.ingest.SourceCatalog;
import org.quanze.ingest.SourceFileName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Adds or replaces one list in the sources folder. The file is checked completely before the
 * sources are touched: its size, a safe base name, a recognised layout and at least one item.
 * Then it is written to a staging folder beside the sources and moved in with an atomic rename,
 * inside {@link Engine#update}, which rebuilds and swaps the index; if that fails, the move is
 * undone (the replaced list moved back), so sources and index stay as they were.
 */
public final class SourceUploads {

    /** A stored list: its safe name, whether it replaced one, what was read and what was built. */
    public record Added(String file, boolean replaced, Ingester.FileResult read, Engine.Built built) {}

    /** An upload refused before anything was touched; {@code status} is 400 or 413. */
    public static final class Rejected extends Exception {
        private final int status;

        Rejected(int status, String reason) {
            super(reason);
            this.status = status;
        }

        public int status() { return status; }
    }

    private SourceUploads() {}

    public static Added add(Engine engine, String submittedName, byte[] bytes) throws Rejected, IOException {
        if (bytes.length > InputLimits.MAX_FILE_BYTES) {
            throw new Rejected(413, "the file is larger than the limit of " + InputLimits.MAX_FILE_BYTES / (1024 * 1024) + " MB");
        }
        SourceFileName.Result n = SourceFileName.reduce(submittedName);
        if (n.name() == null) throw new Rejected(400, n.refusal());
        String name = n.name();
        IndexStore store = engine.store();
        Ingester.FileResult read = new Ingester(SourceCatalog.load(store.catalogFile())).ingest(name, bytes);
        if (read.error() != null) throw new Rejected(400, name + ": " + read.error());

        Path sources = store.sourcesDir().toAbsolutePath().normalize();
        Path target = sources.resolve(name).normalize();
        if (!sources.equals(target.getParent())) throw new Rejected(400, "the file name does not stay inside the sources folder");
        Path staging = Files.createDirectories(store.dataDir().resolve(".staging"));
        Path upload = Files.createTempFile(staging, "upload-", ".part");
        Path previous = staging.resolve(upload.getFileName() + ".previous");
        boolean[] replaced = {false};
        boolean done = false;
        try {
            Files.write(upload, bytes, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            Engine.Built built = engine.update(new Engine.SourcesChange() {
                @Override
                public void apply() throws IOException {
                    if (Files.exists(target)) {
                        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
                        replaced[0] = true;
                    }
                    Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
                }

                @Override
                public void undo() throws IOException {
                    Files.deleteIfExists(target);
                    if (replaced[0]) Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
                }
            });
            if (built.generation() == null) throw new IOException("the sources held no readable item after the upload");
            done = true;
            return new Added(name, replaced[0], read, built);
        } finally {
            Files.deleteIfExists(upload);
            // The replaced list is deleted only once the new one serves; after a failed undo it is the only copy.
            if (done) Files.deleteIfExists(previous);
        }
    }
}
