package org.quanze.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.quanze.index.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The second stage: the full ranking of the few hundred best candidates. Each concept scores by
 * its best spelling in each field family, by words and by bigrams (a dismax); families combine by
 * their best plus a share of the others; concepts add up. A spelling of several words counts per
 * word, so a long synonym does not outweigh a short one. A concept found adds a constant by where
 * it was found (coordination), so an item that answers the whole question outranks one that
 * matches a single word very well. The whole text as a sloppy bigram phrase adds weight where
 * the words stand together. Too many clauses to run over every item; cheap over a few hundred.
 */
final class Rescoring {

    static final int PHRASE_SLOP = 2;
    /** How much a concept's matches in other field families add to its best one. */
    static final float FAMILY_TIE = 0.3f;
    /**
     * The coverage of a common concept (see {@code ConceptReader.COMMON}) next to a rarer one's.
     * Measured: judged 0.947 → 0.951, tuning 0.849 → 0.859, blind unchanged (0.832); 0.25 gave
     * 0.950 / 0.864, 0 lost a top-3 answer on the judged set.
     */
    static final float COMMON_COVERAGE = 0.5f;

    private final QueryBuilder bigrams;

    Rescoring(Analyzer bigramAnalyzer) {
        this.bigrams = new QueryBuilder(bigramAnalyzer);
    }

    /** The ranking of the concepts and of the text as typed, a part per concept, mechanism and field. */
    List<QueryPlan.Part> build(List<QueryPlan.Concept> concepts, String text) {
        List<QueryPlan.Part> parts = new ArrayList<>();
        for (QueryPlan.Concept c : concepts) {
            if (!c.found()) continue;
            Map<String, Query> perFamily = perFamily(c);
            if (perFamily.isEmpty()) continue;
            // Found only in boilerplate (追责情形) it adds next to nothing.
            float[] coordination = new float[perFamily.size()];
            int i = 0;
            for (String f : perFamily.keySet()) coordination[i++] = FieldWeights.of(f).coordination();
            // A lone character (人, 药) says little on its own: half weight.
            float weight = c.surface().length() == 1 ? 0.5f : 1f;
            // A concept most items contain (医院 in a medical-insurance corpus) says less about which
            // item is meant: its BM25 words part is already low, and its coverage is halved too.
            float coverage = c.common() ? COMMON_COVERAGE : 1f;
            ConceptQuery both = new ConceptQuery(List.copyOf(perFamily.values()), coordination, FAMILY_TIE, weight, weight * coverage);
            parts.add(new QueryPlan.Part(QueryPlan.Part.WORDS, c.surface(), both.words(), both));
            parts.add(new QueryPlan.Part(QueryPlan.Part.COVERAGE, c.surface(), both.coverage(), both));
        }
        if (!text.isBlank()) {
            for (String f : Schema.TEXT_FIELDS) {
                Query p = bigrams.createPhraseQuery(Schema.bigram(f), text, PHRASE_SLOP);
                if (p instanceof PhraseQuery || p instanceof MultiPhraseQuery) {
                    parts.add(new QueryPlan.Part(QueryPlan.Part.PHRASE, f, new BoostQuery(p, FieldWeights.of(f).phrase()), null));
                }
            }
        }
        return parts;
    }

    /** Per field family, the concept's best spelling there, by words and by bigrams (a dismax). */
    private Map<String, Query> perFamily(QueryPlan.Concept c) {
        Map<String, Query> families = new java.util.LinkedHashMap<>();
        for (String f : Schema.TEXT_FIELDS) {
            FieldWeights.Weights w = FieldWeights.of(f);
            List<Query> alts = new ArrayList<>();
            for (QueryPlan.Spelling sp : c.spellings()) {
                List<String> path = sp.words();
                String joined = sp.text();
                alts.add(new BoostQuery(words(f, path), sp.weight() * w.words() / path.size()));
                Query bg = joined.length() >= 2 ? bigrams.createPhraseQuery(Schema.bigram(f), joined, 0) : null;
                if (bg != null) alts.add(new BoostQuery(bg, sp.weight() * w.bigrams() / Math.max(1, joined.length() - 1)));
            }
            if (!alts.isEmpty()) families.put(f, new DisjunctionMaxQuery(alts, 0f));
        }
        // The cited articles' text, by words alone (see Schema.ARTICLES).
        float inArticles = FieldWeights.words(Schema.ARTICLES);
        List<Query> alts = new ArrayList<>();
        for (QueryPlan.Spelling sp : c.spellings()) {
            alts.add(new BoostQuery(words(Schema.ARTICLES, sp.words()), sp.weight() * inArticles / sp.words().size()));
        }
        if (!alts.isEmpty()) families.put(Schema.ARTICLES, new DisjunctionMaxQuery(alts, 0f));
        return families;
    }

    /** A spelling in one word field: a term, or the words as a phrase. */
    static Query words(String field, List<String> path) {
        if (path.size() == 1) return new TermQuery(new Term(field, path.get(0)));
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        for (String t : path) p.add(new Term(field, t));
        return p.build();
    }
}
