package org.quanze.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.Engine;
import org.quanze.TestData;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Static files only from the web root, security headers on every answer, CORS only when configured. */
class HttpHardeningTest {

    /** Requests that try to leave the web root, as sent on the wire (no client normalisation). */
    static final List<String> ESCAPES = List.of("/../pom.xml", "/%2e%2e/pom.xml", "/..%2fpom.xml", "/%2e%2e%2fpom.xml",
            "/.git/config", "/../.git/config", "/%2e%2e/.git/config", "/index-data/sources.json", "/index-data/index/CURRENT",
            "/../index-data/sources.json", "/%2e%2e%2f%2e%2e%2fetc/passwd", "/..%2f..%2f..%2fetc/passwd", "/js/../../pom.xml",
            "/js/%2e%2e/%2e%2e/pom.xml", "/%5c..%5cpom.xml", "/..\\pom.xml", "/..;/pom.xml", "//etc/passwd", "/./../pom.xml",
            "/%252e%252e/pom.xml", "/%c0%ae%c0%ae/pom.xml", "/WEB-INF/web.xml", "/simplelogger.properties",
            "/../simplelogger.properties", "/%2e%2e/org/quanze/Main.class", "/META-INF/MANIFEST.MF", "/web/../pom.xml",
            "/../../../../../../etc/passwd", "/index.html/../../pom.xml", "/%00/pom.xml", "/pom.xml%00.css");
    /** What must never appear in an answer: the pom, git config, passwd, the catalog, logger config, a class file. */
    static final List<String> SECRETS = List.of("<modelVersion>", "repositoryformatversion", "root:x:0:0",
            "Metadata of the bundled lists", "defaultLogLevel", "java/lang/Object", "gen-1", "Manifest-Version");

    @TempDir
    static Path tmp;
    static LiveServer jarPage;
    static LiveServer diskPage;
    static LiveServer withCors;

    @BeforeAll
    static void start() throws Exception {
        jarPage = LiveServer.start(tmp.resolve("a"), false, List.of());
        // --web pointing at the project's web/ folder, whose parent holds pom.xml, .git and index-data.
        diskPage = LiveServer.start(TestData.copy(tmp.resolve("b")), Path.of("web").toAbsolutePath(), false, List.of(), Engine::search);
        withCors = LiveServer.start(tmp.resolve("c"), false, List.of("https://qingdan.example.gov.cn"));
    }

    @AfterAll
    static void stop() throws Exception {
        jarPage.close();
        diskPage.close();
        withCors.close();
    }

