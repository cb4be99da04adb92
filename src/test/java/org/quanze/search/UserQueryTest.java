package org.quanze.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserQueryTest {

    @Test
    void readsWordsPhrasesAndExclusions() {
        UserQuery q = UserQuery.parse("医疗救助 \"不得少于2人\" -罚款 -\"行政处罚\"");
        assertEquals("医疗救助", q.text());
        assertEquals(List.of("不得少于2人"), q.phrases());
        assertEquals(List.of("罚款", "行政处罚"), q.excluded());
    }

    @Test
    void anUnbalancedQuoteQuotesToTheEnd() {
        UserQuery q = UserQuery.parse("稽核 \"执法人员");
        assertEquals("稽核", q.text());
        assertEquals(List.of("执法人员"), q.phrases());
    }

    @Test
    void luceneSyntaxIsPlainText() {
        UserQuery q = UserQuery.parse("a:b *abc /.*/ x~2 (y) [z TO w] AND OR NOT ^");
        assertEquals("a:b *abc /.*/ x~2 (y) [z TO w] AND OR NOT ^", q.text());
        assertTrue(q.phrases().isEmpty());
        assertTrue(q.excluded().isEmpty());
    }

    @Test
    void aHyphenInsideAWordIsNotAnExclusion() {
        UserQuery q = UserQuery.parse("0825-5801815 - 价格");
        assertEquals("0825-5801815 - 价格", q.text());
        assertTrue(q.excluded().isEmpty());
    }

    @Test
    void fullWidthCharactersAndChineseQuotesAreNormalised() {
        UserQuery q = UserQuery.parse("“医保卡”　ＡＢＣ");
        assertEquals(List.of("医保卡"), q.phrases());
        assertEquals("ABC", q.text());
    }

    @Test
    void emptyAndBlankQueriesBrowse() {
        assertTrue(UserQuery.parse(null).isEmpty());
        assertTrue(UserQuery.parse("   ").isEmpty());
        assertTrue(UserQuery.parse("\"\"").isEmpty());
    }
}
