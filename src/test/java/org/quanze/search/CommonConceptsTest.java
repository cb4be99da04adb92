package org.quanze.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.quanze.index.IndexHandle;
import org.quanze.search.QueryPlan.Concept;
import org.quanze.statute.LawLibrary;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whether a concept is common is asked of the index once per generation: a question not asked
 * before asks only about the concepts no earlier question had, and gets the same plan as when
 * every concept was asked about afresh.
 */
class CommonConceptsTest {

    @Test
    void aConceptIsCountedOncePerGeneration() throws IOException {
        IndexHandle h = BundledData.sharedEngine().search().index().acquire();
        try {
            Counting g = new Counting(new LuceneGeneration(h));
            QueryPlanner planner = new QueryPlanner(Vocabulary.load(BundledData.PROJECT_DATA));

            QueryPlan first = build(planner, "医保卡借给别人使用怎么处罚", g);
            assertEquals(List.of("医保卡", "借", "别人", "使用", "处罚"), surfaces(first));
            // Every concept is new: the index is asked about each.
            assertEquals(5, g.asked);

            // 医保卡 and 处罚 are known; only 冒用 is new.
            QueryPlan second = build(planner, "冒用医保卡怎么处罚", g);
            assertEquals(List.of("冒用", "医保卡", "处罚"), surfaces(second));
            assertEquals(6, g.asked);

            // Asked again, nothing is new; and the plan is the one a fresh generation makes.
            QueryPlan again = build(planner, "医保卡借给别人使用怎么处罚", g);
            assertEquals(6, g.asked);
            QueryPlan fresh = build(planner, "医保卡借给别人使用怎么处罚", new Counting(new LuceneGeneration(h)));
            assertEquals(commonness(fresh), commonness(again));
            assertEquals(fresh.candidates(), again.candidates());
            assertEquals(fresh.complete(), again.complete());
        } finally {
            BundledData.sharedEngine().search().index().release(h);
        }
    }

    private static QueryPlan build(QueryPlanner planner, String question, Generation g) {
        return planner.build(UserQuery.parse(question), g, QueryPlanner.knownLaws(g), QueryPlanner.USUAL);
    }

    private static List<String> surfaces(QueryPlan p) {
        return p.concepts().stream().map(Concept::surface).toList();
    }

    private static List<Boolean> commonness(QueryPlan p) {
        return p.concepts().stream().map(Concept::common).toList();
    }

    /** The index as the planner reads it, counting the commonness questions, with values derived afresh for this test. */
    private static final class Counting implements Generation {
        private final Generation index;
        private final Map<String, Object> derived = new ConcurrentHashMap<>();
        int asked;

        Counting(Generation index) {
            this.index = index;
        }

        @Override
        public boolean matchesMoreThan(Query query, long limit) {
            asked++;
            return index.matchesMoreThan(query, limit);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T derived(String key, Supplier<T> compute) {
            return (T) derived.computeIfAbsent(key, k -> compute.get());
        }

        @Override
        public String name() {
            return index.name();
        }

        @Override
        public int items() {
            return index.items();
        }

        @Override
        public int docFreq(Term term) {
            return index.docFreq(term);
        }

        @Override
        public int count(Query query) {
            return index.count(query);
        }

        @Override
        public java.util.Set<String> values(Query query, String field, int max) {
            return index.values(query, field, max);
        }

        @Override
        public Set<String> terms(String field, String prefix) {
            return index.terms(field, prefix);
        }

        @Override
        public LawLibrary laws() {
            return index.laws();
        }
    }
}
