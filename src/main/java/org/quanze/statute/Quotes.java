package org.quanze.statute;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quanze.model.Statute;
import org.quanze.statute.CitationTokens.Kind;
import org.quanze.statute.CitationTokens.Token;

/**
 * The text a list writes after an article heading ("第八十七条：社会保险经办机构…"): a quotation
 * of the article, which runs until the next citation, the next 【category】 mark or the next
 * numbered entry of the cell.
 */
final class Quotes {

    /** Where a cell's next entry starts: "2.【法律】", " 3.《…》", "【规章】". */
    private static final Pattern NEXT_ENTRY = Pattern.compile("【|(?:^|(?<=[\\s。；;]))\\d{1,2}\\s*[.、．]\\s*(?=[【《])", Pattern.MULTILINE);
    /** A number left at the end by the next entry's numbering ("… 2."). */
    private static final Pattern TRAILING_NUMBER = Pattern.compile("[\\s　]*\\d{1,2}\\s*[.、．]?[\\s　]*$");
    private static final int MIN_CHARS = 4;
    private static final int MAX_CHARS = 4000;

    private Quotes() {}

    /** The quotation after the article token at {@code k}, or null when none follows it. */
    static Statute.Quote of(String s, List<Token> tokens, int k) {
        Token t = tokens.get(k);
        if (t.quoteStart() < 0) return null;
        int end = s.length();
        for (int j = k + 1; j < tokens.size(); j++) {
            Token n = tokens.get(j);
            if (n.pos() < t.quoteStart()) continue;
            if (n.kind() == Kind.LAW || (n.kind() == Kind.ARTICLE && !n.crossRef())) {
                end = n.pos();
                break;
            }
        }
        Matcher next = NEXT_ENTRY.matcher(s).region(t.quoteStart(), end);
        if (next.find()) end = next.start();
        String text = TRAILING_NUMBER.matcher(s.substring(t.quoteStart(), end)).replaceFirst("").strip();
        if (text.codePoints().filter(Character::isLetterOrDigit).count() < MIN_CHARS) return null;
        if (text.length() > MAX_CHARS) text = text.substring(0, MAX_CHARS);
        return new Statute.Quote(text, t.quoteMarked());
    }
}
