package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.model.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The query parameter as a reader counts it and as a browser encodes it: the 1000-character limit
 * counts characters (an Extension-B character is one, not two UTF-16 units), and a malformed
 * percent escape is refused naming its parameter instead of becoming an empty query.
 */
class QueryParameterTest {

    /** 𠀀 (U+20000), the first character of CJK Extension B: two UTF-16 units, four UTF-8 bytes. */
    static final String EXTENSION_B = new String(Character.toChars(0x20000));

    @TempDir
    static Path tmp;
    static LiveServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.start(tmp, false, List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Status and body of a request line sent exactly as written. */
    record Raw(int status, JsonNode body) {
        static Raw of(String response) throws Exception {
            int status = Integer.parseInt(response.substring(9, 12));
            return new Raw(status, Json.MAPPER.readTree(response.substring(response.indexOf("\r\n\r\n") + 4)));
        }
    }

    @Test
    void aThousandExtensionBCharactersAreAThousandCharacters() throws Exception {
        assertEquals(200, server.get("/api/search?q=" + enc(EXTENSION_B.repeat(1000))).statusCode());
        var over = server.get("/api/search?q=" + enc(EXTENSION_B.repeat(1001)));
        assertEquals(400, over.statusCode());
        assertEquals("检索词 q 有 1001 个字，最多 1000 个字；请删减后再检索，例如只留事项名称或法规名称中的关键词",
                LiveServer.json(over).get("message").asText());
        assertEquals(200, server.get("/api/suggest?q=" + enc(EXTENSION_B.repeat(100))).statusCode());
        assertEquals(400, server.get("/api/suggest?q=" + enc(EXTENSION_B.repeat(101))).statusCode());
    }

    @Test
    void aMalformedEscapeIsRefusedNamingItsParameter() throws Exception {
        String message = "含有无效的百分号转义（% 后须为两位十六进制数，且合起来是 UTF-8 字符）；请把 % 写成 %25，或让浏览器重新编码这个地址";
        for (String query : List.of("q=%zz", "q=abc%", "q=%E5%8C", "q=%E5%8C%BB%", "q=%C0%AE", "sort=source&q=%2")) {
            Raw r = Raw.of(server.raw("/api/search?" + query));
            assertEquals(400, r.status(), query);
            assertEquals("bad_parameter", r.body().get("error").asText(), query);
            assertEquals("参数 q " + message, r.body().get("message").asText(), query);
        }
        assertEquals("参数 type " + message, Raw.of(server.raw("/api/search?type=%E8%A1")).body().get("message").asText());
        assertEquals(400, Raw.of(server.raw("/api/export?format=csv&q=%zz")).status());
        assertEquals(400, Raw.of(server.raw("/api/suggest?q=%zz")).status());
    }

    @Test
    void wellFormedEscapesStillSearch() throws Exception {
        Raw percent = Raw.of(server.raw("/api/search?q=%25"));
        assertEquals(200, percent.status());
        Raw medical = Raw.of(server.raw("/api/search?q=%E5%8C%BB%E7%96%97%E6%95%91%E5%8A%A9&size=1"));
        assertEquals(200, medical.status());
        assertEquals(server.engine.search().search(org.quanze.search.SearchRequest.of("医疗救助")).total(),
                medical.body().get("total").asLong());
        assertEquals(200, Raw.of(server.raw("/api/search?q=%E5%8C%BB+%E7%96%97")).status(), "+ is a space");
    }
}
