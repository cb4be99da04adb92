package org.quanze.testing;

import org.quanze.Engine;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary copy of the bundled data folder (the five lists, their metadata, the vocabulary
 * and the statute library), so tests build a real index on disk without touching the project's own.
 */
public final class BundledData {

    public static final Path PROJECT_DATA = Path.of("index-data");

    /** The source ids (file names without extension) of the five bundled lists. */
    public static final String S000 = "000_9151f9b4e62eb64c";
    public static final String S001 = "001_5b333ea7bdafe129";
    public static final String S002 = "002_878c5c45273f98d5";
    public static final String S003 = "003_9f5412502f3ddd4a";
    public static final String S004 = "004_e6509d409e33aba2";

    private static final List<String> FILES = java.util.stream.Stream.concat(java.util.stream.Stream.of("sources.json"),
            org.quanze.search.Vocabulary.FILES.stream()).toList();
    private static Engine shared;

    private BundledData() {}

    /** Copies the bundled lists and data files into {@code dir}; returns it. */
    public static Path copyTo(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        try (Stream<Path> s = Files.list(PROJECT_DATA.resolve("sources"))) {
            for (Path f : s.toList()) Files.copy(f, sources.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String f : FILES) {
            Path p = PROJECT_DATA.resolve(f);
            if (Files.exists(p)) Files.copy(p, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        copyTree(PROJECT_DATA.resolve("laws"), dir.resolve("laws"));
        return dir;
    }

    /** Copies a folder with its subfolders (the statute library keeps the collection's categories). */
    public static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** One engine over the bundled lists, built once per test JVM and never closed (read-only use). */
    public static synchronized Engine sharedEngine() {
        if (shared == null) {
            try {
                Path dir = copyTo(Files.createTempDirectory("quanze-bundled"));
                shared = Engine.open(dir, true, new PrintStream(OutputStream.nullOutputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Ingests the bundled lists in place, with their metadata; nothing is written. */
    public static Ingester.Result ingest() {
        try {
            return new Ingester(SourceCatalog.load(PROJECT_DATA.resolve("sources.json"))).ingest(PROJECT_DATA.resolve("sources"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PowerRecord find(List<PowerRecord> records, String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + id));
    }
}
