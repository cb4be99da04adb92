package org.quanze.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed, read with a syntax for people: words, "quoted phrases" that must appear as
 * written, and -word or -"phrase" to exclude. Nothing is Lucene syntax, so no character can break
 * the query: an unbalanced quote simply quotes to the end, and stray operators are text.
 *
 * @param text     the free words, joined by spaces
 * @param phrases  quoted phrases, each required verbatim
 * @param excluded words and phrases that must not appear
 */
public record UserQuery(String text, List<String> phrases, List<String> excluded) {

    public boolean isEmpty() {
        return text.isBlank() && phrases.isEmpty();
    }

    public static UserQuery parse(String raw) {
        String s = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder text = new StringBuilder();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negate = c == '-' && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1))
                    && (i == 0 || Character.isWhitespace(s.charAt(i - 1)));
            if (negate) i++;
            String token;
            boolean quoted = i < n && isQuote(s.charAt(i));
            if (quoted) {
                int end = i + 1;
                while (end < n && !isQuote(s.charAt(end))) end++;
                token = s.substring(i + 1, end).strip();
                i = Math.min(n, end + 1);
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(s.charAt(end)) && !isQuote(s.charAt(end))) end++;
                token = s.substring(i, end);
                i = end;
            }
            if (token.isEmpty()) continue;
            if (negate) excluded.add(token);
            else if (quoted) phrases.add(token);
            else text.append(text.isEmpty() ? "" : " ").append(token);
        }
        return new UserQuery(text.toString(), List.copyOf(phrases), List.copyOf(excluded));
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '「' || c == '」';
    }
}
