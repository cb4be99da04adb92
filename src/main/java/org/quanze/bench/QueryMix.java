package org.quanze.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.quanze.model.Json;
import org.quanze.search.SearchRequest;
import org.quanze.search.SearchResult;
import org.quanze.search.SearchService;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The fixed query mix, by kind: the judged queries; facet-only browsing; statute filters (law,
 * law/article, and with words); deep pages (the last page the API allows); suggestions of
 * 1–3 typed characters. Facet values come from the index being measured, in count order, so the
 * same mix is built for the same corpus. Each query is also an API path for the HTTP runs.
 */
final class QueryMix {

    enum Kind { judged, browse, statute, deep, suggest }

    /** One request: a search or a suggestion prefix, and the same as an API path. */
    record Query(Kind kind, SearchRequest search, String prefix, String path) {}

    private QueryMix() {}

    /** The judged queries' text ({@code bench/judged-queries.json}, a copy of the relevance set). */
    static List<String> judged() throws IOException {
        try (InputStream in = QueryMix.class.getResourceAsStream("/bench/judged-queries.json")) {
            if (in == null) throw new IOException("bench/judged-queries.json is missing from the classpath");
            List<String> out = new ArrayList<>();
            for (JsonNode q : Json.MAPPER.readTree(in).get("queries")) out.add(q.get("q").asText());
            return out;
        }
    }

    static Map<Kind, List<Query>> build(SearchService service, List<String> judged) throws IOException {
        Map<String, List<SearchResult.FacetValue>> counts = service.counts();
        Map<Kind, List<Query>> mix = new EnumMap<>(Kind.class);
        List<Query> j = new ArrayList<>();
        for (String q : judged) j.add(search(Kind.judged, q, Map.of(), 1, 10, null));
        mix.put(Kind.judged, j);

        List<Query> browse = new ArrayList<>();
        browse.add(search(Kind.browse, null, Map.of(), 1, 10, null));
        List<String> types = top(counts, "powerType", 5);
        List<String> levels = top(counts, "level", 3);
        for (String t : types) browse.add(search(Kind.browse, null, Map.of("type", List.of(t)), 1, 10, null));
        for (String l : levels) browse.add(search(Kind.browse, null, Map.of("level", List.of(l)), 1, 10, null));
        for (String u : top(counts, "unit", 3)) browse.add(search(Kind.browse, null, Map.of("unit", List.of(u)), 2, 10, null));
        for (int i = 0; i < Math.min(types.size(), levels.size()); i++) {
            browse.add(search(Kind.browse, null, Map.of("type", List.of(types.get(i)), "level", List.of(levels.get(i))), 1, 10, null));
        }
        browse.add(search(Kind.browse, null, Map.of("type", types.subList(0, Math.min(2, types.size()))), 1, 10, SearchRequest.BY_SOURCE));
        mix.put(Kind.browse, browse);

        List<Query> statute = new ArrayList<>();
        List<SearchResult.FacetValue> laws = counts.getOrDefault("statute", List.of());
        for (int i = 0; i < Math.min(6, laws.size()); i++) {
            SearchResult.FacetValue law = laws.get(i);
            statute.add(search(Kind.statute, null, Map.of("statute", List.of(law.value())), 1, 10, null));
            if (law.articles() != null && !law.articles().isEmpty()) {
                statute.add(search(Kind.statute, null, Map.of("statute", List.of(law.articles().get(0).value())), 1, 10, null));
            }
        }
        for (int i = 0; i < Math.min(3, laws.size()); i++) {
            statute.add(search(Kind.statute, i % 2 == 0 ? "处罚" : "监督检查", Map.of("statute", List.of(laws.get(i).value())), 1, 10, null));
        }
        mix.put(Kind.statute, statute);

        List<Query> deep = new ArrayList<>();
        for (int i = 0; i < Math.min(6, judged.size()); i++) deep.add(search(Kind.deep, judged.get(i * 4 % judged.size()), Map.of(), 500, 20, null));
        deep.add(search(Kind.deep, null, Map.of(), 1000, 10, SearchRequest.BY_SOURCE));
        if (!types.isEmpty()) deep.add(search(Kind.deep, null, Map.of("type", List.of(types.get(0))), 100, 100, null));
        mix.put(Kind.deep, deep);

        Set<String> prefixes = new LinkedHashSet<>();
        for (String q : judged) {
            String t = q.replaceAll("[\\s\\p{P}\\d]", "");
            if (t.length() >= 1) prefixes.add(t.substring(0, 1));
            if (t.length() >= 2) prefixes.add(t.substring(0, 2));
            if (t.length() >= 3) prefixes.add(t.substring(0, 3));
        }
        List<Query> suggest = new ArrayList<>();
        for (String p : prefixes) suggest.add(new Query(Kind.suggest, null, p, "/api/suggest?q=" + enc(p)));
        mix.put(Kind.suggest, suggest);
        return mix;
    }

    private static List<String> top(Map<String, List<SearchResult.FacetValue>> counts, String dim, int n) {
        return counts.getOrDefault(dim, List.of()).stream().limit(n).map(SearchResult.FacetValue::value).toList();
    }

    private static Query search(Kind kind, String q, Map<String, List<String>> filters, int page, int size, String sort) {
        StringJoiner p = new StringJoiner("&", "/api/search?", "");
        if (q != null) p.add("q=" + enc(q));
        Map<String, List<String>> f = new LinkedHashMap<>(filters);
        f.forEach((k, vs) -> vs.forEach(v -> p.add(k + "=" + enc(v))));
        if (page != 1) p.add("page=" + page);
        if (size != 10) p.add("size=" + size);
        if (sort != null) p.add("sort=" + sort);
        return new Query(kind, new SearchRequest(q, f, page, size, sort, false), null, p.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
