package org.quanze.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.quanze.model.Json;
import org.quanze.search.Generation;
import org.quanze.statute.LawLibrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** One index generation in the cluster, with its statistics for the planner. */
final class ClusterGeneration implements Generation {
    /** Term counts kept per generation: the planner asks for the same few thousand words again and again. */
    static final int CACHED_TERMS = 200_000;
    /** Terms of a keyword field listed at most (the citations: a few hundred). */
    static final int MAX_TERMS = 65_536;

    private final OpenSearchClient client;
    private final String index;
    private final int items;
    private final Map<String, String> sourceTitles;
    private final LawLibrary laws;
    private final Map<Term, Integer> docFreqs = new ConcurrentHashMap<>();
    private final org.quanze.model.Derived derived = new org.quanze.model.Derived();

    ClusterGeneration(OpenSearchClient client, String index, int items, Map<String, String> sourceTitles, LawLibrary laws) {
        this.client = client;
        this.index = index;
        this.items = items;
        this.sourceTitles = sourceTitles;
        this.laws = laws;
    }

    /** Each list's title by its id, read once per generation: facet values show them. */
    Map<String, String> sourceTitles() {
        return sourceTitles;
    }

    @Override
    public LawLibrary laws() {
        return laws;
    }

    @Override
    public String name() {
        return index;
    }

    @Override
    public int items() {
        return items;
    }

    @Override
    public int docFreq(Term term) {
        Integer n = docFreqs.get(term);
        if (n == null) {
            n = count(new TermQuery(term));
            if (docFreqs.size() < CACHED_TERMS) docFreqs.put(term, n);
        }
        return n;
    }

    @Override
    public int count(Query query) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("query", QueryDsl.render(query));
        try {
            return client.send("POST", "/" + index + "/_count", body).path("count").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<String> values(Query query, String field, int max) {
        return values(query, field, max, null);
    }

    /**
     * The smallest {@code max} values of the field over the query's items, only those that match
     * {@code include} (a terms aggregation's regular expression) when it is not null.
     */
    private Set<String> values(Query query, String field, int max, String include) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("size", 0);
        body.set("query", QueryDsl.render(query));
        // Keys in order, as the embedded index gives the smallest max of them.
        ObjectNode terms = body.putObject("aggs").putObject("v").putObject("terms");
        terms.put("field", OpenSearchSchema.field(field) + "." + OpenSearchSchema.RAW).put("size", max);
        if (include != null) terms.put("include", include);
        terms.putObject("order").put("_key", "asc");
        try {
            Set<String> out = new java.util.TreeSet<>();
            for (JsonNode b : client.send("POST", "/" + index + "/_search", body).path("aggregations").path("v").path("buckets")) {
                out.add(b.path("key").asText());
            }
            return Collections.unmodifiableSet(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The field's values over every item that start with the prefix (the cluster lists a field's
     * terms by aggregating them; the prefix as a regular expression, so the listing stays within
     * one facet dimension however many values the others have).
     */
    @Override
    public Set<String> terms(String field, String prefix) {
        return values(new MatchAllDocsQuery(), field, MAX_TERMS, prefix.isEmpty() ? null : literal(prefix) + ".*");
    }

    /** The text as a regular expression that matches it alone: every character but letters and digits escaped. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) out.append('\\');
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    /** A value {@link #derived} already worked out, or null: looked up without working it out. */
    <T> T derivedIfPresent(String key) {
        return derived.peek(key);
    }

    @Override
    public <T> T derived(String key, Supplier<T> compute) {
        return derived.get(key, compute::get);
    }
}
