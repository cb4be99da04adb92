package org.quanze.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The full ranking without its phrases that occur in no item of the generation. Such a phrase
 * scores nothing, yet Lucene builds its matcher (postings with positions for each of its terms) in
 * every segment on every search, as it does for any phrase whose terms all occur somewhere: on the
 * bundled lists 886 of the judged questions' 1,400 phrase leaves (each spelling of several words
 * or characters, in each field) are such, and building phrase matchers was an eighth of a
 * search's CPU. Dropping them changes no item's score: their clauses never matched.
 *
 * <p>Done once per plan and generation, where the ranking's weight is made. Whether a phrase
 * occurs is looked up only where its rarest term is in at most {@link #MAX_CHECKED} items, so
 * the check walks at most that many; a phrase of common terms is kept as it is.
 */
final class DeadPhrases {

    /** The most items the rarest term of a phrase may occur in for the phrase to be checked. */
    static final int MAX_CHECKED = 10_000;

    private DeadPhrases() {}

    /** {@code q} with each phrase that matches no item in {@code searcher}'s reader as a query that matches nothing. */
    static Query drop(IndexSearcher searcher, Query q) throws IOException {
        return switch (q) {
            case PhraseQuery p -> occurs(searcher, p) ? p : new MatchNoDocsQuery("a phrase in no item");
            case BoostQuery b -> {
                Query in = drop(searcher, b.getQuery());
                yield in == b.getQuery() ? b : new BoostQuery(in, b.getBoost());
            }
            case DisjunctionMaxQuery d -> {
                List<Query> kept = new ArrayList<>(d.getDisjuncts().size());
                boolean changed = false;
                for (Query c : d.getDisjuncts()) {
                    Query k = drop(searcher, c);
                    changed |= k != c;
                    kept.add(k);
                }
                yield changed ? new DisjunctionMaxQuery(kept, d.getTieBreakerMultiplier()) : d;
            }
            case BooleanQuery bq -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
                boolean changed = false;
                for (BooleanClause c : bq.clauses()) {
                    // A required phrase that occurs nowhere still decides the match: only optional clauses go.
                    Query k = c.occur() == BooleanClause.Occur.SHOULD ? drop(searcher, c.query()) : c.query();
                    changed |= k != c.query();
                    b.add(k, c.occur());
                }
                yield changed ? b.build() : bq;
            }
            case ConceptQuery c -> c.mapFamilies(f -> drop(searcher, f));
            default -> q;
        };
    }

    /** Whether the phrase matches an item, or is too costly to tell (then assumed to). */
    private static boolean occurs(IndexSearcher searcher, PhraseQuery p) throws IOException {
        int rarest = Integer.MAX_VALUE;
        for (Term t : p.getTerms()) rarest = Math.min(rarest, searcher.getIndexReader().docFreq(t));
        if (rarest == 0) return false;
        if (rarest > MAX_CHECKED) return true;
        Weight w = searcher.createWeight(searcher.rewrite(p), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer s = w.scorer(leaf);
            // The iterator of a phrase's scorer confirms each candidate's positions itself.
            if (s != null && s.iterator().nextDoc() != DocIdSetIterator.NO_MORE_DOCS) return true;
        }
        return false;
    }
}
