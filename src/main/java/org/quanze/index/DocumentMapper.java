package org.quanze.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.model.Step;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** The one seam from a normalised record to a Lucene document. */
public final class DocumentMapper {

    /**
     * Bigram fields: stored (the highlighter reads the text from here) with offsets in the
     * postings (the highlighter takes match offsets from the index instead of re-analysing).
     */
    private static final FieldType BIGRAM_TEXT = new FieldType(TextField.TYPE_STORED);

    static {
        BIGRAM_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BIGRAM_TEXT.freeze();
    }

    /**
     * Citations: exact terms with norms, so an item grounded on few provisions scores higher for
     * each of them than one that lists a dozen (BM25 length normalisation over citations).
     */
    private static final FieldType CITATION = new FieldType();

    static {
        CITATION.setTokenized(false);
        CITATION.setOmitNorms(false);
        CITATION.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        CITATION.freeze();
    }

    /** The word analysis every word field uses (thread-safe: each thread reuses its own components). */
    private static final Analyzer WORDS = Analyzers.words();

    /**
     * A word field indexed from tokens analysed beforehand; its text is kept as the field's value
     * for whoever reads the document's fields (the OpenSearch documents).
     */
    private static final class WordsField extends Field {
        private final AnalysedText words;

        WordsField(String name, String text, AnalysedText words) {
            super(name, text, TextField.TYPE_NOT_STORED);
            this.words = words;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            return words.stream();
        }
    }

    /** A cited article's text, its words taken from the build's {@link ArticleWords}. */
    private static final class ArticleField extends Field {
        private final ArticleWords words;

        ArticleField(String text, ArticleWords words) {
            super(Schema.ARTICLES, text, TextField.TYPE_NOT_STORED);
            this.words = words;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            return words.stream(stringValue());
        }
    }

    private DocumentMapper() {}

    /**
     * The record's document; {@code articles} are the texts of the articles its legal basis cites
     * ({@code LawLibrary.basisArticles}), empty where the library holds none.
     */
    public static Document toDocument(PowerRecord r, long order, java.util.List<String> articles) {
        return toDocument(r, order, articles, null);
    }

    /** As above, each article's words from {@code articleWords} (a build's, segmented once per article) unless null. */
    static Document toDocument(PowerRecord r, long order, java.util.List<String> articles, ArticleWords articleWords) {
        Document d = new Document();
        d.add(new KeywordField(Schema.ID, r.id(), Field.Store.YES));
        d.add(new KeywordField(Schema.KIND, r.kind(), Field.Store.NO));
        d.add(new KeywordField(Schema.SOURCE_ID, r.source().id(), Field.Store.NO));
        d.add(new StoredField(Schema.RECORD, Json.write(r)));
        d.add(new NumericDocValuesField(Schema.ORDER, order));
        for (Map.Entry<String, String> e : texts(r).entrySet()) {
            if (e.getValue().isBlank()) continue;
            // Word field: not stored (the bigram twin stores the same text once). The words are
            // analysed once for it and for the all-words field.
            AnalysedText words = AnalysedText.of(WORDS, e.getKey(), e.getValue());
            d.add(new WordsField(e.getKey(), e.getValue(), words));
            d.add(new WordsField(Schema.ALL, e.getValue(), words));
            d.add(new Field(Schema.bigram(e.getKey()), e.getValue(), BIGRAM_TEXT));
        }
        // One value per article, so no phrase spans two.
        for (String a : articles) {
            d.add(articleWords == null ? new Field(Schema.ARTICLES, a, TextField.TYPE_NOT_STORED) : new ArticleField(a, articleWords));
        }
        String sameAs = NameKey.of(r);
        if (sameAs != null) {
            d.add(new KeywordField(Schema.SAME_POWER, sameAs, Field.Store.NO));
            if (r.givesNoBasis()) d.add(new StringField(Schema.UNGROUNDED, sameAs, Field.Store.NO));
        }
        if (r.powerType() != null) d.add(new SortedSetDocValuesFacetField(Schema.F_TYPE, r.powerType()));
        for (String u : r.units()) d.add(new SortedSetDocValuesFacetField(Schema.F_UNIT, u));
        for (String l : r.levels()) d.add(new SortedSetDocValuesFacetField(Schema.F_LEVEL, l));
        Set<String> seen = new LinkedHashSet<>();
        Set<String> cited = new LinkedHashSet<>();
        for (Statute s : r.statutes()) {
            if (cited.add(s.law())) d.add(new KeywordField(Schema.CITED, s.law(), Field.Store.NO));
            if (s.article() != null && cited.add(s.path())) d.add(new KeywordField(Schema.CITED, s.path(), Field.Store.NO));
        }
        for (Statute s : r.statutes()) {
            if (!Statute.BASIS.equals(s.role())) continue;
            if (seen.add(s.law())) {
                d.add(new SortedSetDocValuesFacetField(Schema.F_STATUTE, s.law()));
                d.add(new Field(Schema.CITES, s.law(), CITATION));
            }
            if (s.article() != null && seen.add(s.path())) {
                d.add(new SortedSetDocValuesFacetField(Schema.F_STATUTE, s.law(), String.valueOf(s.article())));
                d.add(new Field(Schema.CITES, s.path(), CITATION));
            }
        }
        d.add(new SortedSetDocValuesFacetField(Schema.F_SOURCE, r.source().id()));
        d.add(new SortedSetDocValuesFacetField(Schema.F_KIND, r.kind()));
        for (String status : org.quanze.model.StatuteCheck.itemStatuses(r.statutes())) {
            d.add(new SortedSetDocValuesFacetField(Schema.F_LAW_STATUS, status));
        }
        return d;
    }

    /** The text of each field family, in the order the lists present it. */
    public static Map<String, String> texts(PowerRecord r) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(Schema.NAME, join(r.name(), r.subItem()));
        m.put(Schema.BASIS, join(r.basis()));
        StringJoiner steps = new StringJoiner("\n");
        for (Step s : r.responsibilities()) steps.add(s.title() == null ? s.text() : s.title() + "：" + s.text());
        m.put(Schema.DUTIES, join(steps.toString(), r.departmentDuty()));
        m.put(Schema.ACCOUNTABILITY, join(r.accountableParties(), r.accountability(), r.exemption(), r.responsibilityBasis()));
        m.put(Schema.OTHER, join(String.join("、", r.units()), r.authority(), r.acceptanceConditions(), r.timeLimit(),
                r.place(), r.supervision(), r.notes(), r.source() == null ? null : r.source().region()));
        return m;
    }

    private static String join(String... parts) {
        StringJoiner j = new StringJoiner("\n");
        for (String p : parts) if (p != null && !p.isBlank()) j.add(p);
        return j.toString();
    }
}
