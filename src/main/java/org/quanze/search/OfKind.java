package org.quanze.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.quanze.index.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collectors that see only the items of one kind (power or duty), read from the kind's doc
 * values. The default powers-only search collects its hits and facets from the powers and counts
 * the duties it hides in the same pass: a second search for that count built the whole match
 * set's scorers again, a twentieth of a search on the bundled lists. A doc of another kind is
 * passed over before anything scores it.
 */
final class OfKind {

    private OfKind() {}

    /** {@code in}, given only the docs of {@code kind}. */
    static <C extends Collector, T> CollectorManager<Only<C>, T> only(String kind, CollectorManager<C, T> in) {
        return new CollectorManager<>() {
            @Override
            public Only<C> newCollector() throws IOException {
                return new Only<>(kind, in.newCollector());
            }

            @Override
            public T reduce(Collection<Only<C>> collectors) throws IOException {
                List<C> inner = new ArrayList<>(collectors.size());
                for (Only<C> c : collectors) inner.add(c.in);
                return in.reduce(inner);
            }
        };
    }

    /**
     * A collector behind a kind check. It does not pass on the search's weight: Lucene's hit
     * counter, given one, counts a segment from the weight alone, which would count every kind.
     */
    static final class Only<C extends Collector> implements Collector {
        private final BytesRef kind;
        private final C in;

        Only(String kind, C in) {
            this.kind = new BytesRef(kind);
            this.in = in;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues kinds = DocValues.getSortedSet(context.reader(), Schema.KIND);
            return new Filtered(in.getLeafCollector(context), kinds, kinds.lookupTerm(kind));
        }

        @Override
        public ScoreMode scoreMode() {
            return in.scoreMode();
        }
    }

    /**
     * One class for every kind check, so that Lucene's collecting loops, which the reference and
     * every other search share, see one more type here rather than several.
     */
    private static final class Filtered implements LeafCollector {
        private final LeafCollector in;
        private final SortedSetDocValues kinds;
        /** Every item has one kind: read as a single value where the index says so. */
        private final SortedDocValues single;
        /** The kind's ordinal in this segment; negative where no item of it is here. */
        private final long ord;

        Filtered(LeafCollector in, SortedSetDocValues kinds, long ord) {
            this.in = in;
            this.kinds = kinds;
            this.single = DocValues.unwrapSingleton(kinds);
            this.ord = ord;
        }

        private boolean keeps(int doc) throws IOException {
            if (ord < 0) return false;
            if (single != null) return single.advanceExact(doc) && single.ordValue() == ord;
            if (!kinds.advanceExact(doc)) return false;
            for (int i = 0; i < kinds.docValueCount(); i++) if (kinds.nextOrd() == ord) return true;
            return false;
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            in.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (keeps(doc)) in.collect(doc);
        }

        @Override
        public void finish() throws IOException {
            in.finish();
        }
    }
}
