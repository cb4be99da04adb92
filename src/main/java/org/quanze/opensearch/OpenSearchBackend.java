package org.quanze.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.quanze.index.Schema;
import org.quanze.index.Suggestions;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.search.Filters;
import org.quanze.search.Generation;
import org.quanze.search.SearchBackend;
import org.quanze.statute.LawLibrary;
import org.quanze.search.SearchRefused;
import org.quanze.search.SearchResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches an OpenSearch cluster: the index behind an alias, which {@link OpenSearchIndexer}
 * swaps to each new generation. Each step of a search is one request rendered from the plan's
 * Lucene queries ({@link QueryDsl}); facet counts are terms aggregations with the embedded
 * index's drill-sideways meaning ({@link ClusterFacets}); what the planner asks of the index is
 * answered by the cluster's counts ({@link ClusterGeneration}); highlights and missing words are
 * worked out on the page's records ({@link PageIndex}).
 */
public final class OpenSearchBackend implements SearchBackend {

    /** How long the alias's target is trusted before it is asked again: a new generation serves within this. */
    static final long ALIAS_CHECK_MILLIS = 2_000;

    private final OpenSearchClient client;
    private final String alias;
    private final LawLibrary laws;
    private volatile ClusterGeneration current;
    private volatile long checkedAt;

    /**
     * @param laws the statute library the cluster's items were checked against at ingest (the
     *             data folder's {@code laws/}): the statute pages quote its texts
     */
    public OpenSearchBackend(OpenSearchClient client, String alias, LawLibrary laws) throws IOException {
        this.client = client;
        this.alias = alias;
        this.laws = laws;
        this.current = resolve();
        this.checkedAt = System.currentTimeMillis();
    }

    public OpenSearchClient client() {
        return client;
    }

    private ClusterGeneration generation() throws IOException {
        if (System.currentTimeMillis() - checkedAt > ALIAS_CHECK_MILLIS) {
            String index = target();
            if (!index.equals(current.name())) current = resolve();
            checkedAt = System.currentTimeMillis();
        }
        return current;
    }

    private String target() throws IOException {
        if (!client.exists("/_alias/" + alias)) {
            throw new IOException("OpenSearch at " + client.url() + " has no index '" + alias + "'; build it with "
                    + "'quanze ingest --backend opensearch --opensearch-url " + client.url() + "'");
        }
        JsonNode a = client.send("GET", "/_alias/" + alias, null);
        return a.fieldNames().next();
    }

    private ClusterGeneration resolve() throws IOException {
        String index = target();
        JsonNode mapping = client.send("GET", "/" + index + "/_mapping", null).path(index).path("mappings").path("_meta");
        Map<String, String> titles = new LinkedHashMap<>();
        mapping.path("sources").fields().forEachRemaining(e -> titles.put(e.getKey(), e.getValue().asText()));
        int items = client.send("GET", "/" + index + "/_count", null).path("count").asInt();
        return new ClusterGeneration(client, index, items, Collections.unmodifiableMap(titles), laws);
    }

    @Override
    public Call begin(long timeLimitMillis, int cores) throws IOException {
        return new ClusterCall(generation(), timeLimitMillis);
    }

