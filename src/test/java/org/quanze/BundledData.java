package org.quanze;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;
import org.quanze.model.PowerRecord;

/** The bundled lists under {@code index-data/}, read in place or copied into a test's own data folder. */
public final class BundledData {

    public static final Path DATA = Path.of("index-data");
    public static final Path SOURCES = DATA.resolve("sources");

    public static final String S000 = "000_9151f9b4e62eb64c";
    public static final String S001 = "001_5b333ea7bdafe129";
    public static final String S002 = "002_878c5c45273f98d5";
    public static final String S003 = "003_9f5412502f3ddd4a";
    public static final String S004 = "004_e6509d409e33aba2";

    /** The data files beside the sources that an ingest or a search reads. */
    private static final List<String> DATA_FILES = List.of("sources.json", "synonyms.txt", "query-stopwords.txt");

    private BundledData() {}

    /** Ingests the bundled lists in place, with their catalog; nothing is written. */
    public static Ingester.Result ingest() {
        try {
            return new Ingester(SourceCatalog.load(DATA.resolve("sources.json"))).ingest(SOURCES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the sources and the data files beside them into {@code dir}, which becomes a data folder. */
    public static Path copyTo(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.toList()) Files.copy(f, sources.resolve(f.getFileName()));
        }
        for (String f : DATA_FILES) Files.copy(DATA.resolve(f), dir.resolve(f));
        return dir;
    }

    public static PowerRecord find(List<PowerRecord> records, String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + id));
    }
}
