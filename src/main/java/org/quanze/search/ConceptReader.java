package org.quanze.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.quanze.index.Schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds each concept of a question in the index: by its word spellings (the typed words and the
 * vocabulary's synonyms) in any field, or, where none of its words occurs in the index, by its
 * bigrams, which find what the segmenter cut differently. Says what makes an item contain the
 * concept (its presence), how it scores in the first stage, and whether most items contain it.
 */
final class ConceptReader {

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

    /**
     * A question has a dozen concepts; a pasted page has hundreds, which pass Lucene's clause
     * limit and, analysed whole, the synonym graph's recursion limit. Such text is read by the
     * concepts of its start; the phrase over the whole text still ranks.
     */
    static final int MAX_CONCEPT_CHARS = 200;
    static final int MAX_CONCEPTS = 32;
    /** Concepts whose commonness each generation keeps: questions not asked before share most of theirs. */
    static final int CACHED_CONCEPTS = 4096;

    private final Vocabulary vocabulary;
    private final QueryBuilder bigrams;

    ConceptReader(Vocabulary vocabulary, QueryBuilder bigrams) {
        this.vocabulary = vocabulary;
        this.bigrams = bigrams;
    }

    /** The question's concepts, each resolved against this generation. */
    List<QueryPlan.Concept> concepts(String text, Generation reader) {
        String conceptText = head(withoutPunctuation(text), MAX_CONCEPT_CHARS);
        if (conceptText.isBlank()) return List.of();
        List<Concepts> raw = Concepts.of(conceptText, vocabulary.queryWords(), vocabulary.wholeTerms().cuts(conceptText));
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
        BooleanQuery.Builder inArticles = new BooleanQuery.Builder();
        List<Query> score = new ArrayList<>();
        if (byWords) {
            // Found in any field's words: one posting list per spelling (Schema.ALL); scored by
            // BM25 there, and again where it occurs in the name, which weighs most.
            List<Query> anywhere = new ArrayList<>();
            List<Query> inName = new ArrayList<>();
            for (QueryPlan.Spelling sp : spellings) {
                List<String> path = sp.words();
                if (!holdsAnother(path, spellings)) {
                    presence.add(Rescoring.words(Schema.ALL, path), Occur.SHOULD);
                    inArticles.add(Rescoring.words(Schema.ARTICLES, path), Occur.SHOULD);
                }
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
        // Commonness is of the lists' own text: the same few articles are cited by many items,
        // and a concept common only there (医疗保障 in 条例's every article) still tells the
        // items apart by what they say themselves. Counted with the articles, 药店刷不了医保卡
        // had 药店 taken as present and kept 3 items, none of them an answer.
        boolean common = counted && common(reader, present);
        BooleanQuery articles = inArticles.build();
        if (!articles.clauses().isEmpty()) {
            // An item whose cited article names the conduct (返还现金, 重复收费) contains the concept.
            present = new BooleanQuery.Builder().add(present, Occur.SHOULD).add(articles, Occur.SHOULD).build();
        }
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


    /** A spelling's words in one field, each scored on its own (the first stage's score). */
    private static Query bag(String field, List<String> path) {
        if (path.size() == 1) return new TermQuery(new Term(field, path.get(0)));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : path) b.add(new TermQuery(new Term(field, w)), Occur.SHOULD);
        return b.build();
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

    /** The first {@code max} characters of the text, never splitting a surrogate pair. */
    static String head(String text, int max) {
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

