package org.quanze.statute;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a legal-basis cell into the tokens {@link StatuteExtractor} reads: law names, article
 * headings, and the bracketed notes after a law's name ("（2011年7月1日施行）", "（劳动部令第16号）").
 * Law names come from 《》 titles, and without 《》 from a known name (the vocabulary) or a
 * citing verb (依据…法) right before an article.
 */
final class CitationTokens {

    enum Kind { LAW, ARTICLE, NOTE_OPEN, NOTE_CLOSE }

    /**
     * @param law      a LAW token's canonical name
     * @param note     a LAW token's bracketed note, as written; null when none follows it
     * @param article  an ARTICLE token's number
     * @param crossRef an ARTICLE token written 本条例第N条: the quoted law referring to itself
     * @param quote    an ARTICLE token's quotation start and whether it was introduced by a colon;
     *                 -1 when no text follows the heading
     */
    record Token(Kind kind, int pos, String law, String note, int article, boolean crossRef,
                 int quoteStart, boolean quoteMarked) {

        static Token law(int pos, String law, String note) {
            return new Token(Kind.LAW, pos, law, note, 0, false, -1, false);
        }

        static Token article(int pos, int article, boolean crossRef) {
            return new Token(Kind.ARTICLE, pos, null, null, article, crossRef, -1, false);
        }

        static Token mark(Kind kind, int pos) {
            return new Token(kind, pos, null, null, 0, false, -1, false);
        }

        Token withQuote(int start, boolean marked) {
            return new Token(kind, pos, law, note, article, crossRef, start, marked);
        }
    }

