package org.quanze.search;

import org.quanze.ingest.StatuteExtractor;
import org.quanze.model.Statute;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statute references in a query: 社会保险法第八十六条, 价格法 33条, 《基本医疗卫生与健康促进法》第八十七条.
 * The extractor used at ingest reads the 《》 forms; people also type a law without 《》 and an
 * article without 第, which this reads too.
 *
 * @param statutes the cited laws, with article where one is named
 * @param rest     the query without the references: the citation index answers them better than
 *                 the law's name as words, which would also match 社会保险法律 in any name
 */
record StatuteReference(List<Statute> statutes, String rest) {

    private static final String NUM = "[0-9一二三四五六七八九十百零两〇]+";
    private static final Pattern REF = Pattern.compile(
            "《?([\\p{IsHan}]{1,40}?(?:法|条例|办法|规定|细则|规则))》?\\s*(?:第\\s*)?(" + NUM + ")\\s*条");

    /**
     * @param knownLaws the laws the index cites; a match keeps the longest known law it ends with,
     *                  so words typed before the name (请问社会保险法…) are not taken as part of it
     */
    static StatuteReference find(String text, Set<String> knownLaws) {
        List<Statute> out = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = REF.matcher(text);
        int last = 0;
        while (m.find()) {
            List<Statute> found = StatuteExtractor.extract("《" + m.group(1) + "》第" + m.group(2) + "条", Statute.BASIS);
            if (found.isEmpty()) continue;
            for (Statute st : found) {
                out.add(new Statute(longestKnownSuffix(st.law(), knownLaws), st.article(), st.role()));
            }
            rest.append(text, last, m.start()).append(' ');
            last = m.end();
        }
        rest.append(text.substring(last));
        return new StatuteReference(List.copyOf(out), rest.toString().strip());
    }

    private static String longestKnownSuffix(String law, Set<String> knownLaws) {
        String best = null;
        for (String k : knownLaws) {
            if (law.endsWith(k) && (best == null || k.length() > best.length())) best = k;
        }
        return best == null ? law : best;
    }
}
