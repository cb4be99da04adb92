package org.quanze.model;

/**
 * One citation of a law in a record.
 *
 * @param law     canonical law name: 《》 removed and a leading 中华人民共和国 dropped, so that
 *                《中华人民共和国社会保险法》 and 《社会保险法》 are the same law
 * @param article the article number as an integer (第一百零四条 → 104), or null where only the law is named
 * @param role    {@link #BASIS} for the legal basis, {@link #ACCOUNTABILITY} for 问责依据 and the like
 */
public record Statute(String law, Integer article, String role) {
    public static final String BASIS = "basis";
    public static final String ACCOUNTABILITY = "accountability";

    /** The facet path of this citation: the law alone, or law/article. */
    public String path() {
        return article == null ? law : law + "/" + article;
    }
}
