package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.TestData;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin guard: absent without a token, 401 without the right one, every call logged. */
class AdminEndpointsTest {

    @TempDir
    static Path tmp;
    static LiveServer withAdmin;
    static LiveServer without;

    @BeforeAll
    static void start() throws Exception {
        withAdmin = LiveServer.start(tmp.resolve("a"), true, List.of());
        without = LiveServer.start(tmp.resolve("b"), false, List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        withAdmin.close();
        without.close();
    }

    @Test
    void adminRoutesDoNotExistWithoutAConfiguredToken() throws Exception {
        for (String path : List.of("/api/admin/reindex", "/api/admin/sources")) {
            HttpResponse<String> r = without.admin("POST", path, HttpRequest.BodyPublishers.noBody());
            assertEquals(404, r.statusCode(), path);
            assertEquals("not_found", LiveServer.json(r).get("error").asText());
        }
        assertEquals(404, without.admin("GET", "/api/admin/stats", HttpRequest.BodyPublishers.noBody()).statusCode());
    }

    @Test
    void refusesMissingWrongAndMalformedTokensWith401() throws Exception {
        List<String> headers = List.of("", "Bearer ", "Bearer wrong-token-0000000000", "Bearer " + LiveServer.TOKEN + "x",
                "Bearer " + LiveServer.TOKEN.substring(1), "Basic " + LiveServer.TOKEN, LiveServer.TOKEN);
        for (String h : headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(withAdmin.base + "/api/admin/reindex"))
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (!h.isEmpty()) b.header("Authorization", h);
            HttpResponse<String> r = withAdmin.send(b);
            assertEquals(401, r.statusCode(), "Authorization: " + h);
            JsonNode body = LiveServer.json(r);
            assertEquals("unauthorized", body.get("error").asText());
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
        HttpResponse<String> stats = withAdmin.send(HttpRequest.newBuilder(URI.create(withAdmin.base + "/api/admin/stats")));
        assertEquals(401, stats.statusCode());
    }

    @Test
    void reindexWithTheTokenSwapsInANewGenerationAndLogsIt() throws Exception {
        String before = withAdmin.engine.search().index().currentPath().getFileName().toString();
        HttpResponse<String> r = withAdmin.admin("POST", "/api/admin/reindex", HttpRequest.BodyPublishers.noBody());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = LiveServer.json(r);
        assertEquals(TestData.ITEMS, body.get("items").asInt());
        assertEquals(TestData.POWERS, body.get("powers").asInt());
        assertFalse(before.equals(body.get("generation").asText()), "a new generation serves");
        assertEquals(body.get("generation").asText(), withAdmin.engine.search().index().currentPath().getFileName().toString());

        JsonNode stats = LiveServer.json(withAdmin.admin("GET", "/api/admin/stats", HttpRequest.BodyPublishers.noBody()));
        assertTrue(stats.get("heap").get("usedBytes").asLong() > 0);
        assertTrue(stats.get("heap").get("maxBytes").asLong() > 0);
        boolean logged = false;
        for (JsonNode a : stats.get("recentActions")) {
            if (a.get("action").asText().equals("reindex") && a.get("outcome").asText().equals("ok")) logged = true;
        }
        assertTrue(logged, "the reindex is in the admin log: " + stats.get("recentActions"));
    }

    @Test
    void deniedCallsAreLoggedWithTheirOutcome() throws Exception {
        withAdmin.send(HttpRequest.newBuilder(URI.create(withAdmin.base + "/api/admin/sources"))
                .header("Authorization", "Bearer nope-nope-nope-nope").POST(HttpRequest.BodyPublishers.noBody()));
        JsonNode stats = LiveServer.json(withAdmin.admin("GET", "/api/admin/stats", HttpRequest.BodyPublishers.noBody()));
        JsonNode denied = null;
        for (JsonNode a : stats.get("recentActions")) {
            if (a.get("outcome").asText().equals("denied") && a.get("action").asText().equals("POST /api/admin/sources")) denied = a;
        }
        assertTrue(denied != null, stats.toString());
        assertEquals("wrong or malformed token", denied.get("detail").asText());
        assertFalse(stats.toString().contains("nope-nope"), "a presented token is never logged");
    }

    @Test
    void wrongMethodOnAnAdminRouteIs405NotAHandler() throws Exception {
        HttpResponse<String> r = withAdmin.admin("GET", "/api/admin/reindex", HttpRequest.BodyPublishers.noBody());
        assertEquals(405, r.statusCode());
        assertEquals("method_not_allowed", LiveServer.json(r).get("error").asText());
    }

    @Test
    void tokensAreComparedAsDigestsAndWeakOnesRefused() throws Exception {
        AdminToken t = AdminToken.of("  abcdefghijklmnopqrstu \n");
        assertTrue(t.accepts("Bearer abcdefghijklmnopqrstu"));
        assertTrue(t.accepts("bearer abcdefghijklmnopqrstu"));
        assertFalse(t.accepts("Bearer abcdefghijklmnopqrst"));
        assertFalse(t.accepts(null));
        assertFalse(t.accepts("Bearer "));
        assertFalse(t.toString().contains("abcdef"));
        assertThrows(IllegalArgumentException.class, () -> AdminToken.of("short"));
        assertThrows(IllegalArgumentException.class, () -> AdminToken.of("has a blank inside it ok"));

        Path file = tmp.resolve("token");
        Files.writeString(file, "from-the-file-0123456789\nsecond line ignored\n");
        assertTrue(AdminToken.configured(file, "from-the-env-0123456789").accepts("Bearer from-the-file-0123456789"));
        assertTrue(AdminToken.configured(null, "from-the-env-0123456789").accepts("Bearer from-the-env-0123456789"));
        assertNull(AdminToken.configured(null, null));
        assertNull(AdminToken.configured(null, "  "));
    }
}
