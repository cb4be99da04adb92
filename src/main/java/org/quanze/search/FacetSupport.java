package org.quanze.search;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.quanze.index.IndexHandle;
import org.quanze.index.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Facet filters in, facet counts out: the parts of faceting that do not depend on the query. */
final class FacetSupport {

    /** API parameter → facet dimension. */
    static final Map<String, String> PARAMS = orderedMap(
            "type", Schema.F_TYPE, "unit", Schema.F_UNIT, "level", Schema.F_LEVEL,
            "statute", Schema.F_STATUTE, "source", Schema.F_SOURCE, "kind", Schema.F_KIND, "lawStatus", Schema.F_LAW_STATUS);
    static final int MAX_VALUES = 200;
    static final int MAX_ARTICLES = 200;

    private FacetSupport() {}

    /**
     * A drill-down over the base query: values of one dimension OR-ed, dimensions AND-ed. Within
     * the statute dimension an article narrows its law, as a child value narrows its parent: with
     * 社会保险法 and 社会保险法/86 both selected, the law adds nothing the article does not already
     * require, so only the article filters.
     */
    static DrillDownQuery drillDown(Query base, Map<String, List<String>> filters) {
        DrillDownQuery dd = new DrillDownQuery(Schema.facetsConfig(), base);
        for (Map.Entry<String, List<String>> e : filters.entrySet()) {
            String dim = PARAMS.get(e.getKey());
            for (String v : e.getValue()) {
                if (Schema.F_STATUTE.equals(dim)) {
                    String[] path = statutePath(v);
                    if (path.length == 1 && e.getValue().stream().anyMatch(o -> isArticleOf(o, path[0]))) continue;
                    dd.add(dim, path);
                } else {
                    dd.add(dim, v);
                }
            }
        }
        return dd;
    }

    /** The indexed term of one power type, for queries that weigh or match items by their type. */
    static org.apache.lucene.index.Term typeTerm(String type) {
        return DrillDownQuery.term(Schema.facetsConfig().getDimConfig(Schema.F_TYPE).indexFieldName, Schema.F_TYPE, type);
    }

    private static boolean isArticleOf(String value, String law) {
        String[] path = statutePath(value);
        return path.length == 2 && path[0].equals(law);
    }

    /** 社会保险法/87 → [社会保险法, 87]; 社会保险法 → [社会保险法]. */
    static String[] statutePath(String v) {
        int slash = v.lastIndexOf('/');
        // At most six digits: a longer number is no article, and would overflow an int.
        if (slash > 0 && v.substring(slash + 1).matches("\\d{1,6}")) {
            return new String[] {v.substring(0, slash), String.valueOf(Integer.parseInt(v.substring(slash + 1)))};
        }
        return new String[] {v};
    }

    /** Counts of every dimension, laws with their articles, selected values included. */
    static Map<String, List<SearchResult.FacetValue>> read(Facets facets, Map<String, List<String>> filters,
                                                           Map<String, String> sourceTitles) throws IOException {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : PARAMS.entrySet()) {
            String dim = p.getValue();
            List<String> selected = filters.getOrDefault(p.getKey(), List.of());
            List<SearchResult.FacetValue> values = new ArrayList<>();
            FacetResult r = facets.getTopChildren(MAX_VALUES, dim);
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    List<SearchResult.FacetValue> articles = null;
                    if (Schema.F_STATUTE.equals(dim)) articles = articles(facets, lv.label, selected);
                    String label = Schema.F_SOURCE.equals(dim) ? sourceTitles.getOrDefault(lv.label, lv.label)
                            : Schema.F_LAW_STATUS.equals(dim) ? org.quanze.statute.LawStatus.label(lv.label) : null;
                    values.add(new SearchResult.FacetValue(lv.label, label, lv.value.longValue(),
                            selected.contains(lv.label), articles));
                }
            }
            for (String s : selected) {
                String top = Schema.F_STATUTE.equals(dim) ? statutePath(s)[0] : s;
                if (values.stream().noneMatch(v -> v.value().equals(top))) {
                    values.add(new SearchResult.FacetValue(top, Schema.F_SOURCE.equals(dim) ? sourceTitles.get(top) : null,
                            0, selected.contains(top), Schema.F_STATUTE.equals(dim) ? articles(facets, top, selected) : null));
                }
            }
            out.put(p.getKey().equals("type") ? "powerType" : p.getKey(), values);
        }
        return out;
    }

    private static List<SearchResult.FacetValue> articles(Facets facets, String law, List<String> selected) throws IOException {
        List<SearchResult.FacetValue> out = new ArrayList<>();
        FacetResult r;
        try {
            r = facets.getTopChildren(MAX_ARTICLES, Schema.F_STATUTE, law);
        } catch (IllegalArgumentException noSuchLaw) {
            r = null;
        }
        if (r != null) {
            for (LabelAndValue lv : r.labelValues) {
                String path = law + "/" + lv.label;
                out.add(new SearchResult.FacetValue(path, "第" + lv.label + "条", lv.value.longValue(), selected.contains(path), null));
            }
        }
        for (String s : selected) {
            if (s.startsWith(law + "/") && statutePath(s).length == 2 && statutePath(s)[0].equals(law)
                    && out.stream().noneMatch(v -> v.value().equals(s))) {
                out.add(new SearchResult.FacetValue(s, "第" + s.substring(law.length() + 1) + "条", 0, true, null));
            }
        }
        out.sort(Comparator.comparingInt(v -> Integer.parseInt(v.value().substring(law.length() + 1))));
        return out;
    }

    /**
     * Counts over the whole index. Not cached: a Facets object reads labels through doc-values
     * iterators, which are not thread-safe, so one shared between requests returned garbage labels
     * and EOF errors under load. Callers cache what they read from it (see SearchService.counts).
     */
    static Facets allCounts(IndexHandle h) {
        try {
            var fc = h.searcher().search(new MatchAllDocsQuery(), new FacetsCollectorManager());
            return new SortedSetDocValuesFacetCounts(h.facetState(), fc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
