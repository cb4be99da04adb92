package org.quanze.search;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.quanze.index.Analyzers;
import org.quanze.index.Schema;
import org.quanze.model.Statute;
import org.quanze.statute.LawVersion;
import org.quanze.statute.StatuteReference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a question into a {@link QueryPlan}, once per distinct question and index generation.
 *
 * <p>Each concept of the question is found as {@link ConceptReader} says. An item matches when
 * it contains a share of the concepts ({@link #required}): about the question, not merely sharing
 * one of its words, so the total is a number a person can read and counting costs what the
 * question selects, not the whole index.
 */
public final class QueryPlanner {

    /** Share of the counted concepts an item must contain; questions of one or two concepts need all. */
    static final double SHARE = 0.5;
    /** What the wording asks for (怎么处罚 → 行政处罚): enough to order close candidates, not to outrank the words. */
    static final float INTENT_WEIGHT = 4f;
    /**
     * What reaching the usual share adds where the match set was widened (see {@link SearchRun}):
     * more than the rest of the ranking gives, so those items come first.
     */
    static final float SHARE_TIER = 100f;
    /**
     * The weight of an uncited article's words in ranking its law's items: they order items the
     * question's words leave level, and an article has dozens of them. 0.1 to 1 ranked the fifth
     * tuning set alike (0.799 → 0.807); no other set names an uncited article whose ranking moved.
     */
    static final float UNCITED_ARTICLE_WEIGHT = 0.2f;
    /** The {@code required} of {@link #plan} that asks for the usual share of concepts. */
    static final int USUAL = -1;
    /** Distinct questions whose plans each index generation keeps. */
    static final int CACHED_PLANS = 512;

    private final Vocabulary vocabulary;
    private final QueryBuilder bigrams;
    private final Rescoring rescoring;
    private final ConceptReader concepts;
    private final NameLike nameLike;

    public QueryPlanner(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.bigrams = new QueryBuilder(Analyzers.bigrams());
        this.rescoring = new Rescoring(Analyzers.bigrams());
        this.concepts = new ConceptReader(vocabulary, bigrams);
        this.nameLike = new NameLike(vocabulary, bigrams);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The plan of the question over this generation, from the generation's cache when it was
     * asked before; {@code required} overrides the share of concepts an item must contain
     * ({@link #USUAL}: the usual share), never below the plan's {@code fewest}.
     */
    QueryPlan plan(String question, Generation h, int required) {
        RecentlyUsed<String, QueryPlan> cache = h.derived("plans", () -> new RecentlyUsed<>(CACHED_PLANS));
        String key = required + "\u0000" + (question == null ? "" : question);
        QueryPlan p = cache.get(key);
        if (p == null) {
            p = build(UserQuery.parse(question), h, knownLaws(h), required);
            cache.put(key, p);
        }
        return p;
    }

    QueryPlan build(UserQuery uq, Generation reader, Set<String> knownLaws, int requiredOverride) {
        StatuteReference ref = StatuteReference.find(uq.text(), knownLaws);
        List<String> wanted = vocabulary.intents().types(ref.rest());
        List<String> units = NamedUnits.in(ref.rest(), NamedUnits.known(reader), vocabulary.officialForms().keySet());
        String text = vocabulary.stripQuestionWords(ref.rest());
        List<QueryPlan.Concept> concepts = this.concepts.concepts(text, reader);

        // The share is of every counted concept; a common one is taken as present, so it lowers
        // what the others must reach instead of being required itself.
        List<Query> counted = new ArrayList<>();
        List<Query> takenAsPresent = new ArrayList<>();
        List<Query> scores = new ArrayList<>();
        int all = 0;
        int common = 0;
        for (QueryPlan.Concept c : concepts) {
            if (!c.found()) continue;
            if (c.counted()) all++;
            if (c.common()) common++;
            (c.counted() && !c.common() ? counted : takenAsPresent).add(c.presence());
            scores.add(c.score());
        }
        // An office the question names is one of its concepts, which the office's items contain
        // (基金监督科的行政处罚事项: its penalties hold none of 事项).
        if (!units.isEmpty()) {
            counted.add(NamedUnits.presence(units));
            all++;
        }
        if (counted.isEmpty()) {
            // Only lone characters or common words: what there is, is required.
            counted = takenAsPresent;
            common = 0;
        }
        StatuteMatch statutes = StatuteMatch.of(ref.statutes(), reader);
        // A named article selects on its own, so the words beside it may all be lacking
        // (依据…第二十二条的事项有哪些: no item citing it says 事项); without one, a word is needed.
        int fewest = statutes.cites() != null ? 0 : 1;
        int usual = Math.max(1, Math.min(counted.size(), required(all) - common));
        int required = requiredOverride == USUAL ? usual : Math.max(fewest, Math.min(requiredOverride, counted.size()));
        Query tier = null;

        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean searches = false;
        if (!counted.isEmpty()) {
            // Presence decides the match set, checked phrase by phrase only until one spelling
            // is found; the score is a bag of the spellings' words, which needs no positions.
            // Scoring the spellings as phrases verified every spelling of every concept in
            // every item of the match set: 12 % of a question's CPU at 100k items, for the
            // same totals and a first stage the full ranking rates as high (bench/FINDINGS.md).
            if (required > 0) b.add(atLeast(required, counted), Occur.FILTER);
            if (required < usual) {
                // Widened (see SearchRun): the items that reach the usual share still come first.
                tier = new BoostQuery(new ConstantScoreQuery(atLeast(usual, counted)), SHARE_TIER);
                b.add(tier, Occur.SHOULD);
            }
            // Read as one query, the concepts' spellings open each distinct word's postings once
            // (TermTreeQuery); a concept found by its bigrams has phrases, scored as they are.
            if (TermTreeQuery.acceptsAll(scores)) b.add(new TermTreeQuery(scores), Occur.SHOULD);
            else for (Query q : scores) b.add(q, Occur.SHOULD);
            searches = true;
        }
        if (statutes.cites() != null) {
            b.add(statutes.cites(), Occur.MUST);
            searches = true;
        }
        for (String p : uq.phrases()) {
            Query q = anywhere(p);
            if (q == null) continue;
            b.add(q, Occur.MUST);
            searches = true;
        }
        for (String x : uq.excluded()) {
            Query q = anywhere(x);
            if (q != null) b.add(q, Occur.MUST_NOT);
        }
        Query candidates;
        if (searches) candidates = b.build();
        else if (uq.isEmpty()) candidates = withExclusions(new MatchAllDocsQuery(), uq.excluded());
        else candidates = new MatchNoDocsQuery("nothing in the question occurs in the index");

        List<QueryPlan.Part> ranking = ranking(concepts, text, ref.statutes(), statutes, uq.phrases(), wanted, reader);
        ranking.addAll(NamedUnits.parts(units));
        if (tier != null) ranking.add(new QueryPlan.Part(QueryPlan.Part.SHARE, usual + " concepts", tier, null));
        return new QueryPlan(concepts, ref.statutes(), wanted, units, candidates, required, fewest, complete(concepts),
                ranking, marks(concepts, uq.phrases()), statutes.uncited(),
                statutes.samePowers(), new QueryPlan.Weights());
    }

    /** Items that contain at least {@code n} of the concepts. */
    private static Query atLeast(int n, List<Query> presences) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(n);
        for (Query q : presences) b.add(q, Occur.SHOULD);
        return b.build();
    }

    /** How many of {@code n} counted concepts an item must contain. */
    static int required(int n) {
        return n <= 2 ? n : (int) Math.ceil(n * SHARE);
    }

    private Query withExclusions(Query q, List<String> excluded) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, Occur.MUST);
        boolean any = false;
        for (String x : excluded) {
            Query e = anywhere(x);
            if (e != null) {
                b.add(e, Occur.MUST_NOT);
                any = true;
            }
        }
        return any ? b.build() : q;
    }

    /**
     * Items containing every counted concept the index holds; null where no search is needed to
     * know (fewer than two). A concept found nowhere is lacked by every item, which the answer
     * says apart from this.
     */
    private static Query complete(List<QueryPlan.Concept> concepts) {
        List<QueryPlan.Concept> counted = concepts.stream().filter(c -> c.counted() && c.found()).toList();
        if (counted.size() < 2) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (QueryPlan.Concept c : counted) b.add(c.presence(), Occur.FILTER);
        return b.build();
    }

    /** The full ranking, a part per mechanism, so that an explanation can say what each added. */
    private List<QueryPlan.Part> ranking(List<QueryPlan.Concept> concepts, String text, List<Statute> statutes,
                                         StatuteMatch named, List<String> phrases, List<String> wanted, Generation reader) {
        List<QueryPlan.Part> parts = new ArrayList<>();
        for (String type : wanted) {
            parts.add(new QueryPlan.Part(QueryPlan.Part.INTENT, type, new BoostQuery(new TermQuery(FacetSupport.typeTerm(type)), INTENT_WEIGHT), null));
        }
        parts.addAll(rescoring.build(concepts, text));
        parts.addAll(named.parts(statutes));
        for (String p : phrases) {
            Query q = anywhere(p);
            if (q != null) parts.add(new QueryPlan.Part(QueryPlan.Part.QUOTED, p, q, null));
        }
        parts.addAll(uncitedArticle(named.uncited(), reader));
        return parts;
    }

    /**
     * An article no item cites is answered with its law's items (see {@link StatuteMatch}); they
     * rank by the words of the article's official text (医保条例第三十五条, on reporting fraud, puts
     * the rewards for reports first), each by its best spelling per field at
     * {@link #UNCITED_ARTICLE_WEIGHT}. None where the library lacks the law or the article.
     */
    private List<QueryPlan.Part> uncitedArticle(Statute uncited, Generation reader) {
        if (uncited == null) return List.of();
        LawVersion law = reader.laws().current(uncited.law());
        LawVersion.Article article = law == null ? null : law.article(uncited.article());
        if (article == null) return List.of();
        List<QueryPlan.Part> parts = new ArrayList<>();
        for (QueryPlan.Part p : rescoring.build(concepts.concepts(article.text(), reader), "")) {
            if (!QueryPlan.Part.WORDS.equals(p.mechanism())) continue;
            parts.add(new QueryPlan.Part(QueryPlan.Part.STATUTE, uncited.path() + " " + p.detail(),
                    new BoostQuery(p.query(), UNCITED_ARTICLE_WEIGHT), null));
        }
        return parts;
    }

    /** The concepts' spellings found in the index and the quoted phrases: what the highlighter marks. */
    private static List<String> marks(List<QueryPlan.Concept> concepts, List<String> phrases) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (QueryPlan.Concept c : concepts) {
            if (!c.found()) continue;
            out.add(c.surface());
            for (QueryPlan.Spelling sp : c.spellings()) out.add(sp.text());
        }
        out.addAll(phrases);
        return List.copyOf(out);
    }

    /** The phrase exactly as written, in any field: bigram positions make it verbatim. */
    private Query anywhere(String phrase) {
        List<Query> alts = new ArrayList<>();
        for (String f : Schema.TEXT_FIELDS) {
            Query q = bigrams.createPhraseQuery(Schema.bigram(f), phrase, 0);
            if (q != null) alts.add(new BoostQuery(q, FieldWeights.of(f).phrase()));
        }
        return alts.isEmpty() ? null : new DisjunctionMaxQuery(alts, 0.1f);
    }

    /**
     * Laws cited as legal basis: the citation terms that are not a law/article path, read once
     * per generation from the terms dictionary (a few hundred terms).
     */
    static Set<String> knownLaws(Generation h) {
        return h.derived("knownLaws", () -> {
            Set<String> all = h.terms(Schema.CITES);
            Set<String> laws = new HashSet<>();
            for (String t : all) {
                int slash = t.lastIndexOf('/');
                boolean article = slash > 0 && t.substring(slash + 1).matches("\\d+") && all.contains(t.substring(0, slash));
                if (!article) laws.add(t);
            }
            return Set.copyOf(laws);
        });
    }

    /** A name searched over names only, words and bigrams: "the same matter" in another list. */
    Query nameLike(String name) {
        return nameLike.of(name);
    }

}
