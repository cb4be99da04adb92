package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.TestData;
import org.quanze.ingest.BrokenFiles;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upload through the admin endpoint goes through the same ingest as a start or a reindex: a
 * workbook that makes its reader throw partway is refused with a 400 naming it and why, the
 * sources and the index stay as they were, and the server keeps answering.
 */
class UploadThatBreaksItsReaderTest {

    @TempDir
    static Path tmp;
    static LiveServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.start(tmp, true, List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aWorkbookThatThrowsWhileReadIsRefusedAndTheServerKeepsServing() throws Exception {
        for (String name : List.of("broken.xls", "broken.xlsx")) {
            byte[] bytes = name.endsWith(".xls") ? BrokenFiles.xlsThatThrowsWhileParsed() : BrokenFiles.xlsxThatThrowsWhileStreamed();
            HttpResponse<String> r = server.upload(name, bytes);
            assertEquals(400, r.statusCode(), r.body());
            String message = LiveServer.json(r).get("message").asText();
            assertTrue(message.startsWith(name + ": is a damaged or unsupported Excel"), message);
            assertFalse(Files.exists(server.data.resolve("sources").resolve(name)));
        }
        JsonNode all = LiveServer.json(server.get("/api/search"));
        assertEquals(TestData.POWERS, all.get("total").asInt());
        assertEquals(200, server.get("/api/health").statusCode());
    }
}
