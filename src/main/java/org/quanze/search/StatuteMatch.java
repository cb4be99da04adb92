package org.quanze.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.quanze.index.NameKey;
import org.quanze.index.Schema;
import org.quanze.model.Statute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the articles and laws a question names add to its plan: the items that cite them, which
 * every match must be; the same powers where their list gives no legal basis; and the first
 * named article no item cites, which makes the answer partial.
 *
 * @param cites      the items citing a named article (or, where no item cites the article, its
 *                   law) and the same powers without a basis; null when the question names no
 *                   article (a law named alone only ranks: see {@link #LAW_NAMED_BOOST})
 * @param uncited    the first named article no item cites; null when there is none
 * @param samePowers per named article ({@code law/article}), the powers citing it, by {@link NameKey}
 * @param sameScores per named article, the constant score of those powers where their list gives no basis
 */
record StatuteMatch(Query cites, Statute uncited, Map<String, Set<String>> samePowers, Map<String, Query> sameScores) {

    static final float ARTICLE_BOOST = 12f;
    static final float LAW_BOOST = 2f;
    /**
     * A law named without an article (价格法 明码标价) ranks the items citing it this much higher and
     * selects nothing. Required as citing articles are, it lost on held-out questions that name
     * a law their answer is not grounded on (the blind sets' mean 0.718 → 0.716); 1 to 8 moved
     * the tuning sets' mean by under 0.001 (the second tuning set by up to 0.004).
     */
    static final float LAW_NAMED_BOOST = 4f;
    /**
     * The score of the same power where its list gives no legal basis, for a question that names
     * an article its namesakes cite (see {@link #samePowers(Generation, Statute)}): a constant below
     * any item that cites the article itself, so they follow those.
     */
    static final float SAME_POWER_WEIGHT = 1f;
    /**
     * An article cited by more distinct powers than this is too general for its powers' namesakes
     * to say anything (行政处罚法's procedure articles): none are added.
     */
    static final int MAX_SAME_POWERS = 4096;

    static StatuteMatch of(List<Statute> statutes, Generation reader) {
        if (statutes.isEmpty()) return new StatuteMatch(null, null, Map.of(), Map.of());
        Statute uncited = null;
        Map<String, Set<String>> samePowers = new LinkedHashMap<>();
        Map<String, Query> sameScores = new LinkedHashMap<>();
        BooleanQuery.Builder cites = new BooleanQuery.Builder();
        boolean namesArticle = false;
        for (Statute s : statutes) {
            if (s.article() == null) continue;
            namesArticle = true;
            boolean articleCited = reader.docFreq(new Term(Schema.CITES, s.path())) > 0;
            if (!articleCited && uncited == null) uncited = s;
            cites.add(articleCited ? new BoostQuery(new TermQuery(new Term(Schema.CITES, s.path())), ARTICLE_BOOST)
                    : new BoostQuery(new TermQuery(new Term(Schema.CITES, s.law())), LAW_BOOST), Occur.SHOULD);
            Set<String> keys = articleCited ? samePowers(reader, s) : Set.of();
            if (!keys.isEmpty()) {
                samePowers.put(s.path(), keys);
                sameScores.put(s.path(), samePowersQuery(keys));
                cites.add(sameScores.get(s.path()), Occur.SHOULD);
            }
        }
        return new StatuteMatch(namesArticle ? cites.build() : null, uncited, samePowers, sameScores);
    }

    /** The full ranking's parts for the named statutes: an article, its law and the same powers; a law named alone. */
    List<QueryPlan.Part> parts(List<Statute> statutes) {
        List<QueryPlan.Part> parts = new ArrayList<>();
        for (Statute s : statutes) {
            if (s.article() == null) {
                parts.add(new QueryPlan.Part(QueryPlan.Part.STATUTE, s.law(),
                        new BoostQuery(new TermQuery(new Term(Schema.CITES, s.law())), LAW_NAMED_BOOST), null));
                continue;
            }
            parts.add(new QueryPlan.Part(QueryPlan.Part.STATUTE, s.path(),
                    new BoostQuery(new TermQuery(new Term(Schema.CITES, s.path())), ARTICLE_BOOST), null));
            parts.add(new QueryPlan.Part(QueryPlan.Part.STATUTE, s.law(),
                    new BoostQuery(new TermQuery(new Term(Schema.CITES, s.law())), LAW_BOOST), null));
            Query same = sameScores.get(s.path());
            if (same != null) parts.add(new QueryPlan.Part(QueryPlan.Part.SAME_POWER, s.path(), same, null));
        }
        return parts;
    }

    /**
     * The powers that cite the article, by {@link NameKey}: where another list names the same
     * power and gives no legal basis at all, the article is the likeliest ground of it too, and
     * someone asking for every power grounded on the article wants to see it, after the items
     * that cite it. Empty when more distinct powers than {@link #MAX_SAME_POWERS} cite it.
     */
    private static Set<String> samePowers(Generation reader, Statute s) {
        Set<String> keys = reader.values(new TermQuery(new Term(Schema.CITES, s.path())), Schema.SAME_POWER, MAX_SAME_POWERS + 1);
        return keys.size() > MAX_SAME_POWERS ? Set.of() : keys;
    }

    /** Items whose list gives no legal basis and that are one of these powers: a constant score. */
    private static Query samePowersQuery(Set<String> keys) {
        List<BytesRef> terms = keys.stream().map(BytesRef::new).toList();
        return new BoostQuery(new ConstantScoreQuery(new TermInSetQuery(Schema.UNGROUNDED, terms)), SAME_POWER_WEIGHT);
    }
}
