package org.quanze.statute;

import java.util.List;

/**
 * One version of a law as the library holds it: its official text cut into articles.
 *
 * @param name      canonical name (the title without 中华人民共和国)
 * @param title     the official title
 * @param level     法律, 行政法规, 部门规章 … where known, else null
 * @param published publication date of this version (yyyy-MM-dd): the version's identity
 * @param validFrom the date this version took effect where known, else null
 * @param file      the file it was read from, relative to its laws folder
 * @param history   the adoption and amendment lines that head the text
 * @param articles  every article in order
 */
public record LawVersion(String name, String title, String level, String published, String validFrom, String file,
                         List<String> history, List<Article> articles) {

    public LawVersion {
        history = List.copyOf(history);
        articles = List.copyOf(articles);
    }

    /**
     * One article (条), its paragraphs (款) in order; a paragraph that is an item (项) keeps its
     * own line, "（一）…".
     *
     * @param number  the article's number
     * @param sub     its 之N suffix (第二十条之一 → 1), 0 for a plain article
     * @param chapter the chapter (and section) heading it stands under, or null
     */
    public record Article(int number, int sub, String chapter, List<String> paragraphs) {
        public Article {
            paragraphs = List.copyOf(paragraphs);
        }

        /** 第八十七条, 第二十条之一. */
        public String label() {
            return new Numerals.Article(number, sub).label();
        }

        /** The article's text, paragraphs separated by line breaks. */
        public String text() {
            return String.join("\n", paragraphs);
        }
    }

    /** The plain article with this number, or null. */
    public Article article(int number) {
        for (Article a : articles) if (a.number() == number && a.sub() == 0) return a;
        return null;
    }
}
