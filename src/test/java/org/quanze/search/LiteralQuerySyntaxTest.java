package org.quanze.search;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.junit.jupiter.api.Test;
import org.quanze.index.IndexHandle;
import org.quanze.testing.BundledData;
import org.quanze.TestData;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query syntax is ours, not Lucene's: wildcards, regular expressions, fuzzy and field
 * prefixes typed by a user are text, and no query built from user input enumerates terms.
 */
class LiteralQuerySyntaxTest {

    static final List<String> LUCENE_SYNTAX = List.of("*abc", "/.*/", "a~", "a~2", "field:value", "name:医疗", "医*", "医?",
            "[a TO z]", "{a TO z}", "(医疗 OR 处罚)", "医疗 AND 处罚", "医疗^100", "\\", "{!lucene}医疗", "_exists_:name",
            "*", "?", "/[a-z]+/", "医疗~0.5", "\"医疗 保障\"~5", "+医疗 +处罚");

    @Test
    void luceneOperatorsAreKeptAsText() {
        assertEquals("*abc", UserQuery.parse("*abc").text());
        assertEquals("/.*/", UserQuery.parse("/.*/").text());
        assertEquals("a~", UserQuery.parse("a~").text());
        assertEquals("field:value", UserQuery.parse("field:value").text());
        assertEquals("(医疗 OR 处罚)", UserQuery.parse("(医疗 OR 处罚)").text());
    }

    @Test
    void noBuiltQueryEnumeratesTermsOrPrefixes() throws Exception {
        QueryPlanner planner = new QueryPlanner(Vocabulary.load(TestData.BUNDLED));
        SearchService search = BundledData.sharedEngine().search();
        IndexHandle h = search.index().acquire();
        try {
            for (String typed : LUCENE_SYNTAX) {
                QueryPlan plan = planner.build(UserQuery.parse(typed), new LuceneGeneration(h), Set.of("社会保险法"), QueryPlanner.USUAL);
                for (Query q : java.util.Arrays.asList(plan.candidates(), plan.rescore(), plan.complete())) {
                    if (q != null) assertNoTermEnumeration(typed, q);
                }
            }
        } finally {
            search.index().release(h);
        }
    }

    private static void assertNoTermEnumeration(String typed, Query q) {
        {
            List<String> found = new ArrayList<>();
            q.visit(new QueryVisitor() {
                @Override
                public void consumeTermsMatching(Query parent, String field, Supplier<ByteRunAutomaton> automaton) {
                    found.add("automaton over " + field + " from " + parent);
                }

                @Override
                public void visitLeaf(Query leaf) {
                    if (leaf instanceof MultiTermQuery) found.add("multi-term " + leaf);
                }

                @Override
                public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                    return this;
                }
            });
            assertEquals(List.of(), found, typed + " built " + q);
            assertTrue(!q.toString().contains("*") || typed.contains("*"), q.toString());
        }
    }
}
