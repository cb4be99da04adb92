package org.quanze.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;
import org.quanze.index.Analyzers;
import org.quanze.index.DocumentMapper;
import org.quanze.index.Schema;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded index's documents as OpenSearch documents, and the mapping that holds them. Nothing
 * here lists fields: every document is the Lucene document {@link DocumentMapper} builds (with
 * its facet terms, as {@link FacetsConfig} indexes them), converted field by field by the kind of
 * field it is. Text is analysed here, by the index's own analyzers (SmartCN words, CJK bigrams),
 * and sent as its tokens separated by spaces to fields whose analyzer is OpenSearch's core
 * {@code whitespace}: both backends hold the same terms at the same positions with the same
 * lengths, so BM25 scores, phrases and counts agree, and OpenSearch needs no analysis plugin.
 */
public final class OpenSearchSchema {

    /** The core analyzer that splits the tokens sent back into the same tokens. */
    static final String TOKENS_ANALYZER = "whitespace";
    /** Lucene's facet drill-down terms ({@code $facets}): the same terms, scored and filtered alike. */
    static final String DRILL = "drill";
    /** Per facet dimension, its values for terms aggregations; {@code _child} the second level (a law's articles). */
    static final String FACET_PREFIX = "facet_";
    static final String CHILD_SUFFIX = "_child";
    /** Separates a parent from its child in a {@code _child} value, as in Lucene's facet paths. */
    static final char PATH_SEPARATOR = '\u001f';
    /** The keyword twin of an exact-term field, for listing its values. */
    static final String RAW = "raw";

    private OpenSearchSchema() {}

    /** The OpenSearch name of an index field: a dot would make an object path there, and $ starts no name. */
    public static String field(String luceneField) {
        if (luceneField.equals(FacetsConfig.DEFAULT_INDEX_FIELD_NAME)) return DRILL;
        return luceneField.replace('.', '_');
    }

    /** The index field an OpenSearch name stands for (explanations name fields as the embedded index does). */
    static String luceneField(String field) {
        if (field.equals(DRILL)) return FacetsConfig.DEFAULT_INDEX_FIELD_NAME;
        for (String f : Schema.TEXT_FIELDS) if (field.equals(field(Schema.bigram(f)))) return Schema.bigram(f);
        return field;
    }

    static String facetField(String dim) {
        return FACET_PREFIX + dim;
    }

    static String childField(String dim) {
        return FACET_PREFIX + dim + CHILD_SUFFIX;
    }

