package org.quanze.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;
import org.quanze.statute.CitationCheck;
import org.quanze.statute.LawLibrary;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The word fields and the all-words field, fed from one analysis of each text, hold exactly the
 * postings that analysing each field's text on its own gives (terms, documents, positions, the gap
 * between families in the all-words field); so do the cited articles' words, segmented once per
 * article in a build (the gap between articles too).
 */
class AnalysedOnceTest {

    @Test
    void wordFieldsHoldTheSamePostingsAsAnalysingEachFieldApart() throws IOException {
        LawLibrary laws = LawLibrary.load(Path.of("index-data", "laws"));
        List<PowerRecord> records = new CitationCheck(laws).annotate(BundledData.ingest().records());
        try (Directory once = new ByteBuffersDirectory(); Directory apart = new ByteBuffersDirectory()) {
            write(once, records, laws, false);
            write(apart, records, laws, true);
            try (DirectoryReader a = DirectoryReader.open(once); DirectoryReader b = DirectoryReader.open(apart)) {
                List<String> fields = new ArrayList<>(Schema.TEXT_FIELDS);
                fields.add(Schema.ALL);
                fields.add(Schema.ARTICLES);
                long positions = 0;
                for (String f : fields) positions += assertSamePostings(MultiTerms.getTerms(a, f), MultiTerms.getTerms(b, f), f);
                // Not a comparison of two empty indexes: the bundled lists' words, every position.
                assertTrue(positions > 10_000, positions + " positions");
                long inArticles = assertSamePostings(MultiTerms.getTerms(a, Schema.ARTICLES), MultiTerms.getTerms(b, Schema.ARTICLES), Schema.ARTICLES);
                assertTrue(inArticles > 1_000, inArticles + " positions in the cited articles");
            }
        }
    }

    private static void write(Directory dir, List<PowerRecord> records, LawLibrary laws, boolean apart) throws IOException {
        ArticleWords words = new ArticleWords(Analyzers.words());
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.indexing()))) {
            long order = 0;
            for (PowerRecord r : records) {
                Document d = new Document();
                if (apart) {
                    for (Map.Entry<String, String> e : DocumentMapper.texts(r).entrySet()) {
                        if (e.getValue().isBlank()) continue;
                        d.add(new TextField(e.getKey(), e.getValue(), Field.Store.NO));
                        d.add(new TextField(Schema.ALL, e.getValue(), Field.Store.NO));
                    }
                    for (String a : laws.basisArticles(r)) d.add(new TextField(Schema.ARTICLES, a, Field.Store.NO));
                } else {
                    for (var f : DocumentMapper.toDocument(r, order, laws.basisArticles(r), words).getFields()) {
                        if (Schema.TEXT_FIELDS.contains(f.name()) || f.name().equals(Schema.ALL) || f.name().equals(Schema.ARTICLES)) d.add(f);
                    }
                }
                order++;
                w.addDocument(d);
            }
        }
    }

    private static long assertSamePostings(Terms a, Terms b, String field) throws IOException {
        assertEquals(b.size(), a.size(), field + " terms");
        TermsEnum ta = a.iterator();
        TermsEnum tb = b.iterator();
        long positions = 0;
        PostingsEnum pa = null;
        PostingsEnum pb = null;
        for (BytesRef t = tb.next(); t != null; t = tb.next()) {
            assertEquals(t, ta.next(), field);
            pa = ta.postings(pa, PostingsEnum.POSITIONS);
            pb = tb.postings(pb, PostingsEnum.POSITIONS);
            for (int doc = pb.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pb.nextDoc()) {
                assertEquals(doc, pa.nextDoc(), field + ":" + t.utf8ToString());
                assertEquals(pb.freq(), pa.freq(), field + ":" + t.utf8ToString());
                for (int i = 0; i < pb.freq(); i++) {
                    assertEquals(pb.nextPosition(), pa.nextPosition(), field + ":" + t.utf8ToString() + " in doc " + doc);
                    positions++;
                }
            }
            assertEquals(DocIdSetIterator.NO_MORE_DOCS, pa.nextDoc(), field + ":" + t.utf8ToString());
        }
        return positions;
    }
}
