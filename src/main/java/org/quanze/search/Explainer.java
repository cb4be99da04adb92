package org.quanze.search;

import org.apache.lucene.search.Explanation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reduces Lucene's explanation tree to the field/term matches a person can read. */
final class Explainer {

    private static final Pattern WEIGHT = Pattern.compile("^weight\\(([^:]+):(.+?) in \\d+\\)");
    private static final Pattern SYNONYM = Pattern.compile("^weight\\(Synonym\\(([^)]*)\\) in \\d+\\)");
    private static final Pattern PHRASE = Pattern.compile("^weight\\(([^:]+):\"(.+?)\"(~\\d+)? in \\d+\\)");

    private Explainer() {}

    static SearchResult.Explanation summarise(Explanation e) {
        Map<String, SearchResult.Explanation.Match> out = new LinkedHashMap<>();
        walk(e, out);
        List<SearchResult.Explanation.Match> list = new ArrayList<>(out.values());
        list.sort((a, b) -> Float.compare(b.score(), a.score()));
        return new SearchResult.Explanation(e.getValue().floatValue(), list);
    }

    private static void walk(Explanation e, Map<String, SearchResult.Explanation.Match> out) {
        if (!e.isMatch()) return;
        String d = e.getDescription();
        Matcher m;
        if ((m = PHRASE.matcher(d)).find() || (m = WEIGHT.matcher(d)).find()) {
            add(out, m.group(1), m.group(2), e.getValue().floatValue());
            return;
        }
        if ((m = SYNONYM.matcher(d)).find()) {
            String[] terms = m.group(1).trim().split("\\s+");
            String field = terms[0].contains(":") ? terms[0].substring(0, terms[0].indexOf(':')) : "";
            StringBuilder t = new StringBuilder();
            for (String term : terms) t.append(t.isEmpty() ? "" : "|").append(term.substring(term.indexOf(':') + 1));
            add(out, field, t.toString(), e.getValue().floatValue());
            return;
        }
        for (Explanation c : e.getDetails()) walk(c, out);
    }

    private static void add(Map<String, SearchResult.Explanation.Match> out, String field, String term, float v) {
        out.merge(field + "\u0000" + term, new SearchResult.Explanation.Match(field, term, v),
                (a, b) -> new SearchResult.Explanation.Match(a.field(), a.term(), a.score() + b.score()));
    }
}
