package org.quanze.search;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.quanze.Engine;
import org.quanze.index.IndexHandle;
import org.quanze.testing.BundledData;
import org.quanze.testing.GeneratedData;
import org.quanze.testing.RelevanceQuestions;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Does this query match more than N items?" is answered exactly, whether the bounds from term
 * frequencies decide it or the count stops past N: for every concept of the 90 relevance
 * questions, on the bundled lists and on the 10k generated corpus, at limits around the true
 * count and at the planner's own (30 % of the items).
 */
class MatchesMoreThanTest {

    @Test
    void exactOnTheBundledLists() throws IOException {
        // Concepts with a presence query, and how many of them the bounds alone decide at 30 %: fewer
        // than of the lists' own words alone (253), since a presence also reads the cited articles.
        assertEquals(new Tally(284, 226), compare(BundledData.sharedEngine()));
    }

    @Test
    void exactOnAGeneratedCorpus() throws IOException {
        assertEquals(new Tally(285, 213), compare(GeneratedData.sharedEngine()));
    }

    /**
     * Deleted items still count in a term's frequency, so the lower bound is not used where there
     * are any: with 3 of a term's 5 items deleted, it matches 2, not more than 2.
     */
    @Test
    void deletedItemsAreNotCounted() throws IOException {
        try (Directory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer())
                     // Kept as written: a merge would reclaim the deleted items.
                     .setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < 10; i++) {
                Document d = new Document();
                d.add(new TextField("id", "d" + i, Field.Store.NO));
                d.add(new TextField("t", i < 5 ? "fine paid" : "permit", Field.Store.NO));
                w.addDocument(d);
            }
            w.commit(); // deleted from a written segment, as a rebuild's later deletions would be
            for (int i = 0; i < 3; i++) w.deleteDocuments(new Term("id", "d" + i));
            w.commit();
            try (IndexReader r = DirectoryReader.open(dir)) {
                Query fineOrPermit = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("t", "fine")), Occur.SHOULD)
                        .add(new TermQuery(new Term("t", "permit")), Occur.SHOULD).build();
                assertEquals(7, r.numDocs());
                assertEquals(2, new IndexSearcher(r).count(new TermQuery(new Term("t", "fine"))));
                assertFalse(MatchesMoreThan.test(r, new TermQuery(new Term("t", "fine")), 2));
                assertTrue(MatchesMoreThan.test(r, new TermQuery(new Term("t", "fine")), 1));
                assertFalse(MatchesMoreThan.test(r, fineOrPermit, 7));
                assertTrue(MatchesMoreThan.test(r, fineOrPermit, 6));
                assertFalse(MatchesMoreThan.test(r, new PhraseQuery("t", "fine", "paid"), 2));
                assertTrue(MatchesMoreThan.test(r, new PhraseQuery("t", "fine", "paid"), 1));
                assertFalse(MatchesMoreThan.test(r, new PhraseQuery("t", "paid", "fine"), 0));
            }
        }
    }

    record Tally(int concepts, int decidedByBounds) {}

    private static Tally compare(Engine engine) throws IOException {
        IndexHandle h = engine.search().index().acquire();
        try {
            IndexReader r = h.reader();
            IndexSearcher s = new IndexSearcher(r);
            QueryPlanner planner = new QueryPlanner(Vocabulary.load(BundledData.PROJECT_DATA));
            long common = (long) Math.floor(ConceptReader.COMMON * r.maxDoc());
            int concepts = 0;
            int decided = 0;
            for (String text : RelevanceQuestions.all()) {
                for (QueryPlan.Concept c : planner.plan(text, new LuceneGeneration(h), QueryPlanner.USUAL).concepts()) {
                    Query p = c.presence();
                    if (p == null) continue;
                    concepts++;
                    int n = s.count(p);
                    String what = text + ": " + c.surface() + " (" + n + " items)";
                    long upper = MatchesMoreThan.upperBound(r, p);
                    long lower = MatchesMoreThan.lowerBound(r, p);
                    assertTrue(upper >= n && lower <= n, what + " lies within " + lower + ".." + upper);
                    for (long limit : new long[] {0, n - 1L, n, n + 1L, common, r.maxDoc()}) {
                        assertEquals(n > limit, MatchesMoreThan.test(r, p, limit), what + " at " + limit);
                    }
                    if (upper <= common || lower > common) decided++;
                }
            }
            return new Tally(concepts, decided);
        } finally {
            engine.search().index().release(h);
        }
    }
}
