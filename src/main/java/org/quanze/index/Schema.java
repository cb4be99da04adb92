package org.quanze.index;

import org.apache.lucene.facet.FacetsConfig;

import java.util.List;

/**
 * Every index field name in one place, with why each field is indexed the way it is.
 *
 * <p>Text is indexed twice. The word fields ({@code name}, {@code basis}, …) hold
 * SmartChineseAnalyzer words: precise, and where query-time synonyms apply. The bigram fields
 * ({@code name.bg}, …) hold overlapping CJK bigrams: they find what the word segmenter cut
 * differently (骗保 vs 骗取, 医保 vs 医疗保险), and they carry the stored text with offsets in the
 * postings, so highlighting reads offsets instead of re-analysing the text.
 */
public final class Schema {

    /** Exact id: a KeywordField, the upsert key of updateDocument and the item lookup key. */
    public static final String ID = "id";
    /** power or duty: a KeywordField to filter on. */
    public static final String KIND = "kind";
    /** The whole normalised record as JSON: a StoredField, so a hit renders without a second store. */
    public static final String RECORD = "record";
    /** Ingest order (source, then row): a NumericDocValuesField for sort=source. */
    public static final String ORDER = "order";
    /** The source id, also a KeywordField, so related-item search can exclude the item's own list. */
    public static final String SOURCE_ID = "source_id";

    /**
     * Statutes cited as legal basis, as {@code law} and {@code law/article}: a KeywordField, so a
     * query that names an article (社会保险法第八十六条) can rank the items grounded on it first;
     * indexed with norms (see DocumentMapper) so specific grounding counts more.
     */
    public static final String CITES = "cites";
    /**
     * Statutes cited in any role (legal basis or accountability), as {@code law} and
     * {@code law/article}: a KeywordField, so a law's page lists the items that cite it for
     * accountability too (a repealed 行政监察法 is often cited only there).
     */
    public static final String CITED = "cited";

    /**
     * A power's {@link NameKey}: the same power in every list that names it. A KeywordField (terms
     * and doc values), so a question that names an article can read the keys of the items citing
     * it and find the same powers where their list gives no legal basis ({@link #UNGROUNDED}).
     */
    public static final String SAME_POWER = "same_power";
    /** The {@link NameKey} of a power whose list gives no legal basis (a StringField): see {@link #SAME_POWER}. */
    public static final String UNGROUNDED = "ungrounded";

    /**
     * Every family's words in one field (one value per family, a position gap between them so no
     * phrase spans two): whether an item contains a concept at all is one posting list per
     * spelling here instead of one per family, which is what a search's match set is counted
     * over; the families' own word fields weigh where it occurs.
     */
    public static final String ALL = "all";
    /** Positions between two families' values in {@link #ALL}: more than any phrase is long. */
    public static final int FAMILY_GAP = 100;

    /**
     * The official text of the articles the legal basis cites, from the statute library at ingest
     * (the version each citation was checked against): words only, not stored. A list that cites
     * 医疗保障基金使用监督管理条例第三十八条 names none of the conduct the article lists (重复收费,
     * 返还现金), which is what a citizen describes. Kept out of {@link #ALL}: an article is longer
     * than the item and shared by many, so it weighs less than the list's own text
     * ({@code FieldWeights}) and leaves the other families' BM25 lengths as they are.
     */
    public static final String ARTICLES = "articles";

    /** Text field families: the word field has this name, the bigram field adds {@link #BIGRAM}. */
    public static final String NAME = "name";
    public static final String BASIS = "basis";
    public static final String DUTIES = "duties";
    public static final String ACCOUNTABILITY = "accountability";
    public static final String OTHER = "other";
    public static final List<String> TEXT_FIELDS = List.of(NAME, BASIS, DUTIES, ACCOUNTABILITY, OTHER);
    public static final String BIGRAM = ".bg";

    /** Facet dimensions (defined in {@link Facet}): sorted-set doc values, counted per segment without a taxonomy index. */
    public static final String F_TYPE = Facet.POWER_TYPE.dim;
    public static final String F_UNIT = Facet.UNIT.dim;
    public static final String F_LEVEL = Facet.LEVEL.dim;
    public static final String F_STATUTE = Facet.STATUTE.dim;
    public static final String F_SOURCE = Facet.SOURCE.dim;
    public static final String F_KIND = Facet.KIND.dim;
    public static final String F_LAW_STATUS = Facet.LAW_STATUS.dim;
    public static final List<String> FACETS = Facet.dims();

    private Schema() {}

    public static String bigram(String family) {
        return family + BIGRAM;
    }

    public static FacetsConfig facetsConfig() {
        FacetsConfig c = new FacetsConfig();
        for (Facet f : Facet.values()) {
            c.setMultiValued(f.dim, f.multiValued);
            c.setHierarchical(f.dim, f.hierarchical);
        }
        return c;
    }
}
