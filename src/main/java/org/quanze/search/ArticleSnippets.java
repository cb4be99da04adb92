package org.quanze.search;

import org.quanze.index.Schema;
import org.quanze.model.PowerRecord;
import org.quanze.statute.LawLibrary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Why a hit was found through an article its legal basis cites ({@link Schema#ARTICLES}): the
 * part of that article holding the question's words that the item's own text lacks. The list that
 * cites 医疗保障基金使用监督管理条例第四十一条 may say nothing of 返还现金; the hit then shows
 * the article's clause instead of nothing. Plain-text spans, as every highlight.
 */
final class ArticleSnippets {

    /** Characters of the article shown around the marked words where their clause starts or ends further off. */
    static final int CONTEXT = 30;
    /** The longest snippet: a clause or two, not the article. */
    static final int MAX_CHARS = 160;

    private ArticleSnippets() {}

    /**
     * The snippet of the cited article that holds the most of the question's concepts missing
     * from the item's own text ({@code own}, its fields' texts), or null where no cited article
     * holds any.
     */
    static SearchResult.Highlight of(List<List<String>> concepts, PowerRecord r, java.util.Collection<String> own, LawLibrary laws) {
        List<LawLibrary.BasisArticle> cited = laws.basisLinks(r);
        if (cited.isEmpty()) return null;
        List<String> articles = cited.stream().map(b -> b.article().text()).toList();
        // The articles are short and the item's own text long: a concept is looked for in the own
        // text only where an article holds it (a page of ten hits read its texts a thousand times).
        List<List<String>> lacking = new ArrayList<>();
        for (List<String> texts : concepts) {
            if (articles.stream().noneMatch(a -> holdsAny(a, texts))) continue;
            if (own.stream().noneMatch(o -> holdsAny(o, texts))) lacking.add(texts);
        }
        if (lacking.isEmpty()) return null;
        int best = 0;
        int bestFound = 0;
        for (int i = 0; i < articles.size(); i++) {
            int found = 0;
            for (List<String> spellings : lacking) if (holdsAny(articles.get(i), spellings)) found++;
            if (found > bestFound) {
                best = i;
                bestFound = found;
            }
        }
        LawLibrary.BasisArticle b = cited.get(best);
        return new SearchResult.Highlight(Schema.ARTICLES, "所引条文：《" + b.citation().law() + "》" + b.article().label(),
                spans(articles.get(best), lacking));
    }

    /** Per concept of the plan that is found and counted, its spellings' texts: what {@link #of} looks for, made once a page. */
    static List<List<String>> concepts(QueryPlan plan) {
        List<List<String>> out = new ArrayList<>();
        for (QueryPlan.Concept c : plan.concepts()) {
            if (c.found() && c.counted()) out.add(c.spellings().stream().map(QueryPlan.Spelling::text).filter(t -> !t.isEmpty()).toList());
        }
        return out;
    }

    private static boolean holdsAny(String text, List<String> spellings) {
        for (String sp : spellings) if (text.contains(sp)) return true;
        return false;
    }

    /** Where the clause holding {@code at} starts (after a line break, 。 or ；), or {@link #CONTEXT} characters before it. */
    private static int clauseStart(String text, int at) {
        int limit = Math.max(0, at - 2 * CONTEXT);
        for (int i = at - 1; i >= limit; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '。' || c == '；') return i + 1;
        }
        return Math.max(0, at - CONTEXT);
    }

    /** Where the clause holding {@code at} ends (its 。 or ； included, or a line break), or {@link #CONTEXT} characters after it. */
    private static int clauseEnd(String text, int at) {
        int limit = Math.min(text.length(), at + 2 * CONTEXT);
        for (int i = at; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n') return i;
            if (c == '。' || c == '；') return i + 1;
        }
        return Math.min(text.length(), at + CONTEXT);
    }

    /** The text around the marked words, the words marked (the longest spelling where several start together). */
    static List<SearchResult.Span> spans(String text, List<List<String>> concepts) {
        List<int[]> marks = new ArrayList<>();
        for (List<String> spellings : concepts) {
            for (String sp : spellings) {
                for (int at = text.indexOf(sp); at >= 0; at = text.indexOf(sp, at + 1)) marks.add(new int[] {at, at + sp.length()});
            }
        }
        marks.sort(Comparator.<int[]>comparingInt(m -> m[0]).thenComparingInt(m -> -m[1]));
        List<int[]> kept = new ArrayList<>();
        for (int[] m : marks) if (kept.isEmpty() || m[0] >= kept.get(kept.size() - 1)[1]) kept.add(m);
        int from = clauseStart(text, kept.get(0)[0]);
        int to = Math.max(kept.get(0)[1], Math.min(from + MAX_CHARS, clauseEnd(text, kept.get(kept.size() - 1)[1])));
        List<SearchResult.Span> out = new ArrayList<>();
        int at = from;
        for (int[] m : kept) {
            if (m[0] >= to) break;
            if (m[0] > at) out.add(new SearchResult.Span(text.substring(at, m[0]), false));
            int end = Math.min(m[1], to);
            out.add(new SearchResult.Span(text.substring(m[0], end), true));
            at = end;
        }
        if (at < to) out.add(new SearchResult.Span(text.substring(at, to), false));
        if (from > 0) out.add(0, new SearchResult.Span("…", false));
        if (to < text.length()) out.add(new SearchResult.Span("…", false));
        return out;
    }
}
