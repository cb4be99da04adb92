package org.quanze.search;

import org.quanze.index.Schema;

import java.util.Map;

/**
 * How much a match in each field family counts: by words, by bigrams, as a phrase of the whole
 * question, and as coordination (a constant for a concept found there). A match in the power's
 * name weighs far more than one in boilerplate such as 追责情形. One table, read by every stage
 * of a search (and by the benchmark's plain-Lucene reference, so both weigh fields alike).
 */
public final class FieldWeights {

    record Weights(float words, float bigrams, float phrase, float coordination) {}

    private static final Map<String, Weights> BY_FAMILY = Map.of(
            Schema.NAME, new Weights(4f, 2f, 4f, 4f),
            Schema.BASIS, new Weights(1f, 0.5f, 2f, 1.5f),
            Schema.DUTIES, new Weights(0.8f, 0.4f, 3f, 1f),
            Schema.ACCOUNTABILITY, new Weights(0.2f, 0.1f, 0.5f, 0.2f),
            Schema.OTHER, new Weights(1f, 0.5f, 1f, 2f),
            // Words only (the field has no bigram twin and no phrase); below every family of the
            // list's own text. 0.15–0.5 for words and 0.25–1 for coordination moved the tuning
            // sets' nDCG@10 by under 0.005: what counts is that an item is found at all.
            Schema.ARTICLES, new Weights(0.3f, 0f, 0f, 0.5f));

    private FieldWeights() {}

    static Weights of(String family) {
        return BY_FAMILY.get(family);
    }

    /** The weight of a word matched in this field family. */
    public static float words(String family) {
        return BY_FAMILY.get(family).words();
    }
}
