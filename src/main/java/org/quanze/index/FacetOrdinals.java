package org.quanze.index;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every item's facet values as global ordinals in two plain arrays per segment, read once per
 * generation (beside its first searches, see {@link IndexHandle}), so that counting a match set is
 * an array walk. Lucene's
 * {@code SortedSetDocValuesFacetCounts} decodes each matching item's values from doc values
 * (an address lookup, then packed ordinals, then the segment-to-global map) on every search: 17–23 %
 * of a question's CPU at 100k items, where a question matches about 20k of them (bench/FINDINGS.md).
 * The counts it gives are Lucene's own {@link Facets}, labels and order the same (count, then the
 * label's bytes), so drill-sideways and every reader of counts take them as they are.
 *
 * <p>Memory: four bytes per value of each item plus four per item; {@link #load} declines (and the
 * caller counts from doc values as before) past an eighth of the heap.
 */
public final class FacetOrdinals {

    private final SortedSetDocValuesReaderState state;
    /** Per segment (by leaf ord): item d's values are ords[starts[d]] … ords[starts[d + 1] - 1]. */
    private final int[][] starts;
    private final int[][] ords;
    /**
     * Each global ordinal's label (its path's last part), read from doc values the first time a
     * count shows it: reading it for every shown value of every search (a compressed terms block
     * decoded each time) was a twentieth of a search on the bundled lists. Strings are immutable,
     * so threads that fill a slot at once store the same label and readers see a whole one.
     */
    private final String[] labels;
    /** A hierarchical path's ordinal (a law's, for its articles), as {@code lookupTerm} gives it; -1 where none. */
    private final ConcurrentHashMap<String, Integer> paths = new ConcurrentHashMap<>();

    private FacetOrdinals(SortedSetDocValuesReaderState state, int[][] starts, int[][] ords) {
        this.state = state;
        this.starts = starts;
        this.ords = ords;
        this.labels = new String[state.getSize()];
    }

