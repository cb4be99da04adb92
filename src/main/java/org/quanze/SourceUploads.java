package org.quanze;

import org.quanze.index.IndexStore;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.InputLimits;
import org.quanze.ingest.SourceCatalog;
import org.quanze.ingest.SourceFileName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adds or replaces one list in the sources folder. The file is checked completely before anything
 * is written: its size, a safe base name, a recognised layout and at least one item. Then it is
 * staged and the index is rebuilt from the sources as they will be ({@link StagedUpload}); the file
 * enters the sources only once that index is current, so a failure or a crash at any point leaves
 * sources and index both as they were before, or both with the new list.
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
        if (Files.isDirectory(target)) throw new Rejected(400, "the sources hold a folder named " + name + "; choose another file name");
        StagedUpload upload = new StagedUpload(store, name, bytes);
        Engine.Built built = engine.update(upload);
        if (built.generation() == null) throw new IOException("the sources held no readable item after the upload");
        return new Added(name, upload.replaced(), read, built);
    }
}
