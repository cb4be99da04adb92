package org.quanze.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Builds an index generation in the cluster, as {@code IndexStore} builds one on disk: a new index
 * {@code ALIAS-gen-N} beside the serving one, filled by bulk requests, refreshed and merged, then
 * made current by one atomic alias swap; the generations before it are deleted after the swap. A
 * build that fails leaves the alias where it was and deletes its half-built index.
 */
public final class OpenSearchIndexer {

    /** Records analysed and sent per bulk request. */
    static final int BATCH = 500;

    private final OpenSearchClient client;
    private final String alias;

    public OpenSearchIndexer(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** What a build made: the index now behind the alias and how many items it holds. */
    public record Built(String index, long items) {}

    /**
     * Writes the records into a new generation and swaps the alias to it. The records are read
     * once, as they come; their text is analysed on every core while the cluster indexes.
     */
    public Built build(Iterable<PowerRecord> records, Function<PowerRecord, List<String>> articles, String fingerprint,
                       int shards, int replicas) throws IOException {
        String index = nextGeneration();
        client.send("PUT", "/" + index, OpenSearchSchema.mapping(shards, replicas));
        boolean done = false;
        try {
            Map<String, String> titles = new LinkedHashMap<>();
            Suggestions suggestions = new Suggestions();
            long n = 0;
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "quanze-opensearch-bulk");
                t.setDaemon(true);
                return t;
            });
            try {
                Iterator<PowerRecord> it = records.iterator();
                List<Future<String>> pending = new ArrayList<>();
                while (it.hasNext()) {
                    List<PowerRecord> batch = new ArrayList<>(BATCH);
                    while (it.hasNext() && batch.size() < BATCH) {
                        PowerRecord r = it.next();
                        batch.add(r);
                        titles.putIfAbsent(r.source().id(), r.source().title() == null ? r.source().id() : r.source().title());
                        suggestions.add(r);
                    }
                    long first = n;
                    n += batch.size();
                    pending.add(pool.submit(() -> bulkBody(index, batch, first, articles)));
                    // Analysis runs ahead of the cluster by at most a batch per core.
                    if (pending.size() >= threads) send(pending.remove(0));
                }
                for (Future<String> f : pending) send(f);
            } finally {
                pool.shutdownNow();
            }
            suggestions.write(client, index + Suggestions.SUFFIX);
            ObjectNode meta = Json.MAPPER.createObjectNode();
            ObjectNode m = meta.putObject("_meta");
            m.put("fingerprint", fingerprint).put("items", n);
            m.set("sources", Json.MAPPER.valueToTree(titles));
            client.send("PUT", "/" + index + "/_mapping", meta);
            ObjectNode refresh = Json.MAPPER.createObjectNode();
            refresh.putObject("index").putNull("refresh_interval");
            client.send("PUT", "/" + index + "/_settings", refresh);
            client.send("POST", "/" + index + "/_refresh", null);
            // One segment per shard: searched fastest, and equal scores fall in ingest order.
            client.send("POST", "/" + index + "/_forcemerge?max_num_segments=1", null);
            client.send("GET", "/_cluster/health/" + index + "?wait_for_status=" + (replicas == 0 ? "green" : "yellow") + "&timeout=60s", null);
            List<String> before = generations();
            swap(index, before);
            done = true;
            for (String old : before) {
                if (!old.equals(index)) delete(old);
            }
            return new Built(index, n);
        } finally {
            if (!done) delete(index);
        }
    }

    private void send(Future<String> body) throws IOException {
        String ndjson;
        try {
            ndjson = body.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while analysing records", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
        JsonNode res = client.bulk(ndjson);
        if (res.path("errors").asBoolean()) {
            for (JsonNode item : res.path("items")) {
                JsonNode error = item.path("index").path("error");
                if (!error.isMissingNode()) {
                    throw new IOException("OpenSearch refused item " + item.path("index").path("_id").asText() + ": " + error);
                }
            }
        }
    }

    private static String bulkBody(String index, List<PowerRecord> batch, long first, Function<PowerRecord, List<String>> articles) {
        StringBuilder sb = new StringBuilder();
        long order = first;
        for (PowerRecord r : batch) {
            ObjectNode action = Json.MAPPER.createObjectNode();
            action.putObject("index").put("_index", index).put("_id", r.id());
            try {
                sb.append(Json.MAPPER.writeValueAsString(action)).append('\n');
                sb.append(Json.MAPPER.writeValueAsString(OpenSearchSchema.document(r, order++, articles.apply(r)))).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    /** The alias's generations now: every index named ALIAS-gen-N. */
    List<String> generations() throws IOException {
        List<String> out = new ArrayList<>();
        JsonNode all = client.send("GET", "/_cat/indices/" + alias + "-gen-*?format=json&h=index&expand_wildcards=all", null);
        for (JsonNode i : all) {
            String name = i.path("index").asText();
            if (name.matches(java.util.regex.Pattern.quote(alias) + "-gen-\\d+")) out.add(name);
        }
        return out;
    }

    private String nextGeneration() throws IOException {
        long max = 0;
        for (String g : generations()) max = Math.max(max, Long.parseLong(g.substring(g.lastIndexOf('-') + 1)));
        return alias + "-gen-" + (max + 1);
    }

    /** Points the alias at the new index only, in one request: searches see the old or the new, never neither. */
    private void swap(String index, List<String> before) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode actions = body.putArray("actions");
        for (String old : before) {
            if (old.equals(index)) continue;
            ObjectNode remove = actions.addObject().putObject("remove");
            remove.put("index", old).put("alias", alias).put("must_exist", false);
        }
        actions.addObject().putObject("add").put("index", index).put("alias", alias);
        client.send("POST", "/_aliases", body);
    }

    private void delete(String index) {
        for (String name : List.of(index, index + Suggestions.SUFFIX)) {
            try {
                if (client.exists("/" + name)) client.send("DELETE", "/" + name, null);
            } catch (IOException e) {
                // left for the next build's clean-up
            }
        }
    }

    /**
     * Completions, as the embedded suggester builds them: every power's name (with its item when one
     * item has it) and every law cited as basis, weighed by how many items have them; indexed
     * beside the generation ({@code INDEX-suggest}) by their CJK bigrams for infix lookup.
     */
    static final class Suggestions {
        static final String SUFFIX = "-suggest";

        private final org.quanze.index.Suggestions.Tally tally = new org.quanze.index.Suggestions.Tally();

        void add(PowerRecord r) {
            tally.add(r);
        }

        void write(OpenSearchClient client, String index) throws IOException {
            ObjectNode mapping = Json.MAPPER.createObjectNode();
            mapping.putObject("settings").putObject("index").put("number_of_shards", 1).put("number_of_replicas", 0);
            ObjectNode props = mapping.putObject("mappings").put("dynamic", "strict").putObject("properties");
            props.putObject("text").put("type", "keyword").put("index", false);
            props.putObject("grams").put("type", "text").put("analyzer", OpenSearchSchema.TOKENS_ANALYZER);
            props.putObject("kind").put("type", "keyword").put("index", false);
            props.putObject("item").put("type", "keyword").put("index", false);
            props.putObject("weight").put("type", "long");
            props.putObject("seq").put("type", "long");
            client.send("PUT", "/" + index, mapping);
            StringBuilder sb = new StringBuilder();
            long seq = 0;
            for (org.quanze.index.Suggestions.Completion c : tally.completions()) {
                ObjectNode doc = Json.MAPPER.createObjectNode();
                doc.put("text", c.suggestion().text()).put("grams", OpenSearchSuggest.grams(c.suggestion().text()))
                        .put("kind", c.suggestion().kind()).put("weight", c.weight()).put("seq", seq++);
                if (c.suggestion().item() != null) doc.put("item", c.suggestion().item());
                sb.append("{\"index\":{\"_index\":\"").append(index).append("\"}}\n").append(Json.MAPPER.writeValueAsString(doc)).append('\n');
                if (sb.length() > 4_000_000) {
                    client.bulk(sb.toString());
                    sb.setLength(0);
                }
            }
            if (!sb.isEmpty()) client.bulk(sb.toString());
            client.send("POST", "/" + index + "/_refresh", null);
        }
    }

    /** The alias this indexer swaps. */
    public String alias() {
        return alias;
    }
}
