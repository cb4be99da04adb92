package org.quanze.web;

import io.javalin.http.Context;
import org.apache.lucene.index.Term;
import org.quanze.index.Schema;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.search.Generation;
import org.quanze.search.SearchResult;
import org.quanze.search.SearchService;
import org.quanze.model.StatuteCheck;
import org.quanze.search.SearchRequest;
import org.quanze.statute.LawLibrary;
import org.quanze.statute.LawNames;
import org.quanze.statute.LawVersion;
import org.quanze.statute.Numerals;
import org.quanze.statute.StatuteReference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The statute endpoints: every cited law, one law's page (its articles, their official text and
 * the items grounded on each), one article (its text in every version the library holds, the
 * items citing it with their quotations and flags). Law names may be given in any form the
 * vocabulary knows (社保法, 《中华人民共和国社会保险法》).
 */
public final class StatuteApi {

    static final int MAX_ITEMS = 10_000;
    static final int MAX_NAME = 200;

    private final SearchService search;

    public StatuteApi(SearchService search) {
        this.search = search;
    }

    /** What the index holds about statutes, read once per generation: its library and the laws cited. */
    record Index(LawLibrary library, Map<String, Integer> citedLaws, LawNames names) {}

    Index index() throws IOException {
        return search.derived("statutes", StatuteApi::read);
    }

    private static Index read(Generation g) {
        LawLibrary library = g.laws();
        Set<String> all = g.terms(Schema.CITED);
        Map<String, Integer> cited = new TreeMap<>();
        for (String term : all) {
            int slash = term.lastIndexOf('/');
            boolean article = slash > 0 && term.substring(slash + 1).matches("\\d+") && all.contains(term.substring(0, slash));
            if (!article) cited.put(term, g.docFreq(new Term(Schema.CITED, term)));
        }
        Set<String> names = new LinkedHashSet<>(cited.keySet());
        names.addAll(library.laws());
        return new Index(library, Map.copyOf(cited), library.names().with(names));
    }

    /** A law as typed in a path or question, as its canonical name; the text itself when nothing knows it. */
    String resolve(Index ix, String typed) {
        String name = ix.names().canonical(typed);
        if (name == null) name = ix.names().ofForm(typed.strip());
        return name == null ? typed.strip() : name;
    }

    /** Every law cited as legal basis, with its item count, articles, title and status. */
    void statutes(Context ctx) throws IOException {
        Index ix = index();
        List<Map<String, Object>> laws = new ArrayList<>();
        for (SearchResult.FacetValue law : search.counts().get("statute")) {
            List<Map<String, Object>> articles = new ArrayList<>();
            for (SearchResult.FacetValue a : law.articles()) {
                articles.add(Api.ordered("article", Integer.parseInt(a.value().substring(law.value().length() + 1)), "count", a.count()));
            }
            laws.add(Api.ordered("law", law.value(), "title", StatuteViews.title(ix, law.value()),
                    "status", StatuteViews.lawStatus(ix.library(), law.value()), "count", law.count(), "articles", articles));
        }
        ctx.json(Map.of("laws", laws));
    }

    /** One law: its versions, its articles (official text) and the items grounded on each. */
    void statute(Context ctx) throws IOException {
        String typed = ctx.pathParam("law").strip();
        Index ix = index();
        String law = typed.length() > MAX_NAME ? typed : resolve(ix, typed);
        List<PowerRecord> items = typed.length() > MAX_NAME ? List.of() : citing(law, MAX_ITEMS);
        if (items.isEmpty() && ix.library().versions(law).isEmpty()) {
            throw ApiError.notFound("法规库和各清单的设定依据中都没有名为 '" + Params.abbreviate(typed) + "' 的法规；请用 /api/statutes 列出的名称或简称");
        }
        ctx.json(StatuteViews.law(ix, law, items));
    }

    /** One article: its official text by version and the items citing it, with their quotations and flags. */
    void article(Context ctx) throws IOException {
        String typed = ctx.pathParam("law").strip();
        String number = ctx.pathParam("article").strip();
        if (!number.matches("\\d{1,4}") || Integer.parseInt(number) < 1) {
            throw ApiError.badParameter("条款须是 1 到 9999 之间的数字，而不是 '" + Params.abbreviate(number) + "'");
        }
        int article = Integer.parseInt(number);
        Index ix = index();
        String law = typed.length() > MAX_NAME ? typed : resolve(ix, typed);
        List<PowerRecord> items = typed.length() > MAX_NAME ? List.of() : citing(law + "/" + article, MAX_ITEMS);
        Map<String, Object> body = StatuteViews.article(ix, law, article, items);
        if (items.isEmpty() && body.get("versions") instanceof List<?> v && v.isEmpty()) {
            throw ApiError.notFound("没有事项引用《" + Params.abbreviate(law) + "》第" + article + "条，法规库中也没有这一条");
        }
        ctx.json(body);
    }

