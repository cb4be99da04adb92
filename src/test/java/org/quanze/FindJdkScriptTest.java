package org.quanze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .ci/find-jdk.sh, which ./quanze and .ci/run use to find a JDK 21+, run against fake JDKs whose
 * {@code java -version} prints what real ones print. PATH offers only the tools the script needs,
 * so the machine's own Java never takes part.
 */
class FindJdkScriptTest {
    private static final Path SCRIPT = Paths.get(".ci/find-jdk.sh").toAbsolutePath();

    @TempDir
    Path tmp;
    private Path tools;

    @BeforeEach
    void offerOnlyTheToolsTheScriptUses() throws IOException {
        tools = Files.createDirectories(tmp.resolve("tools"));
        for (String tool : new String[] {"readlink", "dirname", "sort", "tail"}) {
            executable(tools.resolve(tool), "#!/bin/sh\nexec " + onPath(tool) + " \"$@\"\n");
        }
    }

    @Test
    void readsTheFeatureReleaseOfEveryVersionFormat() throws Exception {
        assertEquals("8 17 21 25 22", run(Map.of(),
                "echo $(java_feature_version 1.8.0_392) $(java_feature_version 17.0.15) $(java_feature_version 21.0.2)"
                        + " $(java_feature_version 25) $(java_feature_version 22-ea)"));
    }

    @Test
    void choosesTheNewestJdkInTheScannedDirectories() throws Exception {
        fakeJdk("jvm/jdk-8", "1.8.0_392", true);
        fakeJdk("jvm/jdk-17", "17.0.15", true);
        fakeJdk("jvm/jdk-21.0.9", "21.0.9", true);
        Path newest = fakeJdk("jvm/jdk-21.0.10", "21.0.10", true);
        fakeJdk("jvm/jre-25", "25", false);
        assertEquals(newest.toString(), find(Map.of("QUANZE_JDK_SEARCH_DIRS", tmp.resolve("jvm").toString())));
    }

    @Test
    void prefersJavaHomeThenJavaOnPathOverScannedDirectories() throws Exception {
        Path home = fakeJdk("home/jdk-21", "21.0.2", true);
        Path onPath = fakeJdk("path/jdk-22", "22", true);
        Path old = fakeJdk("home/jdk-17", "17.0.15", true);
        fakeJdk("jvm/jdk-25", "25", true);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), onPath.resolve("bin/java"));
        String scan = tmp.resolve("jvm").toString();

        assertEquals(home.toString(), find(Map.of("JAVA_HOME", home.toString(), "PATH", bin + ":" + tools,
                "QUANZE_JDK_SEARCH_DIRS", scan)));
        assertEquals(onPath.toString(), find(Map.of("JAVA_HOME", old.toString(), "PATH", bin + ":" + tools,
                "QUANZE_JDK_SEARCH_DIRS", scan)));
    }

    @Test
    void saysInOneSentenceWhatItFoundWhenNoJdkIsNewEnough() throws Exception {
        Path old = fakeJdk("jvm/jdk-17", "17.0.15", true);
        assertEquals("quanze: needs a JDK 21 or newer (found only Java 17 at " + old + "); install one"
                        + " (e.g. apt-get install openjdk-21-jdk or Temurin 21+) or set JAVA_HOME to it.",
                find(Map.of("JAVA_HOME", old.toString(), "QUANZE_JDK_SEARCH_DIRS", "/nonexistent")));
        assertEquals("quanze: needs a JDK 21 or newer (found no Java at all); install one"
                        + " (e.g. apt-get install openjdk-21-jdk or Temurin 21+) or set JAVA_HOME to it.",
                find(Map.of("QUANZE_JDK_SEARCH_DIRS", "/nonexistent")));
    }

    private String find(Map<String, String> env) throws Exception {
        return run(env, "if find_jdk21; then echo \"$JDK21_HOME\"; else jdk21_missing_message quanze; fi");
    }

    private String run(Map<String, String> env, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(onPath("bash").toString(), "-c",
                "set -euo pipefail; . \"$1\"; " + command, "bash", SCRIPT.toString());
        pb.environment().clear();
        pb.environment().put("PATH", tools.toString());
        pb.environment().put("HOME", tmp.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** A JDK directory whose bin/java prints a version the way OpenJDK does, after a line of noise. */
    private Path fakeJdk(String dir, String version, boolean withJavac) throws IOException {
        Path home = Files.createDirectories(tmp.resolve(dir).resolve("bin")).getParent();
        executable(home.resolve("bin/java"), "#!/bin/sh\n"
                + "echo 'Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8' >&2\n"
                + "echo 'openjdk version \"" + version + "\" 2025-04-15' >&2\n"
                + "echo 'OpenJDK Runtime Environment' >&2\n");
        if (withJavac) {
            executable(home.resolve("bin/javac"), "#!/bin/sh\n");
        }
        return home.toRealPath();
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path onPath(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Paths.get(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(tool + " is not on PATH");
    }
}
