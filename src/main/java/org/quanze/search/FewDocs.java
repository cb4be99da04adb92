package org.quanze.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A query asked about a few known items (a page of hits, the candidates of the second stage):
 * its scorer advanced to each of them in index order, so the cost follows the items asked about,
 * not the index. The weight is made once per plan and index generation.
 */
final class FewDocs {

    private FewDocs() {}

    /** Per doc (in the order given), its score, or NaN where the query does not match it. */
    static float[] scores(Weight w, IndexReader reader, int[] docs) throws IOException {
        float[] out = new float[docs.length];
        Arrays.fill(out, Float.NaN);
        walk(w, reader, docs, (i, s) -> out[i] = s.score());
        return out;
    }

    /**
     * As {@link #scores(Weight, IndexReader, int[])}, the docs shared between the searcher's
     * slices and scored in parallel where it has several (a lone search over a large index: the
     * second stage was the longest step left on one thread). A doc's score does not depend on
     * which scorer reaches it: Lucene sums a disjunction's clauses in a double, exact for a few
     * floats in any order.
     */
    static float[] scores(Weight w, IndexSearcher searcher, int[] docs) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        IndexSearcher.LeafSlice[] slices = searcher.getSlices();
        if (slices.length < 2 || docs.length < 2) return scores(w, reader, docs);
        List<List<Integer>> groups = new ArrayList<>();
        for (IndexSearcher.LeafSlice slice : slices) {
            List<Integer> in = new ArrayList<>();
            for (int i = 0; i < docs.length; i++) if (holds(slice, docs[i])) in.add(i);
            if (!in.isEmpty()) groups.add(in);
        }
        float[] out = new float[docs.length];
        List<Callable<Void>> tasks = new ArrayList<>();
        for (List<Integer> group : groups) {
            tasks.add(() -> {
                int[] some = new int[group.size()];
                for (int k = 0; k < some.length; k++) some[k] = docs[group.get(k)];
                float[] got = scores(w, reader, some);
                for (int k = 0; k < some.length; k++) out[group.get(k)] = got[k];
                return null;
            });
        }
        searcher.getTaskExecutor().invokeAll(tasks);
        return out;
    }

    private static boolean holds(IndexSearcher.LeafSlice slice, int doc) {
        for (IndexSearcher.LeafReaderContextPartition p : slice.partitions) {
            int base = p.ctx.docBase;
            if (doc >= base + p.minDocId && doc < base + Math.min(p.maxDocId, p.ctx.reader().maxDoc())) return true;
        }
        return false;
    }

    /** Per doc (in the order given), whether the query matches it; nothing is scored. */
    static boolean[] matches(Weight w, IndexReader reader, int[] docs) throws IOException {
        boolean[] out = new boolean[docs.length];
        walk(w, reader, docs, (i, s) -> out[i] = true);
        return out;
    }

    private interface Found {
        void at(int i, Scorer s) throws IOException;
    }

    /** Calls {@code found} for each doc the query matches, with the scorer positioned on it. */
    private static void walk(Weight w, IndexReader reader, int[] docs, Found found) throws IOException {
        inIndexOrder(reader.leaves(), docs, leaf -> {
            Scorer s = w.scorer(leaf);
            if (s == null) return (i, doc) -> {};
            DocIdSetIterator it = s.iterator();
            return (i, doc) -> {
                int at = it.docID() >= doc ? it.docID() : it.advance(doc);
                // The iterator of a two-phase scorer confirms each match itself.
                if (at == doc) found.at(i, s);
            };
        });
    }

    /** What to do in one segment, made when its first doc comes. */
    interface InSegment {
        Each start(LeafReaderContext leaf) throws IOException;
    }

    /** What to do with doc {@code i} of those asked about, {@code doc} within its segment. */
    interface Each {
        void doc(int i, int doc) throws IOException;
    }

    /** The docs asked about that lie in one segment. */
    interface Segment {
        /**
         * @param which  their indexes among the docs asked about
         * @param inLeaf their ids within the segment, ascending
         */
        void docs(LeafReaderContext leaf, int[] which, int[] inLeaf) throws IOException;
    }

    /**
     * Every doc asked about, segment by segment and in index order within each, as iterators
     * over a segment can only move forward.
     */
    static void inIndexOrder(List<LeafReaderContext> leaves, int[] docs, InSegment inSegment) throws IOException {
        bySegment(leaves, docs, (leaf, which, inLeaf) -> {
            Each each = inSegment.start(leaf);
            for (int k = 0; k < which.length; k++) each.doc(which[k], inLeaf[k]);
        });
    }

    /** The docs asked about, a segment's at a time, for work that needs all of a segment's docs at once. */
    static void bySegment(List<LeafReaderContext> leaves, int[] docs, Segment segment) throws IOException {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        int k = 0;
        while (k < order.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[order[k]], leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            int from = k;
            while (k < order.length && docs[order[k]] < end) k++;
            int[] which = new int[k - from];
            int[] inLeaf = new int[k - from];
            for (int j = 0; j < which.length; j++) {
                which[j] = order[from + j];
                inLeaf[j] = docs[which[j]] - leaf.docBase;
            }
            segment.docs(leaf, which, inLeaf);
        }
    }
}
