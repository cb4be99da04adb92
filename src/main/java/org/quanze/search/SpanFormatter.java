package org.quanze.search;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Formats a snippet as spans of plain text, each marked or not, instead of HTML: the list's text
 * travels as data and a client puts each span in a text node, so nothing is escaped on one side
 * and decoded on the other. Matches that overlap or touch make one marked span.
 */
final class SpanFormatter extends PassageFormatter {

    /** Between two passages that are not adjacent in the field's text. */
    static final String ELLIPSIS = "…";

    @Override
    public List<SearchResult.Span> format(Passage[] passages, String content) {
        List<SearchResult.Span> out = new ArrayList<>();
        int pos = 0;
        for (Passage p : passages) {
            if (!out.isEmpty() && p.getStartOffset() > pos) add(out, ELLIPSIS, false);
            pos = p.getStartOffset();
            int[] starts = p.getMatchStarts();
            int[] ends = p.getMatchEnds();
            for (int i = 0; i < p.getNumMatches(); i++) {
                int start = Math.max(starts[i], pos);
                int end = ends[i];
                while (i + 1 < p.getNumMatches() && starts[i + 1] <= end) end = Math.max(end, ends[++i]);
                if (end <= start) continue;
                add(out, content.substring(pos, start), false);
                add(out, content.substring(start, Math.min(end, content.length())), true);
                pos = Math.min(end, content.length());
            }
            if (p.getEndOffset() > pos) add(out, content.substring(pos, Math.min(p.getEndOffset(), content.length())), false);
            pos = Math.max(pos, p.getEndOffset());
        }
        return out;
    }

    /** Adds text, joined to the previous span when both are marked or both are not. */
    private static void add(List<SearchResult.Span> out, String text, boolean mark) {
        if (text.isEmpty()) return;
        SearchResult.Span last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.mark() == mark) out.set(out.size() - 1, new SearchResult.Span(last.text() + text, mark));
        else out.add(new SearchResult.Span(text, mark));
    }

    /** Whether any span is marked: a snippet that marks nothing is not shown. */
    static boolean marks(Object spans) {
        return spans instanceof List<?> l && l.stream().anyMatch(s -> s instanceof SearchResult.Span sp && sp.mark());
    }

    /** The highlighter with the call that returns the formatter's objects (protected in Lucene). */
    static final class Highlighter extends UnifiedHighlighter {
        Highlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> spans(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }
    }
}
