package org.quanze;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Copies of the bundled data folder for tests that change sources or build indexes. */
public final class TestData {

    public static final Path BUNDLED = Path.of("index-data");
    /** The bundled lists hold 73 powers and 13 duties. */
    public static final int POWERS = 73;
    public static final int ITEMS = 86;
    public static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private TestData() {}

    /** A data folder with the bundled sources, metadata and vocabulary, but no index. */
    public static Path copy(Path into) throws IOException {
        Path data = Files.createDirectories(into.resolve("data"));
        Files.createDirectories(data.resolve("sources"));
        for (String f : List.of("sources.json", "synonyms.txt", "query-stopwords.txt")) {
            Path src = BUNDLED.resolve(f);
            if (Files.exists(src)) Files.copy(src, data.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> s = Files.list(BUNDLED.resolve("sources"))) {
            for (Path p : s.toList()) Files.copy(p, data.resolve("sources").resolve(p.getFileName()));
        }
        return data;
    }

    public static Path bundledSource(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(BUNDLED.resolve("sources"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    /** The java launcher and class path of this JVM, for child processes. */
    public static ProcessBuilder childJvm(List<String> jvmArgs, String mainClass, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", cp, mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }
}