    /** Items citing a law or law/article in any role, in list order. */
    List<PowerRecord> citing(String key, int max) throws IOException {
        return search.withTerm(new Term(Schema.CITED, key), max);
    }

    /** How many items cite the law/article as legal basis (what a statute query ranks by). */
    long basisCount(String key) throws IOException {
        return search.count(new Term(Schema.CITES, key));
    }

    /** The record's citations, each with its article's official text in the version it is linked to. */
    List<com.fasterxml.jackson.databind.node.ObjectNode> citations(PowerRecord r) throws IOException {
        Index ix = index();
        List<com.fasterxml.jackson.databind.node.ObjectNode> out = new ArrayList<>();
        for (Statute s : r.statutes()) out.add(StatuteViews.citation(ix.library(), s));
        return out;
    }

    /**
     * The article a question names (社保法第八十四条), for /api/search: its official text, whether
     * any item cites it as legal basis and how many cite the law; null when the question names
     * no article.
     */
    Map<String, Object> answer(String q) throws IOException {
        if (q == null || q.isBlank()) return null;
        Index ix = index();
        Statute ref = StatuteReference.find(q, ix.citedLaws().keySet()).statutes().stream()
                .filter(st -> st.article() != null).findFirst().orElse(null);
        if (ref == null) return null;
        String law = ref.law();
        long articleCount = basisCount(law + "/" + ref.article());
        LawVersion current = ix.library().current(law);
        LawVersion.Article a = current == null ? null : current.article(ref.article());
        return Api.ordered("law", law, "title", StatuteViews.title(ix, law), "article", ref.article(),
                "label", new Numerals.Article(ref.article(), 0).label(), "cited", articleCount > 0, "count", articleCount,
                "lawCount", basisCount(law), "status", StatuteViews.lawStatus(ix.library(), law),
                "version", current == null ? null : current.published(), "text", a == null ? null : a.text());
    }

    /**
     * Currency over the whole index for /api/stats and the stats command: items per 法律依据状态
     * per list, and the laws cited that the library does not hold, with how many items cite each.
     */
    public Map<String, Object> currency() throws IOException {
        // Kept here rather than as a generation's derived value: it is made of searches, and a
        // derived value is worked out on a search's turn, where another search would wait for itself.
        String generation = search.current().generation();
        Currency c = currency;
        if (c == null || !c.generation().equals(generation)) {
            c = new Currency(generation, computeCurrency());
            currency = c;
        }
        return c.value();
    }

    /** The currency table of one generation. */
    private record Currency(String generation, Map<String, Object> value) {}

    private volatile Currency currency;

    private Map<String, Object> computeCurrency() throws IOException {
        Index ix = index();
        List<Map<String, Object>> perSource = new ArrayList<>();
        for (SearchResult.FacetValue source : search.counts().get("source")) {
            SearchResult r = search.search(new SearchRequest(null, Map.of("source", List.of(source.value()), "kind", List.of(SearchRequest.ALL_KINDS)),
                    1, 1, SearchRequest.BY_SOURCE, false));
            Map<String, Long> counts = new LinkedHashMap<>();
            for (SearchResult.FacetValue v : r.facets().getOrDefault("lawStatus", List.of())) counts.put(v.value(), v.count());
            perSource.add(Api.ordered("source", source.value(), "label", source.label(), "items", source.count(), "lawStatus", counts));
        }
        List<Map<String, Object>> unknown = new ArrayList<>();
        List<Map<String, Object>> repealed = new ArrayList<>();
        ix.citedLaws().entrySet().stream().sorted((x, y) -> y.getValue() != x.getValue().intValue() ? y.getValue() - x.getValue() : x.getKey().compareTo(y.getKey()))
                .forEach(e -> {
                    String status = StatuteViews.lawStatus(ix.library(), e.getKey());
                    if (status.equals(StatuteCheck.UNKNOWN)) unknown.add(Api.ordered("law", e.getKey(), "items", e.getValue()));
                    if (status.equals(StatuteCheck.REPEALED)) {
                        repealed.add(Api.ordered("law", e.getKey(), "items", e.getValue(), "successor", ix.library().repeal(e.getKey()).successor()));
                    }
                });
        return Api.ordered("bySource", perSource, "repealedLaws", repealed, "unknownLaws", unknown,
                "library", Api.ordered("laws", ix.library().laws().size(), "successions", ix.library().successions().size(),
                        "problems", ix.library().problems()));
    }
}