    private static final String NUM = "(" + Numerals.NUMBER + ")";
    /** An article; 第N号 (document numbers), 第N章 (chapters), 第N款/项 (paragraphs) never match. */
    private static final Pattern ARTICLE = Pattern.compile("第\\s*" + NUM + "\\s*条");
    /** Paragraph/item qualifiers after an article ("第一款第四项", "第（四）项", "之一"): skipped, the article stays. */
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?:\\s*第\\s*(?:" + NUM + "|[（(][^（）()]{1,4}[）)])\\s*[款项目]|之[一二三四五六七八九十]+)+");
    /** A further article listed without its 第: "第九十二条、九十三条". */
    private static final Pattern LISTED_ARTICLE = Pattern.compile("\\s*[、，,和及]\\s*" + NUM + "\\s*条");
    /** A further article listed with its 第: "第八十四条、第八十六条". */
    private static final Pattern LISTED_WITH_DI = Pattern.compile("\\s*[、，,和及]\\s*第");
    /**
     * A law named without 《》 and not in the vocabulary, only when a citing verb precedes it and
     * an article follows it: "依据社会保险法第八十七条". Anything looser catches ordinary prose.
     */
    private static final Pattern BARE_LAW = Pattern.compile(
            "(?:依据|根据|依照|按照|参照|违反|适用)((?:中华人民共和国)?\\p{IsHan}{1,24}?(?:法|法典|条例|办法|规定|细则|规则))(?=\\s*第\\s*"
                    + Numerals.NUMBER + "\\s*条)");
    /**
     * Bare names that are not one law's name: "本条例" is the current law, "有关规定" nothing
     * specific, and a conjunction or 的 means the run of characters spans more than a name.
     */
    private static final Pattern BARE_LAW_REJECT =
            Pattern.compile("^(?:本|该|此|上述|前述|有关|相关|其他|国家|下列|以下|法律|依法)|[的和及或等]|本(?:法|条例|办法|规定)");
    /** "《X》（以下简称《Y》）": Y stands for X in the rest of the text. */
    private static final Pattern ALIAS = Pattern.compile(
            "《([^《》\\n]{2,120})》\\s*[（(]\\s*以下(?:简称|称)\\s*[《“\"]?([^《》“”\"（）()]{1,20})[》”\"]?\\s*[）)]");
    /** What turns a title into part of a longer name right after its 》. */
    private static final Pattern COMPOSITE = Pattern.compile("实施条例|实施细则|实施办法|若干规定|办法");
    /** An article referred to by the quoted law itself: 本法第N条, 本条例第N条. */
    private static final Pattern SELF = Pattern.compile("本(?:法|法典|条例|办法|规定|细则|规则)\\s*$");
    /** Words that continue a sentence after an article rather than start its text. */
    private static final String CONNECTIVES = "和及与或等的之中至所";
    private static final int MAX_TITLE = 120;
    private static final int MAX_NOTE = 300;
    private static final int MAX_NAME = 40;

    private CitationTokens() {}

    static List<Token> of(String s, LawNames names) {
        Map<Integer, String> bare = bareLaws(s, names);
        Map<String, String> aliases = aliases(s, names);
        List<Token> tokens = new ArrayList<>();
        Deque<Integer> noteEnds = new ArrayDeque<>();
        Matcher article = ARTICLE.matcher(s);
        int i = 0;
        while (i < s.length()) {
            while (!noteEnds.isEmpty() && i >= noteEnds.peek()) {
                tokens.add(Token.mark(Kind.NOTE_CLOSE, noteEnds.pop()));
            }
            char c = s.charAt(i);
            int close = c == '《' ? titleEnd(s, i) : -1;
            if (close > 0) {
                String title = s.substring(i + 1, close);
                // "实施《中华人民共和国社会保险法》若干规定", "《药品管理法》实施条例": the title is part of a longer name.
                Matcher composite = COMPOSITE.matcher(s).region(close + 1, s.length());
                int start = i;
                if (composite.lookingAt()) {
                    boolean implementing = i >= 2 && s.startsWith("实施", i - 2);
                    String suffix = composite.group();
                    if (implementing && !suffix.startsWith("实施")) {
                        title = "实施〈" + title + "〉" + suffix;
                        start = i - 2;
                        close = composite.end() - 1;
                    } else if (suffix.startsWith("实施")) {
                        title = title + suffix;
                        close = composite.end() - 1;
                    }
                }
                String law = names.canonical(title);
                if (law == null) law = aliases.get(LawNames.normalise(title));
                if (law == null) {
                    i = close + 1;
                } else {
                    int[] note = note(s, close + 1);
                    tokens.add(Token.law(start, law, note == null ? null : s.substring(note[0] + 1, note[1] - 1)));
                    if (note != null) {
                        tokens.add(Token.mark(Kind.NOTE_OPEN, note[0]));
                        noteEnds.push(note[1]);
                        i = note[0] + 1;
                    } else {
                        i = close + 1;
                    }
                }
                continue;
            }
            String named = bare.get(i);
            if (named != null) {
                tokens.add(Token.law(i, names.canonical(named), null));
                i += named.length();
                continue;
            }
            if (c == '第' && article.region(i, s.length()).lookingAt()) {
                i = articles(s, i, article, tokens);
                continue;
            }
            i++;
        }
        while (!noteEnds.isEmpty()) {
            tokens.add(Token.mark(Kind.NOTE_CLOSE, noteEnds.pop()));
        }
        return tokens;
    }

    /**
     * An article heading and the articles listed after it; returns where scanning continues. A
     * lone article followed by text gets that text's start as its quotation.
     */
    private static int articles(String s, int at, Matcher article, List<Token> tokens) {
        boolean self = SELF.matcher(s.substring(Math.max(0, at - 6), at)).find();
        int first = tokens.size();
        tokens.add(Token.article(at, Numerals.parse(article.group(1)), self));
        int i = skipQualifiers(s, article.end());
        Matcher m = LISTED_ARTICLE.matcher(s);
        while (m.region(i, s.length()).lookingAt()) {
            tokens.add(Token.article(m.start(1), Numerals.parse(m.group(1)), self));
            i = skipQualifiers(s, m.end());
        }
        boolean listContinues = LISTED_WITH_DI.matcher(s).region(i, s.length()).lookingAt();
        if (tokens.size() == first + 1 && !self && !listContinues) {
            int j = i;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\u3000' || s.charAt(j) == '\t')) j++;
            // "第五十七条规定：…" introduces the quotation as much as "第五十七条：…" does.
            if (s.startsWith("规定", j) && j + 2 < s.length() && (s.charAt(j + 2) == '：' || s.charAt(j + 2) == ':')) j += 2;
            boolean marked = j < s.length() && (s.charAt(j) == '：' || s.charAt(j) == ':');
            if (marked) j++;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
            boolean text = j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || (marked && s.charAt(j) == '（'));
            // "第十条和第十二条", "第三条的规定", "第八条规定": the sentence goes on, no quotation starts.
            if (text && (marked || CONNECTIVES.indexOf(s.charAt(j)) < 0) && !(!marked && s.startsWith("规定", j))) {
                tokens.set(first, tokens.get(first).withQuote(j, marked));
            }
        }
        return i;
    }

    private static int skipQualifiers(String s, int from) {
        Matcher q = QUALIFIER.matcher(s).region(from, s.length());
        return q.lookingAt() ? q.end() : from;
    }

    /**
     * Laws named without 《》 right before an article: a name the vocabulary knows ("民法典 第八百四
     * 十三条", "社保法第八十四条"), or any name after a citing verb. Keyed by where the name starts.
     */
    private static Map<Integer, String> bareLaws(String s, LawNames names) {
        Map<Integer, String> bare = new HashMap<>();
        Matcher bm = BARE_LAW.matcher(s);
        while (bm.find()) {
            String law = names.canonical(bm.group(1));
            if (law != null && !BARE_LAW_REJECT.matcher(LawNames.normalise(bm.group(1))).find()) bare.put(bm.start(1), bm.group(1));
        }
        Matcher am = ARTICLE.matcher(s);
        while (am.find()) {
            int end = am.start();
            while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) end--;
            for (int len = Math.min(MAX_NAME, end); len >= 2; len--) {
                String candidate = s.substring(end - len, end);
                if (names.ofForm(LawNames.normalise(candidate)) == null) continue;
                int start = end - len;
                // "…中华人民共和国社会保险法第八条": the prefix belongs to the name.
                if (start >= LawNames.PRC.length() && s.startsWith(LawNames.PRC, start - LawNames.PRC.length())) {
                    start -= LawNames.PRC.length();
                }
                bare.merge(start, s.substring(start, end), (a, b) -> a.length() >= b.length() ? a : b);
                break;
            }
        }
        return bare;
    }

    /** Short titles a text defines for itself: "《X》（以下简称《条例》）" → 条例 → X's name. */
    private static Map<String, String> aliases(String s, LawNames names) {
        Map<String, String> out = new HashMap<>();
        Matcher m = ALIAS.matcher(s);
        while (m.find()) {
            String law = names.canonical(m.group(1));
            if (law != null) out.put(LawNames.normalise(m.group(2)), law);
        }
        return out;
    }

    /** Index of the 》 closing the title opened at {@code open}, or -1 when it is unclosed within a line. */
    static int titleEnd(String s, int open) {
        for (int j = open + 1; j < s.length() && j - open <= MAX_TITLE; j++) {
            char c = s.charAt(j);
            if (c == '》') {
                return j > open + 1 ? j : -1;
            }
            if (c == '《' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The bracket right after a law name ("（2011年7月1日施行）", "（劳动部令第16号）"): a note
     * about that law. Returns its start and end (exclusive), or null when none follows.
     */
    private static int[] note(String s, int from) {
        int j = from;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        if (j >= s.length() || (s.charAt(j) != '（' && s.charAt(j) != '(')) {
            return null;
        }
        int depth = 0;
        for (int k = j; k < s.length() && k - j <= MAX_NOTE; k++) {
            char c = s.charAt(k);
            int title = c == '《' ? titleEnd(s, k) : -1;
            if (title > 0) {
                k = title;  // brackets inside a quoted title do not count
            } else if (c == '（' || c == '(') {
                depth++;
            } else if (c == '）' || c == ')') {
                depth--;
                if (depth == 0) {
                    return new int[] {j, k + 1};
                }
            }
        }
        return null;
    }
}
