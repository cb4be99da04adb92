package org.quanze.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quanze.model.Statute;

/**
 * Finds the statutes (law + article) cited in a legal-basis cell.
 *
 * <p>The cells are free text: bare citation lists ("《社会保险法》第八条、第二十六条"), quoted law
 * text whose article headings follow the law's name, and parenthesised notes with dates and
 * document numbers between a law and its article. The reading model is therefore sequential: a
 * law name opens a citation, every later 第…条 belongs to the law named last, and a note right
 * after a law name is read as a side remark that cannot take the law's articles away.
 * Precision comes before recall: anything that is not clearly a law and an article is skipped.
 */
public final class StatuteExtractor {

    private StatuteExtractor() {
    }

    private static final String NUM = "([0-9０-９]{1,5}|[零〇一二两三四五六七八九十百千]{1,12})";
    /** An article; 第N号 (document numbers), 第N章 (chapters), 第N款/项 (paragraphs) never match. */
    private static final Pattern ARTICLE = Pattern.compile("第\\s*" + NUM + "\\s*条");
    /** Paragraph/item qualifiers after an article ("第一款第四项", "第（四）项", "之一"): skipped, the article stays. */
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?:\\s*第\\s*(?:" + NUM + "|[（(][^（）()]{1,4}[）)])\\s*[款项目]|之[一二三四五六七八九十]+)+");
    /** A further article listed without its 第: "第九十二条、九十三条". */
    private static final Pattern LISTED_ARTICLE = Pattern.compile("\\s*[、，,和及]\\s*" + NUM + "\\s*条");
    /**
     * A law named without 《》, only when a citing verb precedes it and an article follows it:
     * "依据社会保险法第八十七条". Anything looser (a line start, no article) catches ordinary prose.
     */
    private static final Pattern BARE_LAW = Pattern.compile(
            "(?:依据|根据|依照|按照|参照|违反|适用)((?:中华人民共和国)?\\p{IsHan}{1,24}?(?:法|条例|办法|规定|细则|规则))(?=\\s*第\\s*"
                    + NUM + "\\s*条)");
    /**
     * Bare names that are not one law's name: "本条例" is the current law, "有关规定" nothing
     * specific, and a conjunction or 的 means the run of characters spans more than a name.
     */
    private static final Pattern BARE_LAW_REJECT =
            Pattern.compile("^(?:本|该|此|上述|前述|有关|相关|其他|国家|下列|以下|法律|依法)|[的和及或等]|本(?:法|条例|办法|规定)");
    /** A title ending like these names an enactment; 《…书》《…表》《…单》《…证》 are forms. */
    private static final Pattern LAW_SUFFIX = Pattern.compile(".*(?:法|条例|办法|规定|细则|规则|决定|意见|通知|规范|解释|准则|标准)");
    /** "(试行)", "（2018年修订）" and the like at the end of a title do not change what it is. */
    private static final Pattern TRAILING_NOTE = Pattern.compile("(?:（[^（）]*）)+$");
    /** Amending decisions have numbered items; a 第N条 under them is the amended law's, which we cannot know. */
    private static final Pattern AMENDMENT = Pattern.compile(".*修改.*决定");
    private static final String PRC = "中华人民共和国";
    private static final int MAX_TITLE = 120;
    private static final int MAX_NOTE = 300;
    private static final int MAX_ARTICLE = 1000;

    private enum Kind { LAW, ARTICLE, NOTE_OPEN, NOTE_CLOSE }

    private record Token(Kind kind, int pos, String law, int article) {
    }

    /** One mention of a law, which the articles following it attach to. */
    private record Citation(String law, int start) {
    }

    /** A record with where it was read: where its citation starts, then its own position. */
    private record Found(Statute statute, int citation, int pos) {
    }

    /**
     * Every statute cited in {@code text}, in order of appearance (each record where its own
     * citation is), each (law, article) once. A law gets a record with a null article only when
     * none of its articles is cited anywhere in the text, so facets do not count it twice.
     *
     * @param text a cell, raw (HTML allowed) or already cleaned; null yields an empty list
     * @param role {@link Statute#BASIS} or {@link Statute#ACCOUNTABILITY}
     */
    public static List<Statute> extract(String text, String role) {
        Objects.requireNonNull(role, "role");
        String s = TextClean.plain(text);
        if (s.isEmpty()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        Deque<Citation> outer = new ArrayDeque<>();
        Citation current = null;
        for (Token t : tokenize(s)) {
            switch (t.kind()) {
                case LAW -> {
                    current = new Citation(t.law(), t.pos());
                    // A law named in a note is only a remark unless an article of it is cited there.
                    if (outer.isEmpty()) {
                        found.add(new Found(new Statute(current.law(), null, role), current.start(), t.pos()));
                    }
                }
                case ARTICLE -> {
                    if (current != null && !AMENDMENT.matcher(current.law()).matches()
                            && t.article() >= 1 && t.article() <= MAX_ARTICLE) {
                        found.add(new Found(new Statute(current.law(), t.article(), role), current.start(), t.pos()));
                    }
                }
                case NOTE_OPEN -> {
                    // Only laws named inside the note may take articles inside it.
                    outer.push(current);
                    current = null;
                }
                case NOTE_CLOSE -> current = outer.pop();
            }
        }
        return finish(found);
    }

    /** Orders by citation then position (a note's citation comes after its law's), de-duplicates, drops redundant nulls. */
    private static List<Statute> finish(List<Found> found) {
        found.sort(Comparator.comparingInt(Found::citation).thenComparingInt(Found::pos));
        Set<Statute> unique = new LinkedHashSet<>();
        Set<String> withArticle = new HashSet<>();
        for (Found f : found) {
            unique.add(f.statute());
            if (f.statute().article() != null) {
                withArticle.add(f.statute().law());
            }
        }
        return unique.stream().filter(st -> st.article() != null || !withArticle.contains(st.law())).toList();
    }

    private static List<Token> tokenize(String s) {
        Map<Integer, String> bare = new HashMap<>();
        Matcher bm = BARE_LAW.matcher(s);
        while (bm.find()) {
            bare.put(bm.start(1), bm.group(1));
        }
        List<Token> tokens = new ArrayList<>();
        Deque<Integer> noteEnds = new ArrayDeque<>();
        Matcher article = ARTICLE.matcher(s);
        int i = 0;
        while (i < s.length()) {
            while (!noteEnds.isEmpty() && i >= noteEnds.peek()) {
                tokens.add(new Token(Kind.NOTE_CLOSE, noteEnds.pop(), null, 0));
            }
            char c = s.charAt(i);
            int close = c == '《' ? titleEnd(s, i) : -1;
            if (close > 0) {
                String law = canonicalLaw(s.substring(i + 1, close));
                if (law == null) {
                    i = close + 1;
                } else {
                    tokens.add(new Token(Kind.LAW, i, law, 0));
                    i = openNote(s, close + 1, tokens, noteEnds);
                }
                continue;
            }
            String named = bare.get(i);
            if (named != null) {
                String law = canonicalLaw(named);
                if (law != null && !BARE_LAW_REJECT.matcher(law).find()) {
                    tokens.add(new Token(Kind.LAW, i, law, 0));
                    i += named.length();
                    continue;
                }
            }
            if (c == '第' && article.region(i, s.length()).lookingAt()) {
                tokens.add(new Token(Kind.ARTICLE, i, null, parseNumber(article.group(1))));
                i = listedArticles(s, article.end(), tokens);
                continue;
            }
            i++;
        }
        while (!noteEnds.isEmpty()) {
            tokens.add(new Token(Kind.NOTE_CLOSE, noteEnds.pop(), null, 0));
        }
        return tokens;
    }

    /** Index of the 》 closing the title opened at {@code open}, or -1 when it is unclosed within a line. */
    private static int titleEnd(String s, int open) {
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
     * A bracket right after a law name ("（2011年7月1日施行）", "（劳动部令第16号）") is a note about
     * that law. Returns where scanning continues: inside the note, whose end is pushed.
     */
    private static int openNote(String s, int from, List<Token> tokens, Deque<Integer> noteEnds) {
        int j = from;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        if (j >= s.length() || (s.charAt(j) != '（' && s.charAt(j) != '(')) {
            return from;
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
                    tokens.add(new Token(Kind.NOTE_OPEN, j, null, 0));
                    noteEnds.push(k + 1);
                    return j + 1;
                }
            }
        }
        return from;
    }

    /** Emits the articles listed after one without repeating 第, skipping 款/项 qualifiers. */
    private static int listedArticles(String s, int from, List<Token> tokens) {
        int i = skipQualifiers(s, from);
        Matcher m = LISTED_ARTICLE.matcher(s);
        while (m.region(i, s.length()).lookingAt()) {
            tokens.add(new Token(Kind.ARTICLE, m.start(1), null, parseNumber(m.group(1))));
            i = skipQualifiers(s, m.end());
        }
        return i;
    }

    private static int skipQualifiers(String s, int from) {
        Matcher q = QUALIFIER.matcher(s).region(from, s.length());
        return q.lookingAt() ? q.end() : from;
    }

    /**
     * The canonical law name, or null when the title is not an enactment (a form, a book).
     * 《》 are gone already; a leading 中华人民共和国 is dropped, half-width brackets become
     * full-width and blanks go, so that spellings from different lists meet.
     */
    static String canonicalLaw(String title) {
        String name = title.replaceAll("\\s+", "").replace('(', '（').replace(')', '）');
        if (name.startsWith(PRC) && name.length() > PRC.length() + 1) {
            name = name.substring(PRC.length());
        }
        String core = TRAILING_NOTE.matcher(name).replaceFirst("");
        return LAW_SUFFIX.matcher(core).matches() ? name : null;
    }

    /**
     * An article number from Arabic (half- or full-width) or Chinese numerals: 5, ５, 十, 十一,
     * 二十, 一百零四, 一百一十, 两百. Returns -1 for anything malformed, so it is never cited.
     */
    static int parseNumber(String digits) {
        if (!digits.isEmpty() && Character.isDigit(digits.charAt(0))) {
            int n = 0;
            for (int i = 0; i < digits.length(); i++) {
                n = n * 10 + Character.digit(digits.charAt(i), 10);  // also reads full-width digits
            }
            return n;
        }
        int total = 0;
        int digit = -1;
        int lastUnit = Integer.MAX_VALUE;
        boolean zero = false;
        for (char c : digits.toCharArray()) {
            int value = c == '〇' ? 0 : c == '两' ? 2 : "零一二三四五六七八九".indexOf(c);
            int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : -1;
            if (value == 0) {
                if (digit != -1 || total == 0) {
                    return -1;  // 零 only stands for a skipped unit, as in 一百零四
                }
                zero = true;
            } else if (value > 0) {
                if (digit != -1) {
                    return -1;
                }
                digit = value;
            } else {
                if (unit < 0 || unit >= lastUnit || (digit == -1 && (unit != 10 || zero))) {
                    return -1;
                }
                total += (digit == -1 ? 1 : digit) * unit;  // a bare 十 is 一十: 十一, 一百十
                digit = -1;
                lastUnit = unit;
                zero = false;
            }
        }
        return digits.isEmpty() ? -1 : digit == -1 ? total : total + digit;
    }
}
