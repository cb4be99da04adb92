package org.quanze.index;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;
import org.quanze.statute.Numerals;
import org.quanze.testing.BundledData;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Numbers written one way: the cases that matter, and every text of the bundled lists against the rule as a regular expression. */
class NumbersTest {

    @Test
    void chineseNumeralsBeforeAMeasureWordAndFullWidthDigitsBecomeDigits() {
        assertEquals("执法人员不得少于2人", Numbers.normalise("执法人员不得少于两人"));
        assertEquals("7日内", Numbers.normalise("七日内"));
        assertEquals("第86条", Numbers.normalise("第八十六条"));
        assertEquals("罚款20000元", Numbers.normalise("罚款两万元"));
        assertEquals("123号", Numbers.normalise("１２３号"));
        // Numerals in words stay: no measure word follows.
        assertEquals("统一规范，一般情况", Numbers.normalise("统一规范，一般情况"));
        assertEquals("12个月", Numbers.normalise("十二个月"));
    }

    @Test
    void theScanAgreesWithTheRuleOnEveryBundledText() {
        List<String> units = Numbers.measureWords().stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList();
        Pattern rule = Pattern.compile("([零〇一二两三四五六七八九十百千万]{1," + Numbers.MAX_RUN + "})(?=" + String.join("|", units) + ")|([０-９]+)");
        int changed = 0;
        for (PowerRecord r : BundledData.ingest().records()) {
            for (String text : DocumentMapper.texts(r).values()) {
                String expected = byRule(rule, text);
                assertEquals(expected, Numbers.normalise(text), r.id());
                if (!expected.equals(text)) changed++;
            }
        }
        assertTrue(changed > 50, changed + " texts with numbers rewritten");
    }

    @Test
    void theCharFilterMapsOffsetsBackToTheTextAsWritten() throws IOException {
        String text = "不得少于两人，七日内";
        Reader f = Numbers.filter(new StringReader(text));
        StringBuilder read = new StringBuilder();
        char[] buf = new char[64];
        for (int n = f.read(buf, 0, buf.length); n != -1; n = f.read(buf, 0, buf.length)) read.append(buf, 0, n);
        assertEquals("不得少于2人，7日内", read.toString());
        BaseCharFilter cf = (BaseCharFilter) f;
        assertEquals(text.indexOf("人"), cf.correctOffset(read.indexOf("人")));
        assertEquals(text.length(), cf.correctOffset(read.length()));
    }

    private static String byRule(Pattern rule, String text) {
        Matcher m = rule.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                int n = Numerals.parse(m.group(1));
                if (n < 0) continue;
                replacement = Integer.toString(n);
            } else {
                StringBuilder d = new StringBuilder();
                for (char c : m.group(2).toCharArray()) d.append((char) (c - '０' + '0'));
                replacement = d.toString();
            }
            out.append(text, last, m.start()).append(replacement);
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }
}
