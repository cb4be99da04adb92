package org.quanze.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * One citation of a law in a record.
 *
 * <p>A citation is identified by law, article and role; what the list says around it (the
 * version it names, the text it quotes) and what the statute library found (the check) are
 * details of that one citation, so equality and hashing look at law, article and role only: a
 * list citing 社会保险法 第八十七条 twice cites it once, whatever it quoted each time.
 *
 * @param law     canonical law name: 《》 removed and a leading 中华人民共和国 dropped, short forms
 *                resolved, so that 《中华人民共和国社会保险法》, 《社会保险法》 and 《社保法》 are the same law
 * @param article the article number as an integer (第一百零四条 → 104), or null where only the law is named
 * @param role    {@link #BASIS} for the legal basis, {@link #ACCOUNTABILITY} for 问责依据 and the like
 * @param version the version the citation names, as the list writes it after the law's title
 *                ("2017年9月1日第二次修正"), or null when it names none
 * @param quote   the article's text as the list quotes it after the citation, or null
 * @param check   what the statute library found about this citation at ingest, or null before that
 */
public record Statute(String law, Integer article, String role,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String version,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Quote quote,
                      @JsonInclude(JsonInclude.Include.NON_NULL) StatuteCheck check) {
    public static final String BASIS = "basis";
    public static final String ACCOUNTABILITY = "accountability";

    public Statute(String law, Integer article, String role) {
        this(law, article, role, null, null, null);
    }

    /**
     * Text a list quotes as the article's.
     *
     * @param marked true when the list introduces it as a quotation (第八十七条：…); false when it
     *               simply follows the heading, which only the law's own text can tell from prose
     */
    public record Quote(String text, boolean marked) {}

    /** The facet path of this citation: the law alone, or law/article. */
    public String path() {
        return article == null ? law : law + "/" + article;
    }

    public Statute withCheck(StatuteCheck c) {
        return new Statute(law, article, role, version, quote, c);
    }

    public Statute withQuote(Quote q) {
        return new Statute(law, article, role, version, q, check);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Statute s && Objects.equals(law, s.law) && Objects.equals(article, s.article)
                && Objects.equals(role, s.role);
    }

    @Override
    public int hashCode() {
        return Objects.hash(law, article, role);
    }
}