    @Override
    public Info current() {
        try {
            ClusterGeneration g = generation();
            // Named as the embedded index names its generations (gen-3); the index itself is ALIAS-gen-3.
            return new Info(g.name().substring(alias.length() + 1), g.items());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T derivedIfPresent(String key) throws IOException {
        return generation().derivedIfPresent(key);
    }

    /** The cluster's nodes do the work; here a search waits on the network, so one turn each. */
    @Override
    public int cores() {
        return 1;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private final class ClusterCall implements Call {
        private final ClusterGeneration generation;
        private final long limitMillis;
        /** When the first search went out: reading the question (the planner's term counts) is not what the limit guards. */
        private long started;

        ClusterCall(ClusterGeneration generation, long limitMillis) {
            this.generation = generation;
            this.limitMillis = limitMillis;
        }

        @Override
        public Generation generation() {
            return generation;
        }

        @Override
        public Ranked rank(Query scored, Filters filters, Rescore rescore, int from, int size, boolean bySource) throws IOException {
            ObjectNode body = ClusterFacets.request(scored, filters);
            body.put("from", from).put("size", size);
            body.put("track_total_hits", true);
            body.putArray("_source").add(Schema.RECORD);
            if (bySource) {
                body.putArray("sort").addObject().put(OpenSearchSchema.field(Schema.ORDER), "asc");
            } else if (rescore != null) {
                ObjectNode r = body.putObject("rescore");
                r.put("window_size", rescore.window());
                ObjectNode q = r.putObject("query");
                q.set("rescore_query", QueryDsl.render(rescore.query()));
                // The combination SearchBackend.Rescore#combine makes: full score + weight × first stage.
                q.put("query_weight", rescore.firstWeight()).put("rescore_query_weight", 1f).put("score_mode", "total");
            }
            JsonNode res = search(body);
            List<Found> page = new ArrayList<>();
            for (JsonNode h : res.path("hits").path("hits")) page.add(found(h, page.size()));
            long total = res.path("hits").path("total").path("value").asLong();
            return new Ranked(total, ClusterFacets.read(res.path("aggregations"), filters, total, generation.sourceTitles()), page);
        }

        @Override
        public long countUpTo(Query query, Filters filters, int limit) throws IOException {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("query", ClusterFacets.filtered(query, filters));
            long n = client.send("POST", "/" + generation.name() + "/_count?terminate_after=" + limit, body).path("count").asLong();
            return Math.min(n, limit);
        }

        @Override
        public Top top(Query query, Filters filters, int n, boolean bySource) throws IOException {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("query", ClusterFacets.filtered(query, filters));
            body.put("size", n).put("track_total_hits", true);
            body.putArray("_source").add(Schema.RECORD);
            if (bySource) body.putArray("sort").addObject().put(OpenSearchSchema.field(Schema.ORDER), "asc");
            JsonNode res = search(body);
            List<Found> hits = new ArrayList<>();
            for (JsonNode h : res.path("hits").path("hits")) hits.add(found(h, hits.size()));
            return new Top(res.path("hits").path("total").path("value").asLong(), hits);
        }

        @Override
        public PageDocs page(List<Found> hits) throws IOException {
            return PageIndex.of(hits, laws);
        }

        @Override
        public Explanation explain(Query scored, Filters filters, Rescore rescore, Found hit) throws IOException {
            Explanation first = explain(ClusterFacets.filtered(scored, filters), hit.record().id());
            if (rescore == null) return first;
            Explanation second = explain(QueryDsl.render(rescore.query()), hit.record().id());
            float value = rescore.combine(first.getValue().floatValue(), second.isMatch(), second.getValue().floatValue());
            return Explanation.match(value, "combined first and second pass score", first,
                    second.isMatch() ? second : Explanation.noMatch("no second pass score"));
        }

        private Explanation explain(ObjectNode query, String id) throws IOException {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("query", query);
            JsonNode res = client.send("POST", "/" + generation.name() + "/_explain/" + java.net.URLEncoder.encode(id,
                    java.nio.charset.StandardCharsets.UTF_8), body);
            return res.path("matched").asBoolean() ? explanation(res.path("explanation")) : Explanation.noMatch("no match");
        }

        @Override
        public Map<String, List<SearchResult.FacetValue>> counts() throws IOException {
            try {
                return generation.derived("counts", () -> {
                    ObjectNode body = ClusterFacets.request(new MatchAllDocsQuery(), Filters.NONE);
                    body.put("size", 0);
                    try {
                        JsonNode res = search(body);
                        return Collections.unmodifiableMap(ClusterFacets.read(res.path("aggregations"), Filters.NONE,
                                res.path("hits").path("total").path("value").asLong(), generation.sourceTitles()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public List<Suggestions.Suggestion> suggest(String q, int n) throws IOException {
            return OpenSearchSuggest.lookup(client, generation.name() + OpenSearchIndexer.Suggestions.SUFFIX, q, n);
        }

        @Override
        public void checkTime() throws SearchRefused {
            if (started != 0 && (System.nanoTime() - started) / 1_000_000 > limitMillis) throw timedOut();
        }

        @Override
        public void close() {
            // nothing held: the generation's index stays until a newer build deletes it
        }

        /** A search with the call's time limit, which the cluster keeps on every shard. */
        private JsonNode search(ObjectNode body) throws IOException {
            if (started == 0) started = System.nanoTime();
            long left = limitMillis - (System.nanoTime() - started) / 1_000_000;
            if (left <= 0) throw timedOut();
            body.put("timeout", left + "ms");
            JsonNode res;
            try {
                res = client.send("POST", "/" + generation.name() + "/_search", body);
            } catch (OpenSearchClient.OpenSearchException e) {
                if (e.getMessage().contains("too_many_clauses") || e.getMessage().contains("too_many_nested_clauses")) {
                    throw new SearchRefused(SearchRefused.Reason.TOO_COMPLEX, "the query expands to more search terms than the cluster allows; use fewer or shorter words");
                }
                throw e;
            }
            if (res.path("timed_out").asBoolean()) throw timedOut();
            return res;
        }

        private SearchRefused timedOut() {
            return new SearchRefused(SearchRefused.Reason.TIMED_OUT, "the search took longer than " + limitMillis
                    + " ms and was stopped; try again, or narrow it with more words or facets");
        }

        private Found found(JsonNode hit, int position) throws IOException {
            PowerRecord r = Json.MAPPER.treeToValue(hit.path("_source").path(Schema.RECORD), PowerRecord.class);
            float score = hit.path("_score").isNumber() ? hit.path("_score").floatValue() : Float.NaN;
            return new Found(r, score, position);
        }
    }

    /** OpenSearch's explanation of a score as Lucene's, fields named as in the embedded index. */
    static Explanation explanation(JsonNode e) {
        List<Explanation> details = new ArrayList<>();
        for (JsonNode d : e.path("details")) details.add(explanation(d));
        String description = e.path("description").asText();
        java.util.regex.Matcher m = FIELD.matcher(description);
        if (m.find()) description = description.substring(0, m.start(1)) + OpenSearchSchema.luceneField(m.group(1)) + description.substring(m.end(1));
        return Explanation.match(e.path("value").floatValue(), description, details);
    }

    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("^weight\\(([^:]+):");
}
