package org.quanze.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.quanze.index.Analyzers;
import org.quanze.index.Suggestions;
import org.quanze.model.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Completions from the cluster, looked up as Lucene's {@code AnalyzingInfixSuggester} looks them up
 * in the embedded index: the typed text's CJK bigrams must all occur, the last as a prefix unless
 * the text ends after it; the heaviest entries first, equal weights in the order they were added.
 */
final class OpenSearchSuggest {

    private static final ThreadLocal<Analyzer> BIGRAMS = ThreadLocal.withInitial(Analyzers::bigrams);

    private OpenSearchSuggest() {}

    /** An entry's text as the suggester indexes it: its bigram tokens. */
    static String grams(String text) {
        StringBuilder out = new StringBuilder();
        for (String t : tokens(text).terms()) {
            if (!out.isEmpty()) out.append(' ');
            out.append(t);
        }
        return out.toString();
    }

    static List<Suggestions.Suggestion> lookup(OpenSearchClient client, String index, String q, int n) throws IOException {
        Tokens t = tokens(q);
        if (t.terms().isEmpty() || n <= 0) return List.of();
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode must = body.putObject("query").putObject("bool").putArray("must");
        for (int i = 0; i < t.terms().size(); i++) {
            String term = t.terms().get(i);
            boolean last = i == t.terms().size() - 1;
            // The last token completes as a prefix while the text ends with it (nothing typed after it).
            String type = last && t.lastEndsText() ? "prefix" : "term";
            must.addObject().putObject(type).putObject("grams").put("value", term);
        }
        body.put("size", n);
        ArrayNode sort = body.putArray("sort");
        sort.addObject().put("weight", "desc");
        sort.addObject().put("seq", "asc");
        List<Suggestions.Suggestion> out = new ArrayList<>();
        for (JsonNode h : client.send("POST", "/" + index + "/_search", body).path("hits").path("hits")) {
            JsonNode s = h.path("_source");
            out.add(new Suggestions.Suggestion(s.path("text").asText(), s.path("kind").asText(),
                    s.hasNonNull("item") ? s.get("item").asText() : null));
        }
        return out;
    }

    private record Tokens(List<String> terms, boolean lastEndsText) {}

    private static Tokens tokens(String text) {
        List<String> terms = new ArrayList<>();
        int maxEnd = -1;
        int lastEnd = -1;
        try (TokenStream ts = BIGRAMS.get().tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
                maxEnd = Math.max(maxEnd, off.endOffset());
            }
            ts.end();
            lastEnd = off.endOffset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Tokens(terms, maxEnd == lastEnd);
    }
}
