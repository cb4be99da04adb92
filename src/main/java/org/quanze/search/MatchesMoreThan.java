package org.quanze.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.Collection;

/**
 * Whether a query matches more than a number of items, answered without counting every match
 * where it can be: a question's plan asks this of each concept ("is it in more than 30 % of the
 * items?"), and at a million items counting a concept's phrases to the end took up to 170 ms for
 * a question not asked before. The answer is always the exact one.
 *
 * <ol>
 *   <li>Document frequencies bound the count from above (a term's items, a phrase's rarest word,
 *       the sum over a disjunction's clauses): at or under the limit, the answer is no.</li>
 *   <li>A disjunction matches at least what one of its terms does, exactly known from the term's
 *       frequency where no item is deleted: over the limit, the answer is yes.</li>
 *   <li>Otherwise the matches are counted, and counting stops at the first one past the limit.</li>
 * </ol>
 */
final class MatchesMoreThan {

    private MatchesMoreThan() {}

    static boolean test(IndexReader reader, Query query, long limit) throws IOException {
        if (upperBound(reader, query) <= limit) return false;
        if (!reader.hasDeletions() && lowerBound(reader, query) > limit) return true;
        return countPast(new IndexSearcher(reader), query, limit);
    }

    /** At least as many items as the query matches; {@code maxDoc} where the query's kind is not known here. */
    static long upperBound(IndexReader reader, Query q) throws IOException {
        return switch (q) {
            case TermQuery t -> reader.docFreq(t.getTerm());
            case PhraseQuery p -> {
                long min = reader.maxDoc();
                for (Term t : p.getTerms()) min = Math.min(min, reader.docFreq(t));
                yield min;
            }
            case BoostQuery b -> upperBound(reader, b.getQuery());
            case ConstantScoreQuery c -> upperBound(reader, c.getQuery());
            case DisjunctionMaxQuery d -> {
                long sum = 0;
                for (Query x : d.getDisjuncts()) sum += upperBound(reader, x);
                yield Math.min(sum, reader.maxDoc());
            }
            case BooleanQuery b -> booleanUpperBound(reader, b);
            default -> reader.maxDoc();
        };
    }

    private static long booleanUpperBound(IndexReader reader, BooleanQuery b) throws IOException {
        long required = reader.maxDoc();
        long any = 0;
        boolean hasRequired = false;
        for (BooleanClause c : b.clauses()) {
            if (c.occur() == Occur.MUST || c.occur() == Occur.FILTER) {
                hasRequired = true;
                required = Math.min(required, upperBound(reader, c.query()));
            } else if (c.occur() == Occur.SHOULD) {
                any += upperBound(reader, c.query());
            }
        }
        // With a required clause, optional ones only score; without, an item needs one of them
        // (an empty disjunction matches nothing).
        return hasRequired ? required : Math.min(any, reader.maxDoc());
    }

    /**
     * At most as many items as the query matches, from its single terms only (exact where no item
     * is deleted, which the caller checks); 0 where nothing is known.
     */
    static long lowerBound(IndexReader reader, Query q) throws IOException {
        return switch (q) {
            case TermQuery t -> reader.docFreq(t.getTerm());
            case BoostQuery b -> lowerBound(reader, b.getQuery());
            case ConstantScoreQuery c -> lowerBound(reader, c.getQuery());
            case DisjunctionMaxQuery d -> {
                long max = 0;
                for (Query x : d.getDisjuncts()) max = Math.max(max, lowerBound(reader, x));
                yield max;
            }
            case BooleanQuery b when isDisjunction(b) -> {
                long max = 0;
                for (BooleanClause c : b.clauses()) max = Math.max(max, lowerBound(reader, c.query()));
                yield max;
            }
            default -> 0;
        };
    }

    /** Only optional clauses, of which one is enough: the query matches what any clause matches. */
    private static boolean isDisjunction(BooleanQuery b) {
        if (b.getMinimumNumberShouldMatch() > 1) return false;
        for (BooleanClause c : b.clauses()) if (c.occur() != Occur.SHOULD) return false;
        return true;
    }

    /** Counts on the calling thread: a searcher without an executor searches all segments in one slice, with one collector. */
    private static boolean countPast(IndexSearcher searcher, Query query, long limit) throws IOException {
        return searcher.search(query, new CollectorManager<PastLimit, Long>() {
            @Override
            public PastLimit newCollector() {
                return new PastLimit(limit);
            }

            @Override
            public Long reduce(Collection<PastLimit> counters) {
                long n = 0;
                for (PastLimit c : counters) n += c.count;
                return n;
            }
        }) > limit;
    }

    /**
     * Counts matches, a segment at a time from Lucene's own count where the query's weight knows it
     * without iterating (a term in a segment without deletions), and gives up on each segment
     * once past the limit (Lucene moves on to the next one, which this stops at once too).
     */
    private static final class PastLimit implements Collector {
        private final long limit;
        private Weight weight;
        long count;

        PastLimit(long limit) {
            this.limit = limit;
        }

        @Override
        public void setWeight(Weight weight) {
            this.weight = weight;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            if (count > limit) throw new CollectionTerminatedException();
            int known = weight.count(context);
            if (known >= 0) {
                count += known;
                throw new CollectionTerminatedException();
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) {
                    if (++count > limit) throw new CollectionTerminatedException();
                }
            };
        }
    }
}
