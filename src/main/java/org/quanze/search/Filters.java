package org.quanze.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.quanze.index.Schema;
import org.quanze.model.PowerRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's facet filters. Without a kind selected a search shows powers only: that default
 * is a plain filter on the base query, not a facet selection, so it costs no drill-sideways pass;
 * {@code kind=all} lifts it.
 *
 * @param selected        facet selections by API name (values OR-ed within a facet, facets AND-ed)
 * @param powersByDefault whether the default powers-only filter applies
 */
record Filters(Map<String, List<String>> selected, boolean powersByDefault) {

    static Filters of(SearchRequest req) {
        Map<String, List<String>> f = new LinkedHashMap<>(req.filters());
        List<String> kinds = f.get("kind");
        if (kinds == null) return new Filters(Map.copyOf(f), true);
        if (kinds.contains(SearchRequest.ALL_KINDS)) f.remove("kind");
        return new Filters(Map.copyOf(f), false);
    }

    /** The query under the default filter (the selections are applied by drill-down). */
    Query base(Query q) {
        if (!powersByDefault) return q;
        return new BooleanQuery.Builder().add(q, Occur.MUST)
                .add(new TermQuery(new Term(Schema.KIND, PowerRecord.POWER)), Occur.FILTER).build();
    }

    /** The query with every filter applied, scores kept: what ranking searches. */
    Query apply(Query q) {
        Query base = base(q);
        return selected.isEmpty() ? base : FacetSupport.drillDown(base, selected);
    }

    /** The selections as facet values show them, the default kind included. */
    Map<String, List<String>> shown() {
        if (!powersByDefault) return selected;
        Map<String, List<String>> m = new LinkedHashMap<>(selected);
        m.put("kind", List.of(PowerRecord.POWER));
        return m;
    }
}
