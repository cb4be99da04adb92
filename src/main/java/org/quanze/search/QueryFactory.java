package org.quanze.search;

import org.apache.lucene.index.Term;
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
import org.quanze.statute.StatuteReference;

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
    record Weights(float words, float bigrams, float phrase, float coordination) {}

    static final Map<String, Weights> WEIGHTS = Map.of(
            Schema.NAME, new Weights(4f, 2f, 4f, 4f),
            Schema.BASIS, new Weights(1f, 0.5f, 2f, 1.5f),
            Schema.DUTIES, new Weights(0.8f, 0.4f, 3f, 1f),
            Schema.ACCOUNTABILITY, new Weights(0.2f, 0.1f, 0.5f, 0.2f),
            Schema.OTHER, new Weights(1f, 0.5f, 1f, 2f));
    static final int PHRASE_SLOP = 2;
    /** How much a concept's matches in other field families add to its best one. */
    static final float FAMILY_TIE = 0.3f;
    /** Weight of a synonym's spelling relative to the words typed. */
    static final float SYNONYM_WEIGHT = 0.7f;
    static final float ARTICLE_BOOST = 12f;
    static final float LAW_BOOST = 2f;
    /**
     * A question has a dozen concepts; a pasted page has hundreds, which pass Lucene's clause
     * limit (answered 400) and, analysed whole, the synonym graph's recursion limit (a 500). Such
     * text is scored by the concepts of its start; the phrase over the whole text still counts.
     */
    static final int MAX_CONCEPT_CHARS = 200;
    static final int MAX_CONCEPTS = 32;
    /** Words of an item's name its related-items query is built from (see {@link #leadingWords}). */
    static final int MAX_RELATED_WORDS = 48;
    static final int MAX_RELATED_CHARS = 160;

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

    /**
     * The free words: each concept scores by its best spelling in each field family (a dismax),
     * families combine by their best plus a share of the others, and concepts add up. A spelling
     * of several words counts per word, so a long synonym does not outweigh a short one. The
     * whole text as a sloppy bigram phrase adds weight where the words stand together.
     */
    Query freeText(String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        String conceptText = head(withoutPunctuation(text), MAX_CONCEPT_CHARS);
        List<Concepts> concepts = conceptText.isBlank() ? List.of() : Concepts.of(conceptText, vocabulary.queryWords());
        for (Concepts c : concepts.subList(0, Math.min(concepts.size(), MAX_CONCEPTS))) {
            Map<String, Query> perFamily = concept(c);
            if (perFamily.isEmpty()) continue;
            List<Query> found = new ArrayList<>();
            for (Map.Entry<String, Query> e : perFamily.entrySet()) {
                // Coordination: a concept found adds a constant, by where it was found, so an item
                // that answers the whole question outranks one that matches a single word very
                // well; found only in boilerplate (追责情形) it adds next to nothing.
                found.add(new BoostQuery(new ConstantScoreQuery(MatchSet.simplify(e.getValue())), WEIGHTS.get(e.getKey()).coordination()));
            }
            // A lone character (人, 药) says little on its own: half weight.
            float weight = c.surface().length() == 1 ? 0.5f : 1f;
            b.add(new BoostQuery(new DisjunctionMaxQuery(perFamily.values(), FAMILY_TIE), weight), Occur.SHOULD);
            b.add(new BoostQuery(new DisjunctionMaxQuery(found, 0f), weight), Occur.SHOULD);
            clauses++;
        }
        for (String f : Schema.TEXT_FIELDS) {
            Query p = bigrams.createPhraseQuery(Schema.bigram(f), text, PHRASE_SLOP);
            if (p instanceof org.apache.lucene.search.PhraseQuery || p instanceof org.apache.lucene.search.MultiPhraseQuery) {
                b.add(new BoostQuery(p, WEIGHTS.get(f).phrase()), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : b.build();
    }

    /** The first {@code max} characters of the text, never splitting a surrogate pair. */
    private static String head(String text, int max) {
        if (text.length() <= max) return text;
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    /** Per field family, the concept's best spelling there (a dismax over spellings). */
    private Map<String, Query> concept(Concepts c) {
        Map<String, Query> families = new java.util.LinkedHashMap<>();
        for (String f : Schema.TEXT_FIELDS) {
            Weights w = WEIGHTS.get(f);
            List<Query> alts = new ArrayList<>();
            for (List<String> path : c.paths()) {
                String joined = String.join("", path);
                // The words typed count fully; the vocabulary's other spellings a little less.
                float typed = joined.equals(c.surface()) ? 1f : SYNONYM_WEIGHT;
                alts.add(new BoostQuery(words(f, path), typed * w.words() / path.size()));
                Query bg = joined.length() >= 2 ? bigrams.createPhraseQuery(Schema.bigram(f), joined, 0) : null;
                if (bg != null) alts.add(new BoostQuery(bg, typed * w.bigrams() / Math.max(1, joined.length() - 1)));
            }
            if (!alts.isEmpty()) families.put(f, new DisjunctionMaxQuery(alts, 0f));
        }
        return families;
    }

    private static Query words(String field, List<String> path) {
        if (path.size() == 1) return new TermQuery(new Term(field, path.get(0)));
        org.apache.lucene.search.PhraseQuery.Builder p = new org.apache.lucene.search.PhraseQuery.Builder();
        for (String t : path) p.add(new Term(field, t));
        return p.build();
    }

    /** A name searched over names only, words and bigrams: "the same matter" in another list. */
    Query nameLike(String name) {
        name = leadingWords(name, MAX_RELATED_WORDS);
        List<Query> parts = new ArrayList<>();
        add(parts, words.createBooleanQuery(Schema.NAME, withoutPunctuation(name), Occur.SHOULD), 1f);
        add(parts, bigrams.createBooleanQuery(Schema.bigram(Schema.NAME), name, Occur.SHOULD), 1f);
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
        try (org.apache.lucene.analysis.TokenStream ts = words.getAnalyzer().tokenStream(Schema.NAME, text)) {
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
     * every document contains; a query such as 医疗，保障 (NFKC makes its comma ",") would match
     * everything through it. Concepts and word queries are words without punctuation, so dropping
     * it from their text loses nothing; the bigram phrase still sees the text as typed.
     */
    static String withoutPunctuation(String text) {
        return PUNCTUATION.matcher(text).replaceAll(" ");
    }

    private static final java.util.regex.Pattern PUNCTUATION = java.util.regex.Pattern.compile("[\\p{P}\\p{S}]+");

    private static void add(List<Query> parts, Query q, float boost) {
        if (q != null) parts.add(new BoostQuery(q, boost));
    }
}
