package org.quanze.search;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/** Small query combinators the stages share. */
final class Queries {

    private Queries() {}

    /** Items matching every one of the queries, without scores. */
    static Query all(Query... qs) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : qs) b.add(q, Occur.FILTER);
        return b.build();
    }
}
