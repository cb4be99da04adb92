package org.quanze.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The distinct values a keyword field holds over the items a query matches, read from its doc
 * values: the ordinals of each segment are marked first and looked up once each, so a value
 * shared by ten thousand items costs one lookup.
 */
final class KeywordValues {

    private KeywordValues() {}

    /** At most {@code max} values, the smallest first. */
    static Set<String> of(IndexReader reader, Query query, String field, int max) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        TreeSet<String> out = new TreeSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Scorer s = w.scorer(leaf);
            if (s == null) continue;
            SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), field);
            if (dv.getValueCount() == 0) continue;
            FixedBitSet ords = new FixedBitSet((int) Math.min(Integer.MAX_VALUE - 16, dv.getValueCount()));
            var live = leaf.reader().getLiveDocs();
            DocIdSetIterator it = s.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) continue;
                if (!dv.advanceExact(doc)) continue;
                for (int i = 0; i < dv.docValueCount(); i++) ords.set((int) dv.nextOrd());
            }
            BitSetIterator marked = new BitSetIterator(ords, 0);
            for (int o = marked.nextDoc(); o != DocIdSetIterator.NO_MORE_DOCS; o = marked.nextDoc()) {
                out.add(dv.lookupOrd(o).utf8ToString());
                if (out.size() > max) out.pollLast();
            }
        }
        return Collections.unmodifiableSet(out);
    }
}
