package org.quanze.statute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NumeralsTest {

    @Test
    void parsesChineseNumerals() {
        assertEquals(1, Numerals.parse("一"));
        assertEquals(9, Numerals.parse("九"));
        assertEquals(10, Numerals.parse("十"));
        assertEquals(11, Numerals.parse("十一"));
        assertEquals(20, Numerals.parse("二十"));
        assertEquals(23, Numerals.parse("二十三"));
        assertEquals(104, Numerals.parse("一百零四"));
        assertEquals(110, Numerals.parse("一百一十"));
        assertEquals(110, Numerals.parse("一百十"));
        assertEquals(149, Numerals.parse("一百四十九"));
        assertEquals(843, Numerals.parse("八百四十三"));
        assertEquals(2, Numerals.parse("两"));
        assertEquals(200, Numerals.parse("两百"));
        assertEquals(1000, Numerals.parse("一千"));
        assertEquals(1001, Numerals.parse("一千零一"));
        assertEquals(1260, Numerals.parse("一千二百六十"));
        assertEquals(2020, Numerals.parse("二千零二十"));
        assertEquals(104, Numerals.parse("一百〇四"));
        assertEquals(12000, Numerals.parse("一万二千"));
        assertEquals(100000, Numerals.parse("十万"));
    }

    @Test
    void parsesArabicAndFullWidthDigits() {
        assertEquals(5, Numerals.parse("5"));
        assertEquals(12, Numerals.parse("１２"));
        assertEquals(843, Numerals.parse("843"));
        assertEquals(-1, Numerals.parse("12a"));
        assertEquals(-1, Numerals.parse("99999999999"));
    }

    @Test
    void rejectsMalformedNumerals() {
        assertEquals(-1, Numerals.parse("一二"));
        assertEquals(-1, Numerals.parse("零"));
        assertEquals(-1, Numerals.parse("十百"));
        assertEquals(-1, Numerals.parse("百十"));
        assertEquals(-1, Numerals.parse(""));
        assertEquals(-1, Numerals.parse(null));
        assertEquals(-1, Numerals.parse("万"));
    }

    @Test
    void writesNumbersAsTheLawsNumberTheirArticles() {
        assertEquals("一", Numerals.chinese(1));
        assertEquals("十", Numerals.chinese(10));
        assertEquals("十一", Numerals.chinese(11));
        assertEquals("二十", Numerals.chinese(20));
        assertEquals("一百零四", Numerals.chinese(104));
        assertEquals("一百一十", Numerals.chinese(110));
        assertEquals("八百四十三", Numerals.chinese(843));
        assertEquals("一千零一", Numerals.chinese(1001));
        assertEquals("一万零五", Numerals.chinese(10005));
        for (int n = 1; n <= 1300; n++) assertEquals(n, Numerals.parse(Numerals.chinese(n)), "round trip of " + n);
    }

    @Test
    void readsArticlesWithTheirZhiSuffix() {
        assertEquals(new Numerals.Article(20, 1), Numerals.article("二十", "一"));
        assertEquals("第二十条之一", Numerals.article("二十", "一").label());
        assertEquals("第八十七条", Numerals.article("87", null).label());
        assertNull(Numerals.article("零", null));
    }

    @Test
    void spellsDigitsAsChineseNumeralsForComparison() {
        assertEquals("处二倍以上五倍以下的罚款", Numerals.toChinese("处2倍以上5倍以下的罚款"));
        assertEquals(Numerals.toChinese("不得少于两人"), Numerals.toChinese("不得少于2人"));
        assertEquals("处一千元以上五千元以下", Numerals.toChinese("处1000元以上5000元以下"));
        assertEquals("第十二条", Numerals.toChinese("第１２条"));
    }
}
