package org.quanze.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code serve} command in a child JVM on a loopback port, as the benchmark starts and
 * measures it; {@code startupMs} is from launching the JVM to the first answered search. Heap
 * and compile-time figures come from jcmd.
 */
final class ServerProcess implements AutoCloseable {

    /** In {@code jcmd PerfCounter.print}: the JIT's compile time, in high-resolution ticks, and the ticks per second. */
    private static final Pattern COMPILE_TICKS = Pattern.compile("(?m)^java\\.ci\\.totalTime=(\\d+)");
    private static final Pattern TICKS_PER_SECOND = Pattern.compile("(?m)^sun\\.os\\.hrt\\.frequency=(\\d+)");

    final Process process;
    final int port;
    final double startupMs;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(Process process, int port, double startupMs) {
        this.process = process;
        this.port = port;
        this.startupMs = startupMs;
    }

    static ServerProcess start(Path dataDir, List<String> jvmOptions, String probePath, Path log) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.quanze.Main",
                "serve", "--data", dataDir.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port)));
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + probePath);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // However the benchmark ends, the server it started ends with it.
        Thread reaper = new Thread(p::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) throw new IOException("the server exited with " + p.exitValue() + "; see " + log);
                try {
                    HttpResponse<Void> r = probe.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) return new ServerProcess(p, port, (System.nanoTime() - t0) / 1e6);
                    throw new IOException("the server answered " + r.statusCode() + " to " + probePath);
                } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
                    sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            throw new IOException("the server did not answer within 300 s; see " + log);
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** GET, failing unless 200; returns the body. */
    String get(String path) throws IOException {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // 503: refused at the search time limit or busy; the load runs count those as errors.
            if (r.statusCode() != 200 && r.statusCode() != 503) {
                throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * Waits until the server has finished the requests a load run left in flight (wrk stops
     * sending, the server still answers them: at 32 connections, seconds of work at 1M
     * items), so the next run does not pay for them. Idle is under a tenth of a core for
     * 300 ms, read from the process's CPU time; at most 60 s.
     */
    void awaitIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long before = cpuNanos();
        while (System.nanoTime() < deadline && before >= 0) {
            sleep(300);
            long now = cpuNanos();
            if (now - before < TimeUnit.MILLISECONDS.toNanos(30)) return;
            before = now;
        }
    }

    /** User and system CPU time of the server from /proc, or -1 off Linux. */
    private long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // clock ticks of 10 ms
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Seconds the server's JIT compilers have spent so far (its {@code java.ci.totalTime}
     * counter), or NaN where the JVM does not publish it.
     */
    double compileSeconds() throws IOException {
        String counters = jcmd(process.pid(), "PerfCounter.print");
        Matcher time = COMPILE_TICKS.matcher(counters);
        Matcher hz = TICKS_PER_SECOND.matcher(counters);
        if (!time.find() || !hz.find()) return Double.NaN;
        return Double.parseDouble(time.group(1)) / Double.parseDouble(hz.group(1));
    }

    HttpBench.Heap heap(boolean gcFirst) throws IOException {
        if (gcFirst) jcmd(process.pid(), "GC.run");
        String info = jcmd(process.pid(), "GC.heap_info");
        Matcher m = Pattern.compile("committed (\\d+)K, used (\\d+)K").matcher(info);
        if (!m.find()) throw new IOException("cannot read the heap from jcmd GC.heap_info: " + info);
        return new HttpBench.Heap(Long.parseLong(m.group(2)) / 1024.0, Long.parseLong(m.group(1)) / 1024.0, rssMiB(process.pid()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The options {@code ./quanze serve} starts with: the Vector API, which Lucene searches faster
     * with, and a class-data archive, written by the first start and mapped by later ones. The
     * benchmark's archive is its own, in the work folder, and is removed before the first start:
     * the JVM does not rewrite an archive it cannot use (one older than the jar, or written with
     * other options), so a stale one left every measured start without it.
     */
    static List<String> serveOptions(Path work) throws IOException {
        Path archive = work.toAbsolutePath().resolve("quanze-serve.jsa");
        Files.deleteIfExists(archive);
        return List.of("--add-modules", "jdk.incubator.vector", "-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    private static String jcmd(long pid, String command) throws IOException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Double.NaN;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
