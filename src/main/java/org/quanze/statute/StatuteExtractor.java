package org.quanze.statute;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.quanze.ingest.TextClean;
import org.quanze.model.Statute;
import org.quanze.statute.CitationTokens.Token;

/**
 * Finds the statutes (law + article) cited in a legal-basis cell, with the version each names
 * and the article text it quotes.
 *
 * <p>The cells are free text: bare citation lists ("《社会保险法》第八条、第二十六条"), quoted law
 * text whose article headings follow the law's name, and parenthesised notes with dates and
 * document numbers between a law and its article. The reading model is therefore sequential: a
 * law name opens a citation, every later 第…条 belongs to the law named last, and a note right
 * after a law name is read as a side remark that cannot take the law's articles away (but says
 * which version is cited). Precision comes before recall: anything that is not clearly a law and
 * an article is skipped.
 */
public final class StatuteExtractor {

    private StatuteExtractor() {
    }

    /** Amending decisions have numbered items; a 第N条 under them is the amended law's, which we cannot know. */
    private static final Pattern AMENDMENT = Pattern.compile(".*修改.*决定");
    /** A note names a version when it carries a year: "2017年9月1日第二次修正", "2010年通过". */
    private static final Pattern DATED = Pattern.compile("\\d{4}\\s*年");
    /** Above any law's last article: the civil code, the longest, has 1260. */
    static final int MAX_ARTICLE = 1300;
    private static final int MAX_VERSION_NOTE = 160;

    /** One mention of a law, which the articles following it attach to. */
    private record Citation(String law, int start, String version) {
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
        return extract(text, role, LawNames.standard());
    }

    public static List<Statute> extract(String text, String role, LawNames names) {
        Objects.requireNonNull(role, "role");
        String s = TextClean.plain(text);
        if (s.isEmpty()) {
            return List.of();
        }
        List<Token> tokens = CitationTokens.of(s, names);
        List<Found> found = new ArrayList<>();
        Deque<Citation> outer = new ArrayDeque<>();
        Citation current = null;
        // The law whose articles are being quoted; a law cited inside a quotation holds only until
        // the next article heading that starts a clause, which is the quoted law's again.
        Citation base = null;
        int quoteEnd = -1;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            switch (t.kind()) {
                case LAW -> {
                    Citation c = new Citation(t.law(), t.pos(), version(t.note()));
                    boolean inQuote = t.pos() < quoteEnd;
                    // A law named in a note is only a remark unless an article of it is cited there.
                    if (outer.isEmpty()) {
                        found.add(new Found(new Statute(c.law(), null, role, c.version(), null, null), c.start(), t.pos()));
                    }
                    if (!inQuote) {
                        current = c;
                        if (outer.isEmpty()) base = c;
                        quoteEnd = -1;
                    } else if (articleFollows(tokens, k)) {
                        current = c;  // "依照《社会保险法》第八十六条": that law's article, inside the quotation
                    }
                }
                case ARTICLE -> {
                    if (outer.isEmpty() && base != null && current != base && Quotes.startsClause(s, t.pos())) {
                        current = base;
                    }
                    if (current != null && !AMENDMENT.matcher(current.law()).matches()
                            && t.article() >= 1 && t.article() <= MAX_ARTICLE) {
                        Quotes.Found q = outer.isEmpty() ? Quotes.of(s, tokens, k) : null;
                        if (q != null) quoteEnd = Math.max(quoteEnd, q.end());
                        found.add(new Found(new Statute(current.law(), t.article(), role, current.version(),
                                q == null ? null : q.quote(), null), current.start(), t.pos()));
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

    /** True when the token after the law at {@code k} is one of its articles (its note, if any, between them). */
    private static boolean articleFollows(List<Token> tokens, int k) {
        for (int j = k + 1; j < tokens.size(); j++) {
            CitationTokens.Kind kind = tokens.get(j).kind();
            if (kind == CitationTokens.Kind.ARTICLE) return true;
            if (kind == CitationTokens.Kind.LAW) return false;
        }
        return false;
    }

    /** The note as the version the citation names, when it carries a date. */
    private static String version(String note) {
        if (note == null || !DATED.matcher(note).find()) return null;
        String v = note.strip();
        return v.length() > MAX_VERSION_NOTE ? v.substring(0, MAX_VERSION_NOTE) : v;
    }

    /**
     * Orders by citation then position (a note's citation comes after its law's), de-duplicates
     * (keeping the first quotation of an article cited twice), drops redundant nulls.
     */
    private static List<Statute> finish(List<Found> found) {
        found.sort(Comparator.comparingInt(Found::citation).thenComparingInt(Found::pos));
        Map<Statute, Statute> unique = new LinkedHashMap<>();
        Set<String> withArticle = new HashSet<>();
        for (Found f : found) {
            Statute st = f.statute();
            Statute before = unique.putIfAbsent(st, st);
            if (before != null && before.quote() == null && st.quote() != null) unique.put(st, before.withQuote(st.quote()));
            if (st.article() != null) {
                withArticle.add(st.law());
            }
        }
        return unique.values().stream().filter(st -> st.article() != null || !withArticle.contains(st.law())).toList();
    }
}