    /** The table of the state's reader, or null when it would take more than {@code maxBytes}. */
    public static FacetOrdinals load(SortedSetDocValuesReaderState state, long maxBytes) throws IOException {
        List<LeafReaderContext> leaves = state.getReader().leaves();
        OrdinalMap map = state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
        int[][] starts = new int[leaves.size()][];
        int[][] ords = new int[leaves.size()][];
        long bytes = 0;
        for (LeafReaderContext leaf : leaves) {
            int maxDoc = leaf.reader().maxDoc();
            int[] s = new int[maxDoc + 1];
            int[] o = new int[Math.max(16, maxDoc)];
            int n = 0;
            SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), state.getField());
            var toGlobal = map == null ? null : map.getGlobalOrds(leaf.ord);
            int next = 0;
            for (int d = dv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
                while (next <= d) s[next++] = n;
                int count = dv.docValueCount();
                if (bytes + 4L * (maxDoc + 1 + n + count) > maxBytes) return null;
                if (n + count > o.length) {
                    // To what the items so far say the segment needs: Lucene's growth by an eighth
                    // copied the table some thirty times over at a million items.
                    long expected = (long) ((double) (n + count) * maxDoc / (d + 1) * 1.1);
                    o = ArrayUtil.growExact(o, (int) Math.min(ArrayUtil.MAX_ARRAY_LENGTH, Math.max(n + count, expected)));
                }
                for (int i = 0; i < count; i++) {
                    long ord = dv.nextOrd();
                    o[n++] = (int) (toGlobal == null ? ord : toGlobal.get(ord));
                }
            }
            while (next <= maxDoc) s[next++] = n;
            starts[leaf.ord] = s;
            ords[leaf.ord] = ArrayUtil.copyOfSubArray(o, 0, n);
            bytes += 4L * (maxDoc + 1 + n);
        }
        return new FacetOrdinals(state, starts, ords);
    }

    /** The counts of the items a collector saw; its searcher must search this table's reader. */
    public Facets count(FacetsCollector collected) throws IOException {
        Counter counter = new Counter(new int[state.getSize()]);
        for (FacetsCollector.MatchingDocs m : collected.getMatchingDocs()) {
            LeafCollector leaf = counter.getLeafCollector(m.context());
            if (m.totalHits() == 0 || m.bits() == null) continue;
            DocIdSetIterator it = m.bits().iterator();
            if (it == null) continue;
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) leaf.collect(d);
        }
        return new Counted(counter.counts);
    }

    /**
     * Counts the items a search collects as it collects them, each slice of a parallel search
     * into its own array, added up at the end. Counting from {@link FacetsCollector}'s sets
     * instead ran after the search, on one thread, over sets built only to be read once: at a
     * million items a tenth of the calling thread's time.
     */
    public CollectorManager<Counter, Facets> counting() {
        return new CollectorManager<>() {
            @Override
            public Counter newCollector() {
                return new Counter(new int[state.getSize()]);
            }

            @Override
            public Facets reduce(Collection<Counter> counters) {
                int[] sum = null;
                for (Counter c : counters) {
                    if (sum == null) {
                        sum = c.counts;
                    } else {
                        for (int i = 0; i < sum.length; i++) sum[i] += c.counts[i];
                    }
                }
                return new Counted(sum == null ? new int[state.getSize()] : sum);
            }
        };
    }

    /** One slice's counts by global ordinal. */
    public final class Counter implements Collector {
        private final int[] counts;

        private Counter(int[] counts) {
            this.counts = counts;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) {
            int[] s = starts(leaf);
            int[] o = ords[leaf.ord];
            int[] c = counts;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int d) {
                    for (int j = s[d], end = s[d + 1]; j < end; j++) c[o[j]]++;
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private int[] starts(LeafReaderContext leaf) {
        if (leaf.ord >= starts.length || starts[leaf.ord].length != leaf.reader().maxDoc() + 1) {
            throw new IllegalStateException("facet ordinals of another reader: segment " + leaf.ord);
        }
        return starts[leaf.ord];
    }

    /**
     * Counts by global ordinal read the way Lucene's sorted-set facets read theirs: the same
     * children of a dimension or path, the same top-n order, labels and path counts.
     */
    private final class Counted extends Facets {
        private final int[] counts;
        /** Labels not yet in the table are looked up through doc values of this instance's own (they are not thread-safe); made when first needed. */
        private SortedSetDocValues docValues;

        Counted(int[] counts) {
            this.counts = counts;
        }

        private SortedSetDocValues docValues() throws IOException {
            if (docValues == null) docValues = state.getDocValues();
            return docValues;
        }

        private String label(int ord) throws IOException {
            String l = labels[ord];
            if (l == null) {
                String[] parts = FacetsConfig.stringToPath(docValues().lookupOrd(ord).utf8ToString());
                l = parts[parts.length - 1];
                labels[ord] = l;
            }
            return l;
        }

        private int pathOrd(String dim, String... path) throws IOException {
            String key = FacetsConfig.pathToString(dim, path);
            Integer ord = paths.get(key);
            if (ord == null) {
                long found = docValues().lookupTerm(new BytesRef(key));
                ord = found < 0 ? -1 : (int) found;
                paths.put(key, ord);
            }
            return ord;
        }

        @Override
        public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
            validateTopN(topN);
            return children(topN, dim, path);
        }

        @Override
        public FacetResult getAllChildren(String dim, String... path) throws IOException {
            return children(Integer.MAX_VALUE, dim, path);
        }

        @Override
        public Number getSpecificValue(String dim, String... path) throws IOException {
            if (path.length != 1) throw new IllegalArgumentException("path must be length=1");
            int ord = pathOrd(dim, path);
            return ord < 0 ? -1 : counts[ord];
        }

        @Override
        public List<FacetResult> getAllDims(int topN) throws IOException {
            validateTopN(topN);
            List<FacetResult> out = new ArrayList<>();
            for (String dim : state.getDims()) {
                FacetResult r = children(topN, dim);
                if (r != null) out.add(r);
            }
            out.sort((a, b) -> a.value.intValue() != b.value.intValue()
                    ? Integer.compare(b.value.intValue(), a.value.intValue()) : a.dim.compareTo(b.dim));
            return out;
        }

        /** Null where the dimension or path was never indexed or no child of it is counted. */
        private FacetResult children(int topN, String dim, String... path) throws IOException {
            FacetsConfig.DimConfig config = state.getFacetsConfig().getDimConfig(dim);
            int pathOrd;
            PrimitiveIterator.OfInt children;
            if (config.hierarchical) {
                var tree = state.getDimTree(dim);
                if (tree == null) return null;
                pathOrd = path.length == 0 ? tree.dimStartOrd : pathOrd(dim, path);
                if (pathOrd < 0) return null;
                children = tree.iterator(pathOrd);
            } else {
                if (path.length > 0) throw new IllegalArgumentException("Field is not configured as hierarchical, path should be 0 length");
                var range = state.getOrdRange(dim);
                if (range == null) return null;
                pathOrd = range.start();
                children = range.iterator();
                // A multi-valued dimension that keeps its own count indexes it as its first ordinal.
                if (config.multiValued && config.requireDimCount) children.next();
            }
            // (count << 32 | ~ord): sorted descending, most counted first, equal counts by ordinal,
            // which is the order of the labels' bytes.
            long[] counted = new long[16];
            int childCount = 0;
            int sum = 0;
            while (children.hasNext()) {
                int ord = children.nextInt();
                int c = counts[ord];
                if (c == 0) continue;
                sum += c;
                counted = ArrayUtil.grow(counted, childCount + 1);
                counted[childCount++] = ((long) c << 32) | (~ord & 0xFFFFFFFFL);
            }
            if (childCount == 0) return null;
            int pathCount = config.hierarchical || (config.multiValued && config.requireDimCount) ? counts[pathOrd]
                    : config.multiValued ? -1 : sum;
            java.util.Arrays.sort(counted, 0, childCount);
            LabelAndValue[] values = new LabelAndValue[Math.min(topN, childCount)];
            for (int i = 0; i < values.length; i++) {
                long v = counted[childCount - 1 - i];
                int ord = ~(int) v;
                values[i] = new LabelAndValue(label(ord), (int) (v >>> 32));
            }
            return new FacetResult(dim, path, pathCount, values, childCount);
        }
    }
}
