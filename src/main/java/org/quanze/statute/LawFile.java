package org.quanze.statute;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one law's official text in the national law database's Markdown form (as the
 * LawRefBook/Laws collection publishes it): a "# title" line, the adoption and amendment history,
 * {@code <!-- INFO END -->}, then chapters as "## …" headings (sections "### …") and each article
 * starting a line with "第X条 ". Further lines up to the next article are its paragraphs (款);
 * items (项) are lines "（一）…". A file without the INFO END marker is read from its title on.
 */
final class LawFile {

    private static final Pattern ARTICLE = Pattern.compile(
            "^第([零〇一二两三四五六七八九十百千]+)条(?:之([一二三四五六七八九十]+))?(?:[\\s\u3000]+(.*))?$");
    /** 名称(2018-12-29).md: the name and the publication date of the version. */
    static final Pattern FILE_NAME = Pattern.compile("^(.+?)\\s*[（(](\\d{4}-\\d{2}-\\d{2})[）)]\\.md$");
    private static final Pattern IN_FORCE = Pattern.compile("自(\\d{4})年(\\d{1,2})月(\\d{1,2})日起施行");
    private static final String INFO_END = "<!-- INFO END -->";

    private LawFile() {}

    /**
     * @param relative the file's path relative to its laws folder (kept for reference)
     * @param meta     the folder's laws.tsv row for it, or null
     * @throws IllegalArgumentException naming what is wrong when the text is no law (no title, no date, no article)
     */
    static LawVersion read(String relative, String text, LawMetadata.Row meta) {
        String fileName = relative.substring(relative.lastIndexOf('/') + 1);
        Matcher fm = FILE_NAME.matcher(fileName);
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        String title = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("# ")) {
                title = l.substring(2).strip();
                start = i + 1;
                break;
            }
            if (!l.isEmpty()) break;
        }
        if (title == null) throw new IllegalArgumentException("it does not start with the law's title as a '# ' line");
        int infoEnd = lines.indexOf(INFO_END);
        List<String> history = new ArrayList<>();
        if (infoEnd > start) {
            for (String l : lines.subList(start, infoEnd)) if (!l.isBlank()) history.add(l.strip());
            start = infoEnd + 1;
        }
        List<LawVersion.Article> articles = articles(lines.subList(start, lines.size()));
        if (articles.isEmpty()) throw new IllegalArgumentException("no article (a line starting 第…条) was found");
        String published = meta != null ? meta.published() : fm.matches() ? fm.group(2) : null;
        if (published == null) {
            throw new IllegalArgumentException("its publication date is unknown: name the file 名称(yyyy-MM-dd).md or list it in laws.tsv");
        }
        String validFrom = meta != null && meta.validFrom() != null ? meta.validFrom() : inForce(articles, history);
        // An amended text keeps the original law's 施行 article: that date is not this version's.
        if (validFrom != null && validFrom.compareTo(published) < 0) validFrom = null;
        String name = meta != null ? LawNames.normalise(meta.name()) : LawNames.normalise(title);
        return new LawVersion(name, title, meta == null ? null : meta.level(), published, validFrom, relative, history, articles);
    }

    private static List<LawVersion.Article> articles(List<String> lines) {
        List<LawVersion.Article> out = new ArrayList<>();
        String chapter = null;
        String section = null;
        Matcher current = null;
        List<String> paragraphs = new ArrayList<>();
        for (String raw : lines) {
            String l = raw.strip();
            if (l.startsWith("#")) {
                if (current != null) out.add(article(current, chapter, section, paragraphs));
                current = null;
                String heading = l.replaceFirst("^#+\\s*", "");
                if (l.startsWith("## ")) {
                    chapter = heading;
                    section = null;
                } else {
                    section = heading;
                }
                continue;
            }
            Matcher m = ARTICLE.matcher(l);
            if (m.matches() && Numerals.parse(m.group(1)) > 0) {
                if (current != null) out.add(article(current, chapter, section, paragraphs));
                current = m;
                paragraphs = new ArrayList<>();
                if (m.group(3) != null && !m.group(3).isBlank()) paragraphs.add(m.group(3).strip());
            } else if (current != null && !l.isEmpty()) {
                paragraphs.add(l);
            }
        }
        if (current != null) out.add(article(current, chapter, section, paragraphs));
        return out;
    }

    private static LawVersion.Article article(Matcher m, String chapter, String section, List<String> paragraphs) {
        int sub = m.group(2) == null ? 0 : Numerals.parse(m.group(2));
        String where = chapter == null ? section : section == null ? chapter : chapter + " " + section;
        return new LawVersion.Article(Numerals.parse(m.group(1)), Math.max(sub, 0), where, paragraphs);
    }

    /** "本法自2011年7月1日起施行" in the last articles or the history: the date the law took effect. */
    private static String inForce(List<LawVersion.Article> articles, List<String> history) {
        for (int i = articles.size() - 1; i >= Math.max(0, articles.size() - 3); i--) {
            Matcher m = IN_FORCE.matcher(articles.get(i).text());
            if (m.find()) return date(m);
        }
        for (String h : history) {
            Matcher m = IN_FORCE.matcher(h);
            if (m.find()) return date(m);
        }
        return null;
    }

    private static String date(Matcher m) {
        return String.format(java.util.Locale.ROOT, "%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
}
