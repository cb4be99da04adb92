package org.quanze.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.quanze.index.Analyzers;
import org.quanze.index.Schema;
import org.quanze.model.Statute;
import org.quanze.statute.StatuteReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a question into a {@link QueryPlan}, once per distinct question and index generation.
 *
 * <p>A concept of the question is found by its word spellings (the typed words and the
 * vocabulary's synonyms) in any field; only a concept none of whose words occurs in the index is
 * looked for by its bigrams, which find what the segmenter cut differently. An item matches when
 * it contains a share of the concepts ({@link #required}): about the question, not merely sharing
 * one of its words, so the total is a number a person can read and counting costs what the
 * question selects, not the whole index.
 */
public final class QueryPlanner {

    /** Share of the counted concepts an item must contain; questions of one or two concepts need all. */
    static final double SHARE = 0.5;
    /**
     * A concept found in more than this share of all items (医院, whose spellings include
     * 医疗机构, in a medical-insurance corpus) tells items apart little: an item that lacks it may
     * still answer the question (对医疗服务价格监督检查 for 医院乱收费). It ranks, and lowers the
     * share the other concepts must reach instead of being required itself. Chosen on the tuning
     * questions between 0.25 and 0.4, where nDCG@10 moved by under 0.03.
     */
    static final double COMMON = 0.3;
    /** Weight of a spelling from the vocabulary (synonyms.txt) relative to the words typed. */
    static final float VOCABULARY_WEIGHT = 0.7f;
    /** Weight of a near-synonym from the general thesaurus: below the curated vocabulary. */
    static final float THESAURUS_WEIGHT = 0.5f;

    static final float ARTICLE_BOOST = 12f;
    /** What the wording asks for (怎么处罚 → 行政处罚): enough to order close candidates, not to outrank the words. */
    static final float INTENT_WEIGHT = 4f;
    static final float LAW_BOOST = 2f;
    /**
     * A question has a dozen concepts; a pasted page has hundreds, which pass Lucene's clause
     * limit and, analysed whole, the synonym graph's recursion limit. Such text is read by the
     * concepts of its start; the phrase over the whole text still ranks.
     */
    static final int MAX_CONCEPT_CHARS = 200;
    static final int MAX_CONCEPTS = 32;
    /** Words of an item's name its related-items query is built from (see {@link #leadingWords}). */
    static final int MAX_RELATED_WORDS = 48;
    static final int MAX_RELATED_CHARS = 160;
    /** Distinct questions whose plans each index generation keeps. */
    static final int CACHED_PLANS = 512;
    /** Concepts whose commonness each generation keeps: questions not asked before share most of theirs. */
    static final int CACHED_CONCEPTS = 4096;

    private final Vocabulary vocabulary;
    private final QueryBuilder bigrams;
    private final Rescoring rescoring;

    public QueryPlanner(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.bigrams = new QueryBuilder(Analyzers.bigrams());
        this.rescoring = new Rescoring(Analyzers.bigrams());
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The plan of the question over this generation, from the generation's cache when it was
     * asked before; {@code required} overrides the share of concepts an item must contain (0: the
     * usual share).
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
        String text = vocabulary.stripQuestionWords(ref.rest());
        List<QueryPlan.Concept> concepts = concepts(text, reader);

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
        if (counted.isEmpty()) {
            // Only lone characters or common words: what there is, is required.
            counted = takenAsPresent;
            common = 0;
        }
        int required = requiredOverride > 0 ? Math.min(requiredOverride, counted.size())
                : Math.max(1, Math.min(counted.size(), required(all) - common));

        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean searches = false;
        if (!counted.isEmpty()) {
            BooleanQuery.Builder share = new BooleanQuery.Builder().setMinimumNumberShouldMatch(required);
            for (Query q : counted) share.add(q, Occur.SHOULD);
            // Presence decides the match set, checked phrase by phrase only until one spelling
            // is found; the score is a bag of the spellings' words, which needs no positions.
            // Scoring the spellings as phrases verified every spelling of every concept in
            // every item of the match set: 12 % of a question's CPU at 100k items, for the
            // same totals and a first stage the full ranking rates as high (bench/FINDINGS.md).
            b.add(share.build(), Occur.FILTER);
            // Read as one query, the concepts' spellings open each distinct word's postings once
            // (TermTreeQuery); a concept found by its bigrams has phrases, scored as they are.
            if (TermTreeQuery.acceptsAll(scores)) b.add(new TermTreeQuery(scores), Occur.SHOULD);
            else for (Query q : scores) b.add(q, Occur.SHOULD);
            searches = true;
        }
        Statute uncited = null;
        if (!ref.statutes().isEmpty()) {
            BooleanQuery.Builder cites = new BooleanQuery.Builder();
            for (Statute s : ref.statutes()) {
                boolean articleCited = s.article() != null && docFreq(reader, new Term(Schema.CITES, s.path())) > 0;
                if (s.article() != null && !articleCited && uncited == null) uncited = s;
                cites.add(articleCited ? new BoostQuery(new TermQuery(new Term(Schema.CITES, s.path())), ARTICLE_BOOST)
                        : new BoostQuery(new TermQuery(new Term(Schema.CITES, s.law())), LAW_BOOST), Occur.SHOULD);
            }
            b.add(cites.build(), Occur.MUST);
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

        return new QueryPlan(concepts, ref.statutes(), wanted, candidates, required, complete(concepts),
                ranking(concepts, text, ref.statutes(), uq.phrases(), wanted), marks(concepts, uq.phrases()), uncited,
                new QueryPlan.Weights());
    }

    /** A spelling's words in one field, each scored on its own (the first stage's score). */
    private static Query bag(String field, List<String> path) {
        if (path.size() == 1) return new TermQuery(new Term(field, path.get(0)));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : path) b.add(new TermQuery(new Term(field, w)), Occur.SHOULD);
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

    private List<QueryPlan.Concept> concepts(String text, Generation reader) {
        String conceptText = head(withoutPunctuation(text), MAX_CONCEPT_CHARS);
        if (conceptText.isBlank()) return List.of();
        List<Concepts> raw = Concepts.of(conceptText, vocabulary.queryWords());
        List<QueryPlan.Concept> out = new ArrayList<>();
        for (Concepts c : raw.subList(0, Math.min(raw.size(), MAX_CONCEPTS))) out.add(resolve(c, reader));
        return out;
    }

    /** How the index finds the concept: by its words where any occurs, else by its bigrams. */
    private QueryPlan.Concept resolve(Concepts c, Generation reader) {
        List<QueryPlan.Spelling> spellings = spellings(c, reader);
        boolean byWords = false;
        for (QueryPlan.Spelling sp : spellings) byWords |= wordsOccur(reader, sp.words());
        // A lone character the vocabulary does not know (给, 的) says too little to require.
        boolean counted = c.surface().length() > 1 || spellings.size() > 1;
        BooleanQuery.Builder presence = new BooleanQuery.Builder();
        List<Query> score = new ArrayList<>();
        if (byWords) {
            // Found in any field's words: one posting list per spelling (Schema.ALL); scored by
            // BM25 there, and again where it occurs in the name, which weighs most.
            List<Query> anywhere = new ArrayList<>();
            List<Query> inName = new ArrayList<>();
            for (QueryPlan.Spelling sp : spellings) {
                List<String> path = sp.words();
                if (!holdsAnother(path, spellings)) presence.add(Rescoring.words(Schema.ALL, path), Occur.SHOULD);
                anywhere.add(new BoostQuery(bag(Schema.ALL, path), sp.weight() / path.size()));
                inName.add(new BoostQuery(bag(Schema.NAME, path), sp.weight() * FieldWeights.words(Schema.NAME) / path.size()));
            }
            score.add(dismax(anywhere));
            score.add(dismax(inName));
        } else {
            // No word of it is in the index: its bigrams, which find what the segmenter cut otherwise.
            for (String f : Schema.TEXT_FIELDS) {
                List<Query> alts = new ArrayList<>();
                for (QueryPlan.Spelling sp : spellings) {
                    String joined = sp.text();
                    Query leaf = joined.length() >= 2 ? bigrams.createPhraseQuery(Schema.bigram(f), joined, 0) : null;
                    if (leaf == null || !termsOccur(reader, leaf)) continue;
                    presence.add(leaf, Occur.SHOULD);
                    alts.add(new BoostQuery(leaf, sp.weight() * FieldWeights.of(f).bigrams() / Math.max(1, joined.length() - 1)));
                }
                if (!alts.isEmpty()) score.add(dismax(alts));
            }
        }
        boolean found = !score.isEmpty();
        // A word that names a power type (处罚, 行政强制) is in every item of that type, whatever its text says.
        for (String type : vocabulary.intents().typesNamedBy(c.surface())) {
            Query t = new TermQuery(FacetSupport.typeTerm(type));
            if (docFreq(reader, ((TermQuery) t).getTerm()) == 0) continue;
            presence.add(t, Occur.SHOULD);
            score.add(new BoostQuery(t, FieldWeights.words(Schema.NAME)));
            found = true;
        }
        if (!found) return new QueryPlan.Concept(c.surface(), spellings, false, counted, false, null, null);
        Query present = presence.build();
        boolean common = counted && common(reader, present);
        BooleanQuery.Builder scored = new BooleanQuery.Builder();
        for (Query q : score) scored.add(q, Occur.SHOULD);
        return new QueryPlan.Concept(c.surface(), spellings, true, counted, common, present, scored.build());
    }

    /**
     * Whether {@code path} holds another spelling's words in a row (乱 收费 holds 收费), or repeats
     * an earlier one's: it then matches only where that one does, so the presence filter leaves it
     * out and does not verify its phrase (of 乱收费's 16 spellings, 5 are left to check).
     */
    static boolean holdsAnother(List<String> path, List<QueryPlan.Spelling> spellings) {
        boolean earlier = true;
        for (QueryPlan.Spelling other : spellings) {
            List<String> o = other.words();
            if (o == path) {
                earlier = false;
            } else if (o.size() < path.size() ? Collections.indexOfSubList(path, o) >= 0 : earlier && o.equals(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The concept's spellings: the words typed, the vocabulary's terms for them, and for a word
     * neither the vocabulary nor the index knows, the thesaurus's near-synonyms that the index
     * holds and that do not fill most of it (医疗 for 看病 would match every item).
     */
    private List<QueryPlan.Spelling> spellings(Concepts c, Generation reader) {
        List<QueryPlan.Spelling> out = new ArrayList<>();
        for (List<String> path : c.paths()) {
            boolean typed = c.typed().contains(path);
            out.add(new QueryPlan.Spelling(path, typed ? 1f : VOCABULARY_WEIGHT,
                    typed ? QueryPlan.Spelling.TYPED : QueryPlan.Spelling.VOCABULARY));
        }
        // Only a word the lists never use: where they do, its own matches beat a near-synonym's
        // (tried for every word the vocabulary lacks, tuning nDCG@10 fell 0.785 → 0.763).
        if (c.paths().size() > 1 || wordsOccur(reader, out.get(0).words())) return out;
        for (String near : vocabulary.thesaurus().nearSynonyms(c.surface())) {
            List<String> words = vocabulary.words(near);
            if (words.isEmpty() || out.stream().anyMatch(sp -> sp.words().equals(words)) || !wordsOccur(reader, words)) continue;
            if (common(reader, Rescoring.words(Schema.ALL, words))) continue;
            out.add(new QueryPlan.Spelling(words, THESAURUS_WEIGHT, QueryPlan.Spelling.THESAURUS));
        }
        return out;
    }

    /**
     * Whether the query matches more than the {@link #COMMON} share of the items. Kept per
     * generation: a question not asked before is mostly made of concepts that were (医保, 处罚),
     * and at a million items finding out costs up to a hundred milliseconds a concept.
     */
    private static boolean common(Generation reader, Query q) {
        RecentlyUsed<Query, Boolean> known = reader.derived("common", () -> new RecentlyUsed<>(CACHED_CONCEPTS));
        Boolean common = known.get(q);
        if (common == null) {
            common = reader.matchesMoreThan(q, (long) Math.floor(COMMON * reader.items()));
            known.put(q, common);
        }
        return common;
    }

    private static Query dismax(List<Query> alternatives) {
        return alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, 0f);
    }

    /** Items containing every counted concept; null where no search is needed to know. */
    private static Query complete(List<QueryPlan.Concept> concepts) {
        List<QueryPlan.Concept> counted = concepts.stream().filter(QueryPlan.Concept::counted).toList();
        if (counted.size() < 2 || concepts.stream().anyMatch(c -> !c.found())) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (QueryPlan.Concept c : counted) b.add(c.presence(), Occur.FILTER);
        return b.build();
    }

    /** The full ranking, a part per mechanism, so that an explanation can say what each added. */
    private List<QueryPlan.Part> ranking(List<QueryPlan.Concept> concepts, String text, List<Statute> statutes,
                                         List<String> phrases, List<String> wanted) {
        List<QueryPlan.Part> parts = new ArrayList<>();
        for (String type : wanted) {
            parts.add(new QueryPlan.Part(QueryPlan.Part.INTENT, type, new BoostQuery(new TermQuery(FacetSupport.typeTerm(type)), INTENT_WEIGHT), null));
        }
        parts.addAll(rescoring.build(concepts, text));
        for (Statute s : statutes) {
            parts.add(new QueryPlan.Part(QueryPlan.Part.STATUTE, s.path(),
                    new BoostQuery(new TermQuery(new Term(Schema.CITES, s.path())), ARTICLE_BOOST), null));
            if (s.article() != null) {
                parts.add(new QueryPlan.Part(QueryPlan.Part.STATUTE, s.law(),
                        new BoostQuery(new TermQuery(new Term(Schema.CITES, s.law())), LAW_BOOST), null));
            }
        }
        for (String p : phrases) {
            Query q = anywhere(p);
            if (q != null) parts.add(new QueryPlan.Part(QueryPlan.Part.QUOTED, p, q, null));
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

    /** A name searched over names only, words and bigrams: "the same matter" in another list. */
    Query nameLike(String name) {
        name = leadingWords(name, MAX_RELATED_WORDS);
        List<Query> parts = new ArrayList<>();
        Query w = new QueryBuilder(vocabulary.queryWords()).createBooleanQuery(Schema.NAME, withoutPunctuation(name), Occur.SHOULD);
        if (w != null) parts.add(w);
        Query bg = bigrams.createBooleanQuery(Schema.bigram(Schema.NAME), name, Occur.SHOULD);
        if (bg != null) parts.add(bg);
        if (parts.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : parts) b.add(q, Occur.SHOULD);
        return b.build();
    }

    /**
     * The text up to the end of its {@code max}-th word (as the words analyzer cuts it), and at most
     * {@value #MAX_RELATED_CHARS} characters (the bigram query has a clause per character). An
     * item's name is list text of up to 10,000 characters; analysed whole into a related-items
     * query it passes Lucene's clause limit and the synonym graph's recursion limit. Real names of
     * powers have under 45 words and 110 characters, and their first words say what matter it is.
     */
    String leadingWords(String text, int max) {
        text = head(text, MAX_RELATED_CHARS);
        try (org.apache.lucene.analysis.TokenStream ts = vocabulary.queryWords().tokenStream(Schema.NAME, text)) {
            var pos = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            var off = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            ts.reset();
            int n = 0, end = 0;
            while (ts.incrementToken()) {
                if (pos.getPositionIncrement() > 0 && ++n > max) break;
                end = Math.max(end, off.endOffset());
            }
            boolean cut = n > max;
            ts.end();
            return cut ? text.substring(0, Math.min(end, text.length())) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Whether every word of the spelling occurs in some field. */
    private static boolean wordsOccur(Generation reader, List<String> path) {
        for (String t : path) if (docFreq(reader, new Term(Schema.ALL, t)) == 0) return false;
        return true;
    }

    /** Whether every term of a term or phrase query occurs in its field. */
    private static boolean termsOccur(Generation reader, Query q) {
        Term[] terms = q instanceof TermQuery t ? new Term[] {t.getTerm()} : q instanceof PhraseQuery p ? p.getTerms() : null;
        if (terms == null) return true;
        for (Term t : terms) if (docFreq(reader, t) == 0) return false;
        return true;
    }

    private static int docFreq(Generation reader, Term t) {
        return reader.docFreq(t);
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

    /** The first {@code max} characters of the text, never splitting a surrogate pair. */
    private static String head(String text, int max) {
        if (text.length() <= max) return text;
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    /**
     * SmartCN (without its stop set) turns every punctuation mark into the token ",", which nearly
     * every document contains; a query such as 医疗，保障 would match everything through it.
     * Concepts are words without punctuation, so dropping it from their text loses nothing; the
     * bigram phrase still sees the text as typed.
     */
    static String withoutPunctuation(String text) {
        return PUNCTUATION.matcher(text).replaceAll(" ");
    }

    private static final java.util.regex.Pattern PUNCTUATION = java.util.regex.Pattern.compile("[\\p{P}\\p{S}]+");
}
