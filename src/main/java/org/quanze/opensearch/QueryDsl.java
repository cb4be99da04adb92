package org.quanze.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;
import org.quanze.search.ConceptQuery;
import org.quanze.search.TermTreeQuery;
import org.apache.lucene.search.TermQuery;
import org.quanze.model.Json;

import java.util.List;

/**
 * Renders the Lucene queries of a search plan as OpenSearch query DSL, one query type for one:
 * the plan is written once (in {@code search.QueryPlanner}) and both backends run the same
 * queries, so a change of ranking needs no change here. Terms are the index's own analysed tokens
 * (see {@link OpenSearchSchema}), so a term stays a {@code term} and a phrase a
 * {@code match_phrase} whose text the {@code whitespace} analyzer splits back into those tokens.
 * Every query type OpenSearch builds from these wraps its Lucene query in a {@code BoostQuery} for
 * a boost, so scores are the embedded index's, term for term.
 */
public final class QueryDsl {

    private QueryDsl() {}

    /** A query the renderer has no form for; the plan would have to change first. */
    public static final class Unrenderable extends IllegalArgumentException {
        Unrenderable(String message) {
            super(message);
        }
    }

    public static ObjectNode render(Query q) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (q instanceof TermQuery t) {
            ObjectNode body = out.putObject("term").putObject(OpenSearchSchema.field(t.getTerm().field()));
            body.put("value", t.getTerm().text());
        } else if (q instanceof BoostQuery b) {
            return boosted(render(b.getQuery()), b.getBoost());
        } else if (q instanceof BooleanQuery b) {
            return bool(b);
        } else if (q instanceof DisjunctionMaxQuery d) {
            ObjectNode body = out.putObject("dis_max");
            ArrayNode qs = body.putArray("queries");
            for (Query sub : d.getDisjuncts()) qs.add(render(sub));
            body.put("tie_breaker", d.getTieBreakerMultiplier());
        } else if (q instanceof PhraseQuery p) {
            return phrase(p);
        } else if (q instanceof ConstantScoreQuery c) {
            out.putObject("constant_score").set("filter", render(c.getQuery()));
        } else if (q instanceof TermInSetQuery t) {
            return terms(t);
        } else if (q instanceof MatchAllDocsQuery) {
            out.putObject("match_all");
        } else if (q instanceof MatchNoDocsQuery) {
            out.putObject("match_none");
        } else if (q instanceof DrillDownQuery dd) {
            // The base query scores; each dimension's values only filter, as Lucene rewrites it.
            ObjectNode bool = out.putObject("bool");
            bool.putArray("must").add(dd.getBaseQuery() == null ? render(new MatchAllDocsQuery()) : render(dd.getBaseQuery()));
            ArrayNode filter = bool.putArray("filter");
            for (Query dim : dd.getDrillDownQueries()) filter.add(render(dim));
        } else if (q instanceof ConceptQuery c) {
            // The cluster runs a concept's two ranking parts as the two queries they stand for.
            return render(c.expanded());
        } else if (q instanceof TermTreeQuery t) {
            // The cluster reads each occurrence of a term on its own: the sum of the trees as they are.
            return render(t.expanded());
        } else if (q instanceof SynonymQuery s) {
            // Only the related-items search builds these (a name's synonyms); OpenSearch has no DSL
            // for a blended synonym term, so they score as alternatives, each on its own.
            ObjectNode bool = out.putObject("bool");
            ArrayNode should = bool.putArray("should");
            for (Term t : s.getTerms()) should.add(render(new TermQuery(t)));
        } else {
            throw new Unrenderable("no OpenSearch form for " + q.getClass().getSimpleName() + ": " + q);
        }
        return out;
    }

    /** Any of a set of exact terms (the powers a cited article's items are): a {@code terms} query, a constant score as in Lucene. */
    private static ObjectNode terms(TermInSetQuery t) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode values = out.putObject("terms").putArray(OpenSearchSchema.field(t.getField()));
        try {
            BytesRefIterator it = t.getBytesRefIterator();
            for (BytesRef b = it.next(); b != null; b = it.next()) values.add(b.utf8ToString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static ObjectNode bool(BooleanQuery b) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        List<BooleanClause> clauses = b.clauses();
        // An empty BooleanQuery matches nothing in Lucene; an empty bool would match everything.
        if (clauses.isEmpty()) {
            out.putObject("match_none");
            return out;
        }
        ObjectNode body = out.putObject("bool");
        boolean required = false;
        for (BooleanClause c : clauses) {
            String occur = switch (c.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case FILTER -> "filter";
                case MUST_NOT -> "must_not";
            };
            required |= c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.FILTER;
            ArrayNode list = body.has(occur) ? (ArrayNode) body.get(occur) : body.putArray(occur);
            list.add(render(c.query()));
        }
        int msm = b.getMinimumNumberShouldMatch();
        // Lucene: with a required clause the optional ones need not match, without one at least one
        // must; OpenSearch's default is the same, so only an explicit minimum is written.
        if (msm > 0) body.put("minimum_should_match", msm);
        else if (!required && !body.has("should")) {
            // Only prohibitions: Lucene matches nothing, OpenSearch would match everything else.
            out.removeAll();
            out.putObject("match_none");
        }
        return out;
    }

    /** A phrase of consecutive tokens: their text, which the whitespace analyzer splits back. */
    private static ObjectNode phrase(PhraseQuery p) {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        if (terms.length == 0) return render(new MatchNoDocsQuery());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < terms.length; i++) {
            if (positions[i] != positions[0] + i) {
                throw new Unrenderable("a phrase with a gap or stacked tokens has no match_phrase form: " + p);
            }
            if (i > 0) text.append(' ');
            text.append(terms[i].text());
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode body = out.putObject("match_phrase").putObject(OpenSearchSchema.field(terms[0].field()));
        body.put("query", text.toString());
        body.put("analyzer", OpenSearchSchema.TOKENS_ANALYZER);
        if (p.getSlop() > 0) body.put("slop", p.getSlop());
        return out;
    }

    /** The query with its boost multiplied: every query type takes a {@code boost}, at its field for term and phrase. */
    static ObjectNode boosted(ObjectNode q, float boost) {
        String type = q.fieldNames().next();
        ObjectNode body = (ObjectNode) q.get(type);
        ObjectNode target = switch (type) {
            case "term", "match_phrase" -> (ObjectNode) body.elements().next();
            case "match_none" -> null;
            default -> body;
        };
        if (target != null) {
            float before = target.has("boost") ? target.get("boost").floatValue() : 1f;
            target.put("boost", before * boost);
        }
        return q;
    }
}
