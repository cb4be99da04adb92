package org.quanze.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class TextCleanTest {

    @Test
    void removesBoldTagsAndTheSpacesWordPutAroundChinesePunctuation() {
        assertEquals("追责情形：《中华人民共和国公务员法》第六十三条，《中华人民共和国公职人员政务处分法》第十条以及其他依法应当追究的情形。"
                        + "免责情形：《中华人民共和国公务员法》第六十条、第六十一条，《中华人民共和国公职人员政务处分法》第十二条以及其他依法应当免责的情形。",
                TextClean.plain(SourceCells.ITEM_000_1_PURSUIT));
    }

    @Test
    void keepsParagraphsAsLines() {
        assertEquals("追责情形：\n"
                        + "《中华人民共和国公务员法》第六十三条，《中华人民共和国公职人员政务处分法》第十条以及其他依法应当追究的情形。\n"
                        + "免责情形：\n"
                        + "《中华人民共和国公务员法》第六十条、第六十一条，《中华人民共和国公职人员政务处分法》第十二条以及其他依法应当免责的情形。",
                TextClean.plain(SourceCells.ITEM_000_13_PURSUIT));
        assertEquals("line1\nline2\nline3", TextClean.plain("line1<br>line2<BR/>line3"));
        assertEquals("第一段\n第二段", TextClean.plain("<p class=\"x\">第一段</p>\n\n <p>第二段</p>"));
    }

    @Test
    void joinsAPhoneNumberSplitBySpaces() {
        assertEquals("监督电话：0825-5801815", TextClean.plain(SourceCells.ITEM_000_1_SUPERVISION));
        assertEquals("0825-5801815", TextClean.plain("0825-5801 815"));
        assertEquals("手机 13800138000", TextClean.plain("手机 138 0013 8000"));
        assertEquals("监督电话：0839-3261252", TextClean.plain("监督电话：0839-3261252"));
    }

    @Test
    void stopsJoiningDigitsOnceThePhoneNumberIsComplete() {
        assertEquals("电话 0825-5801815 2.其他", TextClean.plain("电话 0825-5801 815 2.其他"));
    }

    @Test
    void leavesDigitGroupsThatAreNoPhoneNumberApart() {
        assertEquals("2019 2020年", TextClean.plain("2019 2020年"));
        assertEquals("共 3 5 项", TextClean.plain("共 3 5 项"));
        assertEquals("第八十四条 2.《社会保险费征缴暂行条例》第二十三条",
                TextClean.plain("第八十四条 2.《社会保险费征缴暂行条例》第二十三条"));
    }

    @Test
    void decodesEntitiesAfterRemovingTagsSoEncodedMarkupStaysText() {
        assertEquals("<p> & A B \"中文\" 中文 &foo;",
                TextClean.plain("&lt;p&gt; &amp; A&nbsp;B &quot;中文&quot; &#x4E2D;&#25991; &foo;"));
        assertEquals("a < b and c > d", TextClean.plain("a < b and c > d"));
    }

    @Test
    void dropsWordBookmarks() {
        String duty = TextClean.plain(SourceCells.TABLE_003_1_DUTY);
        assertFalse(duty.contains("bookmark"));
        String[] lines = duty.split("\n");
        assertEquals(13, lines.length);
        assertEquals("（二）组织起草有关地方性法规和规章草案。负责拟订全市医疗保障事业发展规划、政策和标准，并组织实施和监督检查。", lines[1]);
        assertEquals("（十三）承办市政府交办的其他事项。", lines[12]);
    }

    @Test
    void removesSpacesInsideChineseTextButNotBetweenLatinWords() {
        assertEquals("自治区党委办公厅自治区人民政府办公厅", TextClean.plain("自治区党委办公厅 自治区人民政府办公厅"));
        assertEquals("Version 2 release notes x", TextClean.plain("Version 2 release  notes\t\u3000x"));
        assertEquals("第五十七条用人单位", TextClean.plain("第五十七条\u2002\u2002用人单位"));
    }

    @Test
    void trimsLinesCollapsesBlanksAndDropsEmptyLines() {
        assertEquals("a b\nc", TextClean.plain("  a \t\u3000 b  \r\n\r\n\u00A0\n  c  "));
        assertEquals("2.调查责任：医疗保障事务中心和稽核稽查人员进行调查不得少于2人；",
                TextClean.plain("    2.调查责任：医疗保障事务中心和稽核稽查人员进行调查不得少于2人；      "));
    }

    @Test
    void returnsEmptyTextForNullOrBlankCells() {
        assertEquals("", TextClean.plain(null));
        assertEquals("", TextClean.plain(""));
        assertEquals("", TextClean.plain(" <p> </p> &nbsp; "));
    }

    @Test
    void doesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("A\nB", TextClean.plain("A<BR>B"));
            assertEquals("0825-5801815", TextClean.plain("0825-5801 815"));
            assertEquals("A\nB", TextClean.plain("A[BOOKMARK: _GoBack]<P>B</P>"));
            assertEquals("LIST\nITEM", TextClean.plain("LIST<DIV>ITEM</DIV>"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aNameBrokenInsideItsCellIsOneLineAgain() {
        // The break goes; a space stays only between two Latin words or numbers.
        assertEquals("麻醉药品、精神药品邮寄许可", TextClean.oneLine("麻醉药品、精神\n药品邮寄许可"));
        assertEquals("对违反《条例》的处罚", TextClean.oneLine("对违反\n《条例》的\n处罚"));
        assertEquals("ISO 9001 认证", TextClean.oneLine("ISO\n9001 认证"));
        assertEquals("第3条规定的许可", TextClean.oneLine("第3\n条规定的许可"));
        assertEquals("无换行", TextClean.oneLine("无换行"));
        assertNull(TextClean.oneLine(null));
    }

    @Test
    void fullWidthDigitsReadAsAscii() {
        assertEquals("12", TextClean.asciiDigits("１２"));
        assertEquals("（3）", TextClean.asciiDigits("（３）"));
        assertEquals("十二", TextClean.asciiDigits("十二"));
        assertNull(TextClean.asciiDigits(null));
    }
}