    /**
     * The body of {@code PUT /INDEX}: the fields of a document of every kind, sorted by ingest order
     * like the embedded index (equal scores list items as the lists do), built without refreshes.
     */
    public static ObjectNode mapping(int shards, int replicas) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode index = root.putObject("settings").putObject("index");
        index.put("number_of_shards", shards).put("number_of_replicas", replicas);
        index.put("refresh_interval", "-1");
        index.put("max_result_window", 10_000);
        index.putArray("sort.field").add(field(Schema.ORDER));
        index.putArray("sort.order").add("asc");
        ObjectNode mappings = root.putObject("mappings");
        mappings.put("dynamic", "strict");
        ObjectNode props = mappings.putObject("properties");
        // Sample documents show every field a record can have and how it is indexed: one with
        // every field set, one whose list gives no legal basis (the fields only such items have).
        for (PowerRecord sample : List.of(sample(true), sample(false))) {
            // A cited article's text, so the mapping holds the field that carries it (Schema.ARTICLES).
            List<String> articles = sample.statutes().isEmpty() ? List.of() : List.of("第一条 为了规范……，制定本法。");
            for (IndexableField f : built(DocumentMapper.toDocument(sample, 0, articles)).getFields()) map(props, f);
        }
        for (String dim : Schema.FACETS) {
            props.putObject(facetField(dim)).put("type", "keyword").put("index", false);
            if (facetsConfig().getDimConfig(dim).hierarchical) {
                props.putObject(childField(dim)).put("type", "keyword").put("index", false);
            }
        }
        props.putObject(Schema.RECORD).put("type", "object").put("enabled", false);
        return root;
    }

    private static void map(ObjectNode props, IndexableField f) {
        String name = f.name();
        IndexableFieldType t = f.fieldType();
        if (name.equals(Schema.RECORD) || name.equals(Schema.ORDER)) {
            if (name.equals(Schema.ORDER)) props.putObject(field(name)).put("type", "long");
            return;
        }
        if (t.indexOptions() == IndexOptions.NONE) return; // doc values of facets: the facet_ fields count instead
        String os = field(name);
        if (props.has(os)) return;
        ObjectNode m = props.putObject(os);
        if (t.tokenized()) {
            m.put("type", "text").put("analyzer", TOKENS_ANALYZER).put("norms", !t.omitNorms());
            m.put("index_options", t.indexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0 ? "positions" : "freqs");
            // A field of several values (Schema.ALL: one per family) keeps the index's gap between them.
            m.put("position_increment_gap", Analyzers.indexing().getPositionIncrementGap(name));
        } else {
            // An exact term, but as text with the core keyword analyzer: OpenSearch answers a term
            // query on a keyword field with a constant score, where Lucene scores it by BM25 (a
            // power type named by the question, a cited article); as text it scores alike. Its
            // "raw" keyword twin lists the field's values (the laws the index cites).
            m.put("type", "text").put("analyzer", "keyword").put("norms", !t.omitNorms());
            m.put("index_options", t.indexOptions() == IndexOptions.DOCS ? "docs" : "freqs");
            m.putObject("fields").putObject(RAW).put("type", "keyword");
        }
    }

    /**
     * One record's document: the Lucene document's fields, text as its tokens, facets per dimension,
     * the record; {@code articles} as {@link DocumentMapper#toDocument} takes them.
     */
    public static ObjectNode document(PowerRecord r, long order, List<String> articles) {
        Document lucene = DocumentMapper.toDocument(r, order, articles);
        ObjectNode d = Json.MAPPER.createObjectNode();
        Map<String, ArrayNode> multi = new LinkedHashMap<>();
        for (IndexableField f : lucene.getFields()) {
            if (f instanceof SortedSetDocValuesFacetField ff) {
                String[] path = ff.path;
                String target = path.length == 1 ? facetField(ff.dim) : childField(ff.dim);
                multi.computeIfAbsent(target, k -> Json.MAPPER.createArrayNode())
                        .add(String.join(String.valueOf(PATH_SEPARATOR), path));
            }
        }
        for (IndexableField f : built(lucene).getFields()) {
            String name = f.name();
            if (name.equals(Schema.RECORD)) continue;
            if (name.equals(Schema.ORDER)) {
                d.put(field(name), order);
                continue;
            }
            IndexableFieldType t = f.fieldType();
            if (t.indexOptions() == IndexOptions.NONE) continue;
            String value = f.stringValue() != null ? f.stringValue() : f.binaryValue().utf8ToString();
            if (t.tokenized()) {
                String tokens = tokens(name, value, r.id());
                if (!tokens.isEmpty()) multi.computeIfAbsent(field(name), k -> Json.MAPPER.createArrayNode()).add(tokens);
            } else {
                multi.computeIfAbsent(field(name), k -> Json.MAPPER.createArrayNode()).add(value);
            }
        }
        multi.forEach(d::set);
        d.set(Schema.RECORD, Json.MAPPER.valueToTree(r));
        return d;
    }

    private static final ThreadLocal<Analyzer> ANALYZER = ThreadLocal.withInitial(Analyzers::indexing);

    /**
     * The field's text as the index analyses it, its tokens separated by spaces. Every token stands
     * one position after the one before (what the whitespace analyzer rebuilds) and holds no space;
     * text that broke either would index differently in the two backends, so it is refused by name.
     */
    static String tokens(String field, String text, String id) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        try (TokenStream ts = ANALYZER.get().tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() != 1) {
                    throw new IllegalArgumentException("item " + id + ", field " + field + ": token '" + term
                            + "' stands " + inc.getPositionIncrement() + " positions after the previous one");
                }
                for (int i = 0; i < term.length(); i++) {
                    if (Character.isWhitespace(term.charAt(i))) {
                        throw new IllegalArgumentException("item " + id + ", field " + field + ": token '" + term + "' holds a space");
                    }
                }
                if (!out.isEmpty()) out.append(' ');
                out.append(term);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The document with its facet fields as the embedded index writes it (drill-down terms, doc values). */
    private static Document built(Document d) {
        try {
            return facetsConfig().build(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FacetsConfig facetsConfig() {
        return Schema.facetsConfig();
    }

    /** A record with every field set (but the legal basis where {@code basis} is false). */
    private static PowerRecord sample(boolean basis) {
        var source = new org.quanze.model.SourceRef("s", "s.txt", "t", "a", "r", List.of(), 1);
        return new PowerRecord("s-1", PowerRecord.POWER, source, "1", "t", "行政处罚", "行政处罚", "名称", "子项", "机关",
                List.of("科室"), List.of("市级"), "市级", basis ? "依据" : null, List.of(new org.quanze.model.Step("受理", "责任")), "问责依据",
                "责任人", "追责", "免责", "监督", "条件", "时限", "地点", "备注", "职责",
                basis ? List.of(new org.quanze.model.Statute("社会保险法", 86, org.quanze.model.Statute.BASIS)) : List.of(), List.of("12345"));
    }
}
