package org.quanze.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.quanze.index.Schema;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.search.FacetSupport;
import org.quanze.search.Filters;
import org.quanze.search.SearchResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Facet requests and answers: terms aggregations with drill-sideways meaning. */
final class ClusterFacets {
    /** Values of a second level (articles of every listed law) fetched at once. */
    static final int CHILDREN = 20_000;

    private ClusterFacets() {}

    /** The query under the filters: the default kind and every selection. */
    static ObjectNode filtered(Query q, Filters filters) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode bool = out.putObject("bool");
        bool.putArray("must").add(QueryDsl.render(filters.base(q)));
        ArrayNode filter = bool.putArray("filter");
        for (Map.Entry<String, List<String>> e : filters.selected().entrySet()) {
            Query dim = FacetSupport.dimension(e.getKey(), e.getValue());
            if (dim != null) filter.add(QueryDsl.render(dim));
        }
        return out;
    }

    /**
     * The query (the match set under the default kind filter) with the selections as a post
     * filter, so the hits and total obey every selection while each dimension's aggregation
     * obeys every selection but its own; under the default kind, the duties it hides are
     * counted under the selections too.
     */
    static ObjectNode request(Query scored, Filters filters) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("query", QueryDsl.render(filters.base(scored)));
        Map<String, ObjectNode> dims = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : filters.selected().entrySet()) {
            Query dim = FacetSupport.dimension(e.getKey(), e.getValue());
            if (dim != null) dims.put(FacetSupport.PARAMS.get(e.getKey()), QueryDsl.render(dim));
        }
        if (!dims.isEmpty()) body.set("post_filter", all(dims, null));
        ObjectNode aggs = body.putObject("aggs");
        for (String dim : FacetSupport.PARAMS.values()) {
            ObjectNode agg = aggs.putObject(dim);
            agg.set("filter", all(dims, dim));
            ObjectNode sub = agg.putObject("aggs");
            sub.putObject("values").putObject("terms").put("field", OpenSearchSchema.facetField(dim)).put("size", FacetSupport.MAX_VALUES)
                    .putArray("order").add(Json.MAPPER.createObjectNode().put("_count", "desc")).add(Json.MAPPER.createObjectNode().put("_key", "asc"));
            if (Schema.facetsConfig().getDimConfig(dim).hierarchical) {
                sub.putObject("children").putObject("terms").put("field", OpenSearchSchema.childField(dim)).put("size", CHILDREN)
                        .putArray("order").add(Json.MAPPER.createObjectNode().put("_count", "desc")).add(Json.MAPPER.createObjectNode().put("_key", "asc"));
            }
        }
        if (filters.powersByDefault()) {
            // The default filter sits in the query; the duties it hides are counted beside it.
            ObjectNode duties = Json.MAPPER.createObjectNode();
            ArrayNode f = duties.putObject("bool").putArray("filter");
            f.add(QueryDsl.render(scored));
            f.add(QueryDsl.render(new TermQuery(new Term(Schema.KIND, PowerRecord.DUTY))));
            for (ObjectNode d : dims.values()) f.add(d);
            ObjectNode global = aggs.putObject("duties");
            global.putObject("global");
            global.putObject("aggs").putObject("n").set("filter", duties);
        }
        return body;
    }

    /** Every selection's filter but that of {@code except}. */
    private static ObjectNode all(Map<String, ObjectNode> dims, String except) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode f = out.putObject("bool").putArray("filter");
        dims.forEach((dim, q) -> {
            if (!dim.equals(except)) f.add(q);
        });
        if (f.isEmpty()) {
            out.removeAll();
            out.putObject("match_all");
        }
        return out;
    }

    static Map<String, List<SearchResult.FacetValue>> read(JsonNode aggs, Filters filters, long total,
                                                           Map<String, String> titles) throws IOException {
        FacetSupport.Counts counts = new FacetSupport.Counts() {
            @Override
            public List<org.apache.lucene.facet.LabelAndValue> top(String dim, int n) {
                List<org.apache.lucene.facet.LabelAndValue> out = new ArrayList<>();
                for (JsonNode b : aggs.path(dim).path("values").path("buckets")) {
                    if (out.size() == n) break;
                    out.add(new org.apache.lucene.facet.LabelAndValue(b.path("key").asText(), b.path("doc_count").asLong()));
                }
                return out;
            }

            @Override
            public List<org.apache.lucene.facet.LabelAndValue> children(String dim, String parent, int n) {
                String prefix = parent + OpenSearchSchema.PATH_SEPARATOR;
                List<org.apache.lucene.facet.LabelAndValue> out = new ArrayList<>();
                for (JsonNode b : aggs.path(dim).path("children").path("buckets")) {
                    String key = b.path("key").asText();
                    if (!key.startsWith(prefix) || out.size() == n) continue;
                    out.add(new org.apache.lucene.facet.LabelAndValue(key.substring(prefix.length()), b.path("doc_count").asLong()));
                }
                return out;
            }
        };
        Map<String, List<SearchResult.FacetValue>> read = FacetSupport.read(counts, filters.shown(), titles);
        if (filters.powersByDefault()) {
            read.put("kind", FacetSupport.kinds(total, aggs.path("duties").path("n").path("doc_count").asLong()));
        }
        return read;
    }
}
