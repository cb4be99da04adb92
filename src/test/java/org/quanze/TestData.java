package org.quanze;

import org.quanze.testing.BundledData;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Bundled-data figures and child JVMs for the security tests; the copying itself is {@link BundledData}'s. */
public final class TestData {

    public static final Path BUNDLED = BundledData.PROJECT_DATA;
    /** The bundled lists hold 73 powers and 13 duties. */
    public static final int POWERS = 73;
    public static final int ITEMS = 86;
    public static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private TestData() {}

    /** A data folder with the bundled sources, metadata and vocabulary, but no index (see {@link BundledData}). */
    public static Path copy(Path into) throws IOException {
        return BundledData.copyTo(into.resolve("data"));
    }

    public static Path bundledSource(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(BUNDLED.resolve("sources"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    /**
     * Adds {@code copies} copies of every list in the folder's sources under other names
     * ({@code copyN_…}), so that a build takes seconds rather than milliseconds: long enough for a
     * test to act while it runs. Each copy is a list of its own: {@value #ITEMS} more items.
     */
    public static List<Path> addCopies(Path data, int copies) throws IOException {
        List<Path> bundled;
        try (Stream<Path> s = Files.list(data.resolve("sources"))) {
            bundled = s.sorted().toList();
        }
        List<Path> added = new java.util.ArrayList<>();
        for (int i = 0; i < copies; i++) {
            for (Path p : bundled) {
                Path copy = data.resolve("sources").resolve("copy" + i + "_" + p.getFileName());
                Files.copy(p, copy);
                added.add(copy);
            }
        }
        return added;
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
