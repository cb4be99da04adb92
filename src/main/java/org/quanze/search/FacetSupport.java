package org.quanze.search;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.quanze.index.IndexHandle;
import org.quanze.index.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Facet filters in, facet counts out: the parts of faceting that do not depend on the query. */
public final class FacetSupport {

    /** API parameter → facet dimension. */
    public static final Map<String, String> PARAMS = params();
    public static final int MAX_VALUES = 200;
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

    /**
     * The filter of one dimension's selected values (OR-ed; a law with one of its articles also
     * selected adds nothing), as its drill-down; null when nothing of it filters.
     */
    public static Query dimension(String param, List<String> values) {
        Query[] dims = drillDown(new MatchAllDocsQuery(), Map.of(param, values)).getDrillDownQueries();
        return dims.length == 0 ? null : dims[0];
    }

    /** The indexed term of one power type, for queries that weigh or match items by their type. */
    static org.apache.lucene.index.Term typeTerm(String type) {
        return term(Schema.F_TYPE, type);
    }

    /** The indexed drill-down term of one value of a (flat) dimension. */
    static org.apache.lucene.index.Term term(String dim, String value) {
        return DrillDownQuery.term(Schema.facetsConfig().getDimConfig(dim).indexFieldName, dim, value);
    }

    /** Every value of a flat dimension in the generation, read from its drill-down terms. */
    static Set<String> values(Generation g, String dim) {
        String field = Schema.facetsConfig().getDimConfig(dim).indexFieldName;
        String prefix = dim + FacetsConfig.DELIM_CHAR;
        Set<String> out = new java.util.TreeSet<>();
        for (String t : g.terms(field, prefix)) out.add(t.substring(prefix.length()));
        return Collections.unmodifiableSet(out);
    }

    private static boolean isArticleOf(String value, String law) {
        String[] path = statutePath(value);
        return path.length == 2 && path[0].equals(law);
    }

    /** 社会保险法/87 → [社会保险法, 87]; 社会保险法 → [社会保险法]. */
    public static String[] statutePath(String v) {
        int slash = v.lastIndexOf('/');
        // At most six digits: a longer number is no article, and would overflow an int.
        if (slash > 0 && v.substring(slash + 1).matches("\\d{1,6}")) {
            return new String[] {v.substring(0, slash), String.valueOf(Integer.parseInt(v.substring(slash + 1)))};
        }
        return new String[] {v};
    }

    /**
     * One answer's counts of facet values, however a backend counted them: the values of a
     * dimension (or a law's articles) by count, most first, equal counts in the order of their
     * labels' UTF-8 bytes, at most {@code n}.
     */
    public interface Counts {
        List<LabelAndValue> top(String dim, int n) throws IOException;

        /** The children of one value of a hierarchical dimension (a law's articles); empty when it has none. */
        List<LabelAndValue> children(String dim, String parent, int n) throws IOException;
    }

    /** Lucene's facet counts as {@link Counts}. */
    static Counts of(Facets facets) {
        return new Counts() {
            @Override
            public List<LabelAndValue> top(String dim, int n) throws IOException {
                FacetResult r = facets.getTopChildren(n, dim);
                return r == null ? List.of() : List.of(r.labelValues);
            }

            @Override
            public List<LabelAndValue> children(String dim, String parent, int n) throws IOException {
                try {
                    FacetResult r = facets.getTopChildren(n, dim, parent);
                    return r == null ? List.of() : List.of(r.labelValues);
                } catch (IllegalArgumentException noSuchValue) {
                    return List.of();
                }
            }
        };
    }

    static Map<String, List<SearchResult.FacetValue>> read(Facets facets, Map<String, List<String>> filters,
                                                           Map<String, String> sourceTitles) throws IOException {
        return read(of(facets), filters, sourceTitles);
    }

    /** Counts of every dimension, laws with their articles, selected values included. */
    public static Map<String, List<SearchResult.FacetValue>> read(Counts facets, Map<String, List<String>> filters,
                                                                  Map<String, String> sourceTitles) throws IOException {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : PARAMS.entrySet()) {
            String dim = p.getValue();
            List<String> selected = filters.getOrDefault(p.getKey(), List.of());
            List<SearchResult.FacetValue> values = new ArrayList<>();
            {
                for (LabelAndValue lv : facets.top(dim, MAX_VALUES)) {
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
            out.put(dim, values);
        }
        return out;
    }

    private static List<SearchResult.FacetValue> articles(Counts facets, String law, List<String> selected) throws IOException {
        List<SearchResult.FacetValue> out = new ArrayList<>();
        {
            for (LabelAndValue lv : facets.children(Schema.F_STATUTE, law, MAX_ARTICLES)) {
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
            return h.facetCounts(fc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The kind facet under the default powers-only filter: the powers (the total) shown as selected,
     * and the duties the filter hides, counted under the same question and selections.
     */
    public static List<SearchResult.FacetValue> kinds(long powers, long duties) {
        List<SearchResult.FacetValue> out = new ArrayList<>();
        if (powers > 0) out.add(new SearchResult.FacetValue(org.quanze.model.PowerRecord.POWER, null, powers, true, null));
        if (duties > 0) out.add(new SearchResult.FacetValue(org.quanze.model.PowerRecord.DUTY, null, duties, false, null));
        if (powers == 0) out.add(new SearchResult.FacetValue(org.quanze.model.PowerRecord.POWER, null, 0, true, null));
        out.sort((a, b) -> Long.compare(b.count(), a.count()));
        return out;
    }

    private static Map<String, String> params() {
        Map<String, String> m = new LinkedHashMap<>();
        for (org.quanze.index.Facet f : org.quanze.index.Facet.values()) m.put(f.param, f.dim);
        return java.util.Collections.unmodifiableMap(m);
    }
}