    @Test
    void nothingOutsideTheWebRootIsServed() throws Exception {
        for (LiveServer s : List.of(jarPage, diskPage)) {
            for (String target : ESCAPES) {
                long t0 = System.nanoTime();
                String raw = s.raw(target);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                String status = raw.substring(0, raw.indexOf("\r\n"));
                System.out.printf("PROBE %-5s %-40s %s %4d ms%n", s == jarPage ? "jar" : "--web", target, status.substring(9, 12), ms);
                assertTrue(ms < 1000, target + " took " + ms + " ms");
                String lower = raw.toLowerCase(Locale.ROOT);
                assertFalse(status.contains(" 200 "), target + " → " + status);
                for (String secret : SECRETS) assertFalse(raw.contains(secret) || lower.contains(secret.toLowerCase(Locale.ROOT)),
                        target + " leaked " + secret + ":\n" + raw);
                String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
                assertTrue(body.contains("\"error\""), target + " answers JSON: " + raw);
                assertTrue(lower.contains("x-content-type-options: nosniff"), target + " has security headers: " + raw);
            }
        }
        // The page itself is served, from either root.
        assertTrue(jarPage.raw("/").startsWith("HTTP/1.1 200"));
        assertTrue(diskPage.raw("/app.css").startsWith("HTTP/1.1 200"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoServerBanner() throws Exception {
        for (String path : List.of("/", "/app.css", "/js/main.js", "/api/search?q=医疗", "/api/health", "/api/nothing", "/nothing.html")) {
            HttpResponse<String> r = jarPage.get(path);
            var h = r.headers();
            assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("no-referrer", h.firstValue("Referrer-Policy").orElse(null), path);
            assertEquals("DENY", h.firstValue("X-Frame-Options").orElse(null), path);
            String csp = h.firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), path + ": " + csp);
            assertTrue(csp.contains("object-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
            assertTrue(h.firstValue("Server").isEmpty(), path + " sends Server: " + h.firstValue("Server"));
            assertTrue(h.firstValue("X-Powered-By").isEmpty(), path);
            assertTrue(h.firstValue("Access-Control-Allow-Origin").isEmpty(), path);
        }
    }

    @Test
    void staticFilesRevalidateAndApiAnswersAreNotStored() throws Exception {
        for (String path : List.of("/", "/index.html", "/app.css", "/js/main.js", "/favicon.svg")) {
            HttpResponse<String> r = jarPage.get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(null), path);
            assertTrue(r.headers().firstValue("ETag").isPresent(), path + " can be revalidated");
        }
        String etag = jarPage.get("/app.css").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = jarPage.send(HttpRequest.newBuilder(URI.create(jarPage.base + "/app.css")).header("If-None-Match", etag));
        assertEquals(304, again.statusCode());
        for (String path : List.of("/api/search", "/api/health", "/api/stats", "/api/nothing")) {
            assertEquals("no-store", jarPage.get(path).headers().firstValue("Cache-Control").orElse(null), path);
        }
    }

    @Test
    void noCorsHeadersUnlessAnOriginIsConfigured() throws Exception {
        HttpResponse<String> plain = jarPage.send(HttpRequest.newBuilder(URI.create(jarPage.base + "/api/search"))
                .header("Origin", "https://qingdan.example.gov.cn"));
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().map().keySet().stream().noneMatch(k -> k.toLowerCase(Locale.ROOT).startsWith("access-control-")),
                plain.headers().map().toString());
        HttpResponse<String> preflight = jarPage.send(HttpRequest.newBuilder(URI.create(jarPage.base + "/api/search"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

        HttpResponse<String> allowed = withCors.send(HttpRequest.newBuilder(URI.create(withCors.base + "/api/search"))
                .header("Origin", "https://qingdan.example.gov.cn"));
        assertEquals("https://qingdan.example.gov.cn", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> other = withCors.send(HttpRequest.newBuilder(URI.create(withCors.base + "/api/search"))
                .header("Origin", "https://evil.example"));
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), other.headers().map().toString());
    }

    @Test
    void requestBodiesAreLimitedAndErrorsAreJson() throws Exception {
        byte[] twoMb = new byte[2 * 1024 * 1024];
        // Expect: 100-continue, as curl sends a large body: the 413 is read before the body goes out,
        // instead of racing the reset of a connection the server closes with the body unread.
        HttpResponse<String> big = jarPage.send(HttpRequest.newBuilder(URI.create(jarPage.base + "/api/search")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(twoMb)));
        assertEquals(413, big.statusCode(), big.body());
        assertEquals("too_large", LiveServer.json(big).get("error").asText());

        HttpResponse<String> post = jarPage.send(HttpRequest.newBuilder(URI.create(jarPage.base + "/api/search"))
                .POST(HttpRequest.BodyPublishers.ofString("q=x")));
        assertEquals(405, post.statusCode());
        assertEquals("method_not_allowed", LiveServer.json(post).get("error").asText());

        HttpResponse<String> missing = jarPage.get("/api/items/no-such-id");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

        String bad = jarPage.raw("/%2e%2e/pom.xml");
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        assertTrue(bad.toLowerCase(Locale.ROOT).contains("content-type: application/json"), bad);
        assertFalse(bad.contains("<html"), "Jetty's HTML error page is replaced: " + bad);
    }

    @Test
    void thePageHasNoInlineScriptForTheCspToForbid() throws Exception {
        String html = jarPage.get("/").body();
        assertFalse(html.matches("(?is).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "every script has a src");
        assertFalse(html.matches("(?is).*\\son[a-z]+\\s*=.*"), "no inline event handlers");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("javascript:"));
        assertFalse(html.matches("(?is).*<style[^>]*>.*"), "no inline style block (style-src 'self')");
        try (var files = Files.walk(Path.of("web/js"))) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                String src = Files.readString(js);
                for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")) {
                    assertFalse(src.contains(sink), js + " uses " + sink + ": list text must go in as text nodes");
                }
            }
        }
    }
}
