package org.quanze.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.quanze.model.Json;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON over HTTP to an OpenSearch cluster, through OpenSearch's low-level REST client: Quanze
 * writes its mappings, bulk bodies and query DSL itself, from the same field table and query plan
 * the embedded index uses. Every failure is an {@link IOException} that names the request and
 * what the cluster said.
 */
public final class OpenSearchClient implements Closeable {

    private final RestClient client;
    private final String url;

    /** @param url one or more node addresses, comma-separated: {@code http://127.0.0.1:9200} */
    public OpenSearchClient(String url) {
        List<HttpHost> hosts = new ArrayList<>();
        for (String u : url.split(",")) {
            URI uri = URI.create(u.strip());
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new IllegalArgumentException("--opensearch-url: '" + u.strip() + "' is no address such as http://127.0.0.1:9200");
            }
            hosts.add(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() < 0 ? 9200 : uri.getPort()));
        }
        this.url = url;
        this.client = RestClient.builder(hosts.toArray(HttpHost[]::new))
                .setRequestConfigCallback(c -> c.setResponseTimeout(Timeout.ofMinutes(10)))
                .build();
    }

    public String url() {
        return url;
    }

    /** The answer of a request with a JSON body (or none), as a tree. */
    public JsonNode send(String method, String path, Object body) throws IOException {
        return Json.MAPPER.readTree(sendRaw(method, path, body == null ? null
                : body instanceof String s ? s : Json.MAPPER.writeValueAsString(body), "application/json"));
    }

    /** A bulk body (NDJSON) to {@code _bulk}; its items' errors are the caller's to read. */
    public JsonNode bulk(String ndjson) throws IOException {
        return Json.MAPPER.readTree(sendRaw("POST", "/_bulk", ndjson, "application/x-ndjson"));
    }

    /** Whether the path answers 200 (an index or alias exists), not 404. */
    public boolean exists(String path) throws IOException {
        try {
            client.performRequest(new Request("HEAD", path));
            return true;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) return false;
            throw failure("HEAD", path, e);
        }
    }

    private String sendRaw(String method, String path, String body, String contentType) throws IOException {
        Request req = new Request(method, path);
        if (body != null) {
            req.setEntity(new org.apache.hc.core5.http.io.entity.StringEntity(body,
                    org.apache.hc.core5.http.ContentType.create(contentType, java.nio.charset.StandardCharsets.UTF_8)));
        }
        try {
            Response res = client.performRequest(req);
            return res.getEntity() == null ? "{}" : EntityUtils.toString(res.getEntity(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (ResponseException e) {
            throw failure(method, path, e);
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException("OpenSearch at " + url + ": " + method + " " + path + " answered what is not text", e);
        } catch (java.net.ConnectException e) {
            throw new IOException("OpenSearch at " + url + " does not answer (" + e.getMessage() + "); is it running?", e);
        }
    }

    private IOException failure(String method, String path, ResponseException e) {
        String said;
        try {
            said = e.getResponse().getEntity() == null ? "" : EntityUtils.toString(e.getResponse().getEntity());
        } catch (IOException | org.apache.hc.core5.http.ParseException x) {
            said = "";
        }
        if (said.length() > 2000) said = said.substring(0, 2000) + "…";
        return new OpenSearchException(e.getResponse().getStatusLine().getStatusCode(),
                "OpenSearch at " + url + " refused " + method + " " + path + ": " + e.getResponse().getStatusLine().getStatusCode() + " " + said, e);
    }

    /** A request the cluster answered with an error status. */
    public static final class OpenSearchException extends IOException {
        private final int status;

        OpenSearchException(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
