package org.quanze.index;

import java.util.Arrays;
import java.util.List;

/**
 * The facets, defined once: the index's dimension, the API's parameter, the page's title and
 * chip label, and how the values are kept. The index (`Schema`), the filters and counts
 * (`FacetSupport`), the API's parameters (`Params`), the OpenSearch mapping and `/api/config`
 * all read this table; the page's own list (`web/js/state.js`) is checked against it by a test.
 */
public enum Facet {
    POWER_TYPE("powerType", "type", "权力类型", "权力类型", false, false),
    UNIT("unit", "unit", "承办机构/责任主体", "承办机构", true, false),
    LEVEL("level", "level", "层级", "层级", true, false),
    /** Law, then article; only citations in the legal basis (role basis). */
    STATUTE("statute", "statute", "法律依据", "法律依据", true, true),
    SOURCE("source", "source", "来源清单", "来源清单", false, false),
    KIND("kind", "kind", "事项类别", "事项类别", false, false),
    /** 法律依据状态: the currency of the laws an item cites (current, superseded, repealed, unknown, misquoted). */
    LAW_STATUS("lawStatus", "lawStatus", "法律依据状态", "法律依据状态", true, false);

    /** The dimension in the index and the facet's name in the API's answers. */
    public final String dim;
    /** The query parameter that selects its values (the page's URL uses the same). */
    public final String param;
    /** The page's heading for it, and the shorter name on a chip of a chosen value. */
    public final String title;
    public final String chip;
    /** An item may have several values. */
    public final boolean multiValued;
    /** Values are paths (law, then article). */
    public final boolean hierarchical;

    Facet(String dim, String param, String title, String chip, boolean multiValued, boolean hierarchical) {
        this.dim = dim;
        this.param = param;
        this.title = title;
        this.chip = chip;
        this.multiValued = multiValued;
        this.hierarchical = hierarchical;
    }

    public static List<String> dims() {
        return Arrays.stream(values()).map(f -> f.dim).toList();
    }

    public static List<String> params() {
        return Arrays.stream(values()).map(f -> f.param).toList();
    }
}
