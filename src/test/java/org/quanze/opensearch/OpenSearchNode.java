package org.quanze.opensearch;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OpenSearch node for the tests: the integration-test distribution the build unpacks into
 * {@code target/opensearch}, started once per test JVM on free ports as a single-node cluster with
 * a bounded heap, its data and logs in a temporary folder, and stopped when the JVM ends.
 * OpenSearch refuses to run as root, so as root it runs as a system user of its own
 * ({@value #USER}, created when missing) through {@code runuser}. Without the distribution the
 * tests that need it are skipped, saying so on the console; with {@code CI=true} they fail instead.
 */
public final class OpenSearchNode {

    static final String USER = "quanze-opensearch";
    static final String HEAP = "-Xms512m -Xmx512m";
    static final long START_LIMIT_MILLIS = 240_000;

    private static OpenSearchNode shared;
    private static final AtomicInteger ALIASES = new AtomicInteger();

    private final Process process;
    private final Path work;
    private final String url;

    private OpenSearchNode(Process process, Path work, String url) {
        this.process = process;
        this.work = work;
        this.url = url;
    }

    /** The node's HTTP address. */
    public String url() {
        return url;
    }

    /** A fresh alias name, so test classes sharing the node never see each other's indexes. */
    public static String freshAlias(String prefix) {
        return prefix + "-" + ALIASES.incrementAndGet();
    }

    /** The node, started on first use; skips (or, on CI, fails) the calling test when the distribution is missing. */
    public static synchronized OpenSearchNode get() {
        if (shared != null) return shared;
        String home = System.getProperty("quanze.opensearch.home", "target/opensearch/opensearch-3.3.0");
        Path dir = Path.of(home).toAbsolutePath();
        if (!Files.isExecutable(dir.resolve("bin/opensearch"))) {
            String why = "no OpenSearch distribution at " + dir + " (the build unpacks it there unless -Dopensearch.skip=true)";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException("CI=true, and the OpenSearch tests cannot run: " + why);
            System.err.println("SKIPPED: the OpenSearch backend tests: " + why);
            System.out.println("SKIPPED: the OpenSearch backend tests: " + why);
            Assumptions.abort(why);
        }
        try {
            shared = start(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenSearch test node did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        return shared;
    }

    private static OpenSearchNode start(Path home) throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path work = Files.createTempDirectory("quanze-opensearch");
        Files.createDirectories(work.resolve("data"));
        Files.createDirectories(work.resolve("logs"));
        Files.createDirectories(work.resolve("tmp"));
        if (root) {
            ensureUser();
            // The node writes beside itself (its GC log, a keystore); the tree is build output, so it is handed over.
            run("chown", "-R", USER, home.toString(), work.toString());
            run("chmod", "755", work.toString());
        }
        int http = freePort();
        int transport = freePort();
        List<String> cmd = new ArrayList<>();
        if (root) cmd.addAll(List.of("runuser", "-u", USER, "--"));
        cmd.addAll(List.of(home.resolve("bin/opensearch").toString(),
                "-Ediscovery.type=single-node", "-Ecluster.name=quanze-test", "-Enode.name=quanze-test",
                "-Enetwork.host=127.0.0.1", "-Ehttp.port=" + http, "-Etransport.port=" + transport,
                "-Epath.data=" + work.resolve("data"), "-Epath.logs=" + work.resolve("logs"),
                // A shared machine's disk may be fuller than the default watermarks like; the test index is tiny.
                "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("console.log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OPENSEARCH_JAVA_OPTS", HEAP);
        pb.environment().put("OPENSEARCH_TMPDIR", work.resolve("tmp").toString());
        Process p = pb.start();
        String url = "http://127.0.0.1:" + http;
        OpenSearchNode node = new OpenSearchNode(p, work, url);
        long deadline = System.currentTimeMillis() + START_LIMIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                String log = Files.readString(work.resolve("console.log"));
                throw new IOException("OpenSearch exited with " + p.exitValue() + ": " + tail(log));
            }
            if (answers(url)) return node;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        node.stop();
        throw new IOException("OpenSearch did not answer at " + url + " within " + START_LIMIT_MILLIS / 1000 + " s: "
                + tail(Files.readString(work.resolve("console.log"))));
    }

    private static boolean answers(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url + "/_cluster/health").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static void ensureUser() throws IOException {
        if (runQuietly("id", "-u", USER) == 0) return;
        run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER);
    }

    private static void run(String... cmd) throws IOException {
        int rc = runQuietly(cmd);
        if (rc != 0) throw new IOException(String.join(" ", cmd) + " exited with " + rc);
    }

    private static int runQuietly(String... cmd) throws IOException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", cmd), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(String log) {
        return log.length() > 3000 ? log.substring(log.length() - 3000) : log;
    }

    /** Stops the node (and whatever runuser started) and deletes its data. */
    void stop() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle h : all) h.destroy();
        try {
            for (ProcessHandle h : all) h.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            for (ProcessHandle h : all) h.destroyForcibly();
        }
        try {
            org.quanze.index.IndexStore.deleteTree(work);
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder; the system clears it
        }
    }
}
