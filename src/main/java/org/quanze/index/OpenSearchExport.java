package org.quanze.index;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The index as an OpenSearch (or Elasticsearch) index: a mapping with the same fields and
 * analysis (SmartCN words from the analysis-smartcn plugin, CJK bigrams as a {@code .bg}
 * sub-field with offsets for highlighting, keyword facets), and bulk NDJSON of the records, one
 * action line and one document line each. For when one machine is outgrown (docs/SCALING.md).
 */
public final class OpenSearchExport {

    public static final String WORDS_ANALYZER = "quanze_words";
    public static final String BIGRAMS_ANALYZER = "quanze_bigrams";
    /** Facet fields: keywords (doc values for terms aggregations), named as the API's facets. */
    public static final String STATUTE_ARTICLE = "statute_article";
    public static final String SOURCE_TITLE = "source_title";

    private OpenSearchExport() {}

    /** The body of {@code PUT /INDEX}: settings with both analyzers, and the mappings. */
    public static ObjectNode mapping() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode analyzer = root.putObject("settings").putObject("analysis").putObject("analyzer");
        // SmartChineseAnalyzer(false) is the smartcn tokenizer and a Porter stemmer with no stop set.
        analyzer.putObject(WORDS_ANALYZER).put("type", "custom").put("tokenizer", "smartcn_tokenizer")
                .putArray("filter").add("lowercase").add("porter_stem");
        analyzer.putObject(BIGRAMS_ANALYZER).put("type", "custom").put("tokenizer", "standard")
                .putArray("filter").add("cjk_width").add("lowercase").add("cjk_bigram");
        ObjectNode mappings = root.putObject("mappings");
        mappings.put("dynamic", "strict");
        ObjectNode props = mappings.putObject("properties");
        keyword(props, Schema.ID);
        keyword(props, Schema.KIND);
        keyword(props, Schema.SOURCE_ID);
        // Citations score with norms, as in the Lucene index: specific grounding counts more.
        keyword(props, Schema.CITES).put("norms", true);
        props.putObject(Schema.ORDER).put("type", "long");
        for (String f : Schema.TEXT_FIELDS) {
            ObjectNode text = props.putObject(f).put("type", "text").put("analyzer", WORDS_ANALYZER);
            text.putObject("fields").putObject(Schema.BIGRAM.substring(1)).put("type", "text")
                    .put("analyzer", BIGRAMS_ANALYZER).put("index_options", "offsets");
        }
        for (String f : new String[] {Schema.F_TYPE, Schema.F_UNIT, Schema.F_LEVEL, Schema.F_STATUTE, STATUTE_ARTICLE,
                Schema.F_SOURCE, SOURCE_TITLE}) {
            keyword(props, f);
        }
        // The normalised record, returned with hits as in the API, not indexed.
        props.putObject(Schema.RECORD).put("type", "object").put("enabled", false);
        return root;
    }

    /** Writes one action line and one document line per record. */
    public static long bulk(Iterable<PowerRecord> records, String index, Writer out) throws IOException {
        long n = 0;
        for (PowerRecord r : records) {
            ObjectNode action = Json.MAPPER.createObjectNode();
            action.putObject("index").put("_index", index).put("_id", r.id());
            out.write(Json.MAPPER.writeValueAsString(action));
            out.write('\n');
            out.write(Json.MAPPER.writeValueAsString(document(r, n)));
            out.write('\n');
            n++;
        }
        return n;
    }

    /** The document of a record: the same fields as {@link DocumentMapper#toDocument}. */
    public static ObjectNode document(PowerRecord r, long order) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put(Schema.ID, r.id());
        d.put(Schema.KIND, r.kind());
        d.put(Schema.SOURCE_ID, r.source().id());
        d.put(Schema.ORDER, order);
        for (Map.Entry<String, String> e : DocumentMapper.texts(r).entrySet()) {
            if (!e.getValue().isBlank()) d.put(e.getKey(), e.getValue());
        }
        if (r.powerType() != null) d.put(Schema.F_TYPE, r.powerType());
        strings(d.putArray(Schema.F_UNIT), r.units());
        strings(d.putArray(Schema.F_LEVEL), r.levels());
        Set<String> laws = new LinkedHashSet<>();
        Set<String> articles = new LinkedHashSet<>();
        for (Statute s : r.statutes()) {
            if (!Statute.BASIS.equals(s.role())) continue;
            laws.add(s.law());
            if (s.article() != null) articles.add(s.path());
        }
        strings(d.putArray(Schema.F_STATUTE), laws);
        strings(d.putArray(STATUTE_ARTICLE), articles);
        ArrayNode cites = d.putArray(Schema.CITES);
        laws.forEach(cites::add);
        articles.forEach(cites::add);
        d.put(Schema.F_SOURCE, r.source().id());
        d.put(SOURCE_TITLE, r.source().title() == null ? r.source().id() : r.source().title());
        d.set(Schema.RECORD, Json.MAPPER.valueToTree(r));
        return d;
    }

    private static void strings(ArrayNode a, Iterable<String> values) {
        for (String v : values) a.add(v);
    }

    private static ObjectNode keyword(ObjectNode props, String name) {
        return props.putObject(name).put("type", "keyword");
    }
}
