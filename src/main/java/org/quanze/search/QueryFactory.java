package org.quanze.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.quanze.index.Analyzers;
import org.quanze.index.Schema;
import org.quanze.model.Statute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link UserQuery} into a Lucene query. Each field family is searched twice: by words
 * (with the synonym graph) for precision and by bigrams for recall. A match in the power's name
 * weighs far more than one in boilerplate such as 追责情形; the whole query as a sloppy phrase
 * adds weight where its words stand together; statute references boost the items grounded on
 * the article named.
 */
public final class QueryFactory {

    /** Weights per family: words, bigrams, and the sloppy phrase over bigrams. */
    record Weights(float words, float bigrams, float phrase) {}

    static final Map<String, Weights> WEIGHTS = Map.of(
            Schema.NAME, new Weights(4f, 2f, 3f),
            Schema.BASIS, new Weights(1f, 0.5f, 1f),
            Schema.DUTIES, new Weights(0.8f, 0.4f, 1f),
            Schema.ACCOUNTABILITY, new Weights(0.2f, 0.1f, 0.2f),
            Schema.OTHER, new Weights(1f, 0.5f, 0.5f));
    static final int PHRASE_SLOP = 2;
    static final float ARTICLE_BOOST = 12f;
    static final float LAW_BOOST = 2f;

    private final Vocabulary vocabulary;
    private final QueryBuilder words;
    private final QueryBuilder bigrams;

    public QueryFactory(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.words = new QueryBuilder(vocabulary.queryWords());
        this.bigrams = new QueryBuilder(Analyzers.bigrams());
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public Query build(UserQuery uq, Set<String> knownLaws) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean scoring = false;
        StatuteReference ref = StatuteReference.find(uq.text(), knownLaws);
        for (Statute s : ref.statutes()) {
            b.add(new BoostQuery(new TermQuery(new Term(Schema.CITES, s.path())), ARTICLE_BOOST), Occur.SHOULD);
            b.add(new BoostQuery(new TermQuery(new Term(Schema.CITES, s.law())), LAW_BOOST), Occur.SHOULD);
            scoring = true;
        }
        String text = vocabulary.stripQuestionWords(ref.rest());
        if (!text.isBlank()) {
            Query free = freeText(text);
            if (free != null) {
                b.add(free, Occur.SHOULD);
                scoring = true;
            }
        }
        for (String p : uq.phrases()) {
            Query q = anywhere(p);
            if (q == null) continue;
            b.add(q, Occur.MUST);
            scoring = true;
        }
        for (String x : uq.excluded()) {
            Query q = anywhere(x);
            if (q != null) b.add(q, Occur.MUST_NOT);
        }
        if (!scoring) {
            if (!uq.isEmpty()) return new MatchNoDocsQuery("nothing searchable in the query");
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return b.build();
    }

    /** The query that decides which words match where; used also by related-item search. */
    Query freeText(String text) {
        List<Query> parts = new ArrayList<>();
        for (String f : Schema.TEXT_FIELDS) {
            Weights w = WEIGHTS.get(f);
            add(parts, words.createBooleanQuery(f, withoutPunctuation(text), Occur.SHOULD), w.words());
            add(parts, bigrams.createBooleanQuery(Schema.bigram(f), text, Occur.SHOULD), w.bigrams());
            add(parts, bigrams.createPhraseQuery(Schema.bigram(f), text, PHRASE_SLOP), w.phrase());
        }
        if (parts.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : parts) b.add(q, Occur.SHOULD);
        return b.build();
    }

    /** A name searched over names only, words and bigrams: "the same matter" in another list. */
    Query nameLike(String name) {
        List<Query> parts = new ArrayList<>();
        add(parts, words.createBooleanQuery(Schema.NAME, withoutPunctuation(name), Occur.SHOULD), 1f);
        add(parts, bigrams.createBooleanQuery(Schema.bigram(Schema.NAME), name, Occur.SHOULD), 1f);
        if (parts.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : parts) b.add(q, Occur.SHOULD);
        return b.build();
    }

    /** The phrase exactly as written, in any field: bigram positions make it verbatim. */
    private Query anywhere(String phrase) {
        List<Query> alts = new ArrayList<>();
        for (String f : Schema.TEXT_FIELDS) {
            Query q = bigrams.createPhraseQuery(Schema.bigram(f), phrase, 0);
            if (q != null) alts.add(new BoostQuery(q, WEIGHTS.get(f).phrase()));
        }
        return alts.isEmpty() ? null : new DisjunctionMaxQuery(alts, 0.1f);
    }

    /**
     * SmartCN (without its stop set) turns every punctuation mark into the token ",", which nearly
     * every document contains; a query such as {@code *} or {@code /.* /} or 医疗，保障 would match
     * everything through it. Word queries are bags of words without positions, so dropping
     * punctuation from their text loses nothing.
     */
    static String withoutPunctuation(String text) {
        return PUNCTUATION.matcher(text).replaceAll(" ");
    }

    private static final java.util.regex.Pattern PUNCTUATION = java.util.regex.Pattern.compile("[\\p{P}\\p{S}]+");

    private static void add(List<Query> parts, Query q, float boost) {
        if (q != null) parts.add(new BoostQuery(q, boost));
    }
}
