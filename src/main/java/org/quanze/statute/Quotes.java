package org.quanze.statute;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quanze.model.Statute;
import org.quanze.statute.CitationTokens.Kind;
import org.quanze.statute.CitationTokens.Token;

/**
 * The text a list writes after an article heading ("第八十七条：社会保险经办机构…"): a quotation
 * of the article. It runs until the next citation that starts a clause of its own (a law's
 * title or an article heading after a line break, a full stop or a blank), the next
 * 【category】 mark or the next numbered entry of the cell. A law or article named inside a
 * sentence ("依照《中华人民共和国社会保险法》第八十六条的规定处理") is part of the quoted text.
 */
final class Quotes {

    /** A quotation and where it ends in the cell. */
    record Found(Statute.Quote quote, int end) {}

    /** Where a cell's next entry starts: "2.【法律】", " 3.《…》", "【规章】". */
    private static final Pattern NEXT_ENTRY = Pattern.compile("【|(?:^|(?<=[\\s。；;]))\\d{1,2}\\s*[.、．]\\s*(?=[【《])", Pattern.MULTILINE);
    /** A number left at the end by the next entry's numbering ("… 2."). */
    private static final Pattern TRAILING_NUMBER = Pattern.compile("[\\s　]*\\d{1,2}\\s*[.、．]?[\\s　]*$");
    /** What may stand before a citation that starts a clause of its own. */
    private static final String CLAUSE_END = "。；;：:】";
    private static final int MIN_CHARS = 4;
    private static final int MAX_CHARS = 4000;

    private Quotes() {}

    /** The quotation after the article token at {@code k} and where it ends, or null when none follows it. */
    static Found of(String s, List<Token> tokens, int k) {
        Token t = tokens.get(k);
        if (t.quoteStart() < 0) return null;
        int end = s.length();
        for (int j = k + 1; j < tokens.size(); j++) {
            Token n = tokens.get(j);
            if (n.pos() < t.quoteStart()) continue;
            if ((n.kind() == Kind.LAW || (n.kind() == Kind.ARTICLE && !n.crossRef())) && startsClause(s, n.pos())) {
                end = n.pos();
                break;
            }
        }
        Matcher next = NEXT_ENTRY.matcher(s).region(t.quoteStart(), end);
        if (next.find()) end = next.start();
        String text = TRAILING_NUMBER.matcher(s.substring(t.quoteStart(), end)).replaceFirst("").strip();
        if (text.codePoints().filter(Character::isLetterOrDigit).count() < MIN_CHARS) return null;
        if (text.length() > MAX_CHARS) text = text.substring(0, MAX_CHARS);
        return new Found(new Statute.Quote(text, t.quoteMarked()), end);
    }

    /**
     * True when a citation at {@code pos} starts a clause: at the start of the cell or a line,
     * after a blank, or after a full stop, semicolon, colon or list number. A citation right after
     * a word ("依照《…》", "违反第…条") is inside a sentence.
     */
    static boolean startsClause(String s, int pos) {
        if (pos == 0) return true;
        char before = s.charAt(pos - 1);
        if (Character.isWhitespace(before) || CLAUSE_END.indexOf(before) >= 0) return true;
        // "1.《…》", "2、第…条": a list number.
        int i = pos - 1;
        if (before == '.' || before == '、' || before == '．') {
            int d = i - 1;
            while (d >= 0 && Character.isDigit(s.charAt(d))) d--;
            return d < i - 1 && (d < 0 || !Character.isLetterOrDigit(s.charAt(d)) || Character.isWhitespace(s.charAt(d)));
        }
        return false;
    }
}
