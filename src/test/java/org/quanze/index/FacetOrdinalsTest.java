package org.quanze.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Counts from the in-memory ordinal table are Lucene's own sorted-set counts: the same labels,
 * counts, order (count, then label bytes), path counts and child counts, over several segments
 * (whose ordinals differ from the global ones) and hierarchical, multi- and single-valued
 * dimensions; counted from a collected set, while a search collects, and in slices. The items' facets are the index's own (Schema's configuration).
 */
class FacetOrdinalsTest {

    private static final FacetsConfig CONFIG = Schema.facetsConfig();

    /** item, type, units, statute paths (law or law/article), in two segments. */
    private static final String[][][] ITEMS = {
            {{"a1"}, {"行政处罚"}, {"监管股"}, {"社会保险法/86", "社会保险法/87"}},
            {{"a2"}, {"行政检查"}, {"监管股", "稽核科"}, {"社会保险法/86"}},
            {{"a3"}, {"行政处罚"}, {"稽核科"}, {"医疗保障基金使用监督管理条例/38"}},
            {{"b1"}, {"行政检查"}, {"综合业务科"}, {"社会保险法/87", "医疗保障基金使用监督管理条例/38"}},
            {{"b2"}, {"行政强制"}, {"监管股"}, {}},
            {{"b3"}, {"行政处罚"}, {"监管股"}, {"社会保险法/86"}},
    };

    @Test
    void countsTheMatchSetWithLabelsAndOrderOfLucenesSortedSetCounts() throws IOException {
        try (Directory dir = new ByteBuffersDirectory(); DirectoryReader reader = write(dir, ITEMS, 3)) {
            var state = new DefaultSortedSetDocValuesReaderState(reader, CONFIG);
            FacetOrdinals ordinals = FacetOrdinals.load(state, Long.MAX_VALUE);
            assertNotNull(ordinals);
            IndexSearcher searcher = new IndexSearcher(reader);
            // Every item but a2 and b2.
            Query q = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(new TermQuery(new Term("id", "a2")), Occur.MUST_NOT)
                    .add(new TermQuery(new Term("id", "b2")), Occur.MUST_NOT).build();
            Facets counts = ordinals.count(searcher.search(q, new FacetsCollectorManager()));

            assertLabels(counts.getTopChildren(10, Facet.POWER_TYPE.dim), "行政处罚=3", "行政检查=1");
            // Equal counts in the order of the labels' UTF-8 bytes: 监 (E79B91) before 稽 (E7A8BD) before 综 (E7BBBC).
            assertLabels(counts.getTopChildren(10, Facet.UNIT.dim), "监管股=2", "稽核科=1", "综合业务科=1");
            assertLabels(counts.getTopChildren(2, Facet.UNIT.dim), "监管股=2", "稽核科=1");
            assertLabels(counts.getTopChildren(10, Facet.STATUTE.dim), "社会保险法=3", "医疗保障基金使用监督管理条例=2");
            assertLabels(counts.getTopChildren(10, Facet.STATUTE.dim, "社会保险法"), "86=2", "87=2");
            assertEquals(3, counts.getTopChildren(10, Facet.STATUTE.dim, "社会保险法").value);
            assertNull(counts.getTopChildren(10, Facet.STATUTE.dim, "刑法"));
            assertEquals(3, counts.getSpecificValue(Facet.POWER_TYPE.dim, "行政处罚"));
            assertEquals(0, counts.getSpecificValue(Facet.POWER_TYPE.dim, "行政强制"));
        }
    }

    @Test
    void everyDimensionAndPathCountsAsLuceneCountsItOverRandomMatchSets() throws IOException {
        Random random = new Random(20261201);
        String[] types = {"行政处罚", "行政检查", "行政强制", "行政奖励", "其他行政权力"};
        String[] units = {"监管股", "稽核科", "综合业务科", "医疗保险服务中心", "办公室", "法规科"};
        String[] laws = {"社会保险法", "医疗保障基金使用监督管理条例", "行政处罚法", "价格法"};
        String[][][] items = new String[3000][][];
        for (int i = 0; i < items.length; i++) {
            String[] u = random.ints(1 + random.nextInt(2), 0, units.length).distinct().mapToObj(k -> units[k]).toArray(String[]::new);
            String[] s = random.ints(random.nextInt(4), 0, 40).distinct()
                    .mapToObj(k -> laws[k % laws.length] + (k < 8 ? "" : "/" + (k + 1))).toArray(String[]::new);
            items[i] = new String[][] {{"i" + i}, {types[random.nextInt(types.length)]}, u, s};
        }
        try (Directory dir = new ByteBuffersDirectory(); DirectoryReader reader = write(dir, items, 700)) {
            assertEquals(5, reader.leaves().size());
            var state = new DefaultSortedSetDocValuesReaderState(reader, CONFIG);
            FacetOrdinals ordinals = FacetOrdinals.load(state, Long.MAX_VALUE);
            IndexSearcher searcher = new IndexSearcher(reader);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            // Counted as the search collects, also in 3 slices that cut segments (Searchers.balanced).
            IndexSearcher sliced = Searchers.inSlices(reader, pool, 3);
            int compared = 0;
            try {
                for (String id : new String[] {"i1", "i17", "i2", "i9"}) {
                    // Items whose id starts with the prefix, and everything for the last round.
                    Query q = new org.apache.lucene.search.PrefixQuery(new Term("id", id));
                    FacetsCollector fc = searcher.search(q, new FacetsCollectorManager());
                    Facets lucene = new SortedSetDocValuesFacetCounts(state, fc);
                    List<Facets> ours = List.of(ordinals.count(fc), searcher.search(q, ordinals.counting()), sliced.search(q, ordinals.counting()));
                    for (int k = 0; k < ours.size(); k++) {
                        String how = List.of("from the collected set", "while collecting", "in slices").get(k);
                        for (String dim : List.of(Facet.POWER_TYPE.dim, Facet.UNIT.dim, Facet.STATUTE.dim)) {
                            for (int n : new int[] {1, 3, 200}) {
                                assertEquals(lucene.getTopChildren(n, dim), ours.get(k).getTopChildren(n, dim), dim + " top " + n + " of " + id + ", " + how);
                                compared++;
                            }
                        }
                        for (String law : laws) {
                            assertEquals(lucene.getTopChildren(200, Facet.STATUTE.dim, law), ours.get(k).getTopChildren(200, Facet.STATUTE.dim, law), law + ", " + how);
                            compared++;
                        }
                        assertEquals(lucene.getAllDims(10), ours.get(k).getAllDims(10), how);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(3 * 52, compared);
        }
    }

    @Test
    void declinesATableLargerThanItsShareOfMemory() throws IOException {
        try (Directory dir = new ByteBuffersDirectory(); DirectoryReader reader = write(dir, ITEMS, 3)) {
            var state = new DefaultSortedSetDocValuesReaderState(reader, CONFIG);
            // Four bytes per value of each item and per item (plus one) of each segment, the values
            // counted from the doc values themselves.
            long values = 0;
            for (var leaf : reader.leaves()) {
                var dv = org.apache.lucene.index.DocValues.getSortedSet(leaf.reader(), state.getField());
                for (int d = dv.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
                    values += dv.docValueCount();
                }
            }
            long bytes = 4 * (values + 2 * (3 + 1));
            assertNotNull(FacetOrdinals.load(state, bytes));
            assertNull(FacetOrdinals.load(state, bytes - 1));
        }
    }

    private static DirectoryReader write(Directory dir, String[][][] items, int perSegment) throws IOException {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < items.length; i++) {
                String[][] item = items[i];
                Document d = new Document();
                d.add(new StringField("id", item[0][0], StringField.Store.NO));
                d.add(new SortedSetDocValuesFacetField(Facet.POWER_TYPE.dim, item[1][0]));
                for (String u : item[2]) d.add(new SortedSetDocValuesFacetField(Facet.UNIT.dim, u));
                for (String s : item[3]) d.add(new SortedSetDocValuesFacetField(Facet.STATUTE.dim, s.split("/")));
                w.addDocument(CONFIG.build(d));
                if ((i + 1) % perSegment == 0) w.commit();
            }
        }
        return DirectoryReader.open(dir);
    }

    private static void assertLabels(FacetResult r, String... expected) {
        assertNotNull(r);
        assertArrayEquals(expected, java.util.Arrays.stream(r.labelValues).map(lv -> lv.label + "=" + lv.value).toArray(String[]::new));
    }
}
